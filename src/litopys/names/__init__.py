"""Names of people: one person key, one rule for who is the same person, one romanisation per script.

Pure Python, no database. Used by extraction (finding names in text), incidents (actors) and verification
(origins), and by places for romanising Ukrainian and Russian names. See docs/names.md.
"""

from .given import FIRST_NAMES, GIVEN_NAMES, genitive, is_patronymic, nominative
from .keys import person_key, person_words, same_person
from .translit import APOSTROPHES, fold, is_latin_word, russian_to_latin, ukrainian_to_latin

__all__ = [
    "APOSTROPHES", "FIRST_NAMES", "GIVEN_NAMES", "fold", "genitive", "is_latin_word", "is_patronymic", "nominative",
    "person_key", "person_words", "russian_to_latin", "same_person", "ukrainian_to_latin",
]
