"""One key per person, and one rule for whether two written names can name the same person."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .given import GIVEN_NAMES, GRAMMAR, RUSSIAN_NAMES
from .translit import fold, is_latin_word, looks_russian, russian_to_latin, ukrainian_to_latin

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_LATIN_PATRONYMIC = re.compile("(?:" + "|".join(GRAMMAR["patronymic"]["latin"]) + ")$")
_SURNAME_FOLDS = [tuple(pair) for pair in GRAMMAR["surname_folds"]]
_SOUND_FOLDS = [tuple(pair) for pair in GRAMMAR["sound_folds"]]
_DOUBLED = re.compile(r"(.)\1+")
_UKRAINIAN_FORMS = frozenset(GIVEN_NAMES.values())


def person_key(name: str) -> str:
    """Return one key for a person's name however it is spelled: "Ігор Клименко", "Игорь Клименко" and
    "Ihor Klymenko" all give "ihor klymenko".

    Ukrainian is romanised with the national system, Russian (a letter or a given name only Russian has)
    with BGN/PCGN; everything is lowercased without accents; a common given name takes its Ukrainian form
    (Igor, Игорь → ihor; Sergei → serhii); other words fold і/и/ы to y, є to e and g to h (Лубінець,
    Лубинец, Lubinets → "lubynets"); a patronymic is dropped ("Ігор Володимирович Клименко"), and
    "Клименко Ігор Володимирович" is put given name first. A key for matching, not for display.
    """
    return " ".join(_key_words(name))


@lru_cache(maxsize=4096)
def _key_words(name: str) -> tuple[str, ...]:
    written = _WORD.findall(fold(unicodedata.normalize("NFC", name)))
    cyrillic = [word for word in written if not is_latin_word(word)]
    russian = looks_russian(cyrillic, RUSSIAN_NAMES)
    words = []
    for word in written:
        if is_latin_word(word):
            latin = word
        else:
            latin = (russian_to_latin if russian else ukrainian_to_latin)(word).lower()
        latin = "".join(c for c in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(c))
        words.append(latin.removesuffix("'s").replace("'", ""))
    if len(words) == 3 and _LATIN_PATRONYMIC.search(words[1]):
        words = [words[0], words[2]]  # Ігор Володимирович Клименко
    elif len(words) == 3 and _LATIN_PATRONYMIC.search(words[2]) and words[1] in GIVEN_NAMES:
        words = [words[1], words[0]]  # Клименко Ігор Володимирович
    return tuple(GIVEN_NAMES.get(word) or _fold_surname(word) for word in words)


def _fold_surname(word: str) -> str:
    if len(word) == 1:
        return word  # an initial
    for spelling, letter in _SURNAME_FOLDS:
        word = word.replace(spelling, letter)
    return word


def _sounds(word: str) -> str:
    for spelling, sound in _SOUND_FOLDS:
        word = word.replace(spelling, sound)
    return _DOUBLED.sub(r"\1", word)


@lru_cache(maxsize=4096)
def person_words(name: str) -> tuple[str, ...]:
    """Return the words same_person compares: the key's words from the given name on, folded by sound.

    Words before a known given name are a title ("National Police Chief Ihor Klymenko" → ihor klymenko).
    """
    words = _key_words(name)
    for index, word in enumerate(words):
        if index and word in _UKRAINIAN_FORMS and index < len(words) - 1:
            words = words[index:]
            break
    return tuple(_sounds(word) if len(word) > 1 else word for word in words)


_GIVEN_SOUNDS = frozenset(_sounds(form) for form in _UKRAINIAN_FORMS)


def same_person(a: str, b: str) -> bool:
    """Tell whether two written names can name one person ("Klymenko", "I. Klymenko", "Ігор Клименко").

    Every word of the shorter name must match a word of the longer one, in any order; an initial matches a
    word it begins. A one-word name must be the other's last word, so a lone surname matches its full name,
    and a lone given name joins no one. A double surname ("Klymenko-Petrenko") is one word of its own.
    """
    shorter, longer = sorted((person_words(a), person_words(b)), key=len)
    if not shorter or not any(len(word) > 1 for word in shorter):
        return False
    if len(shorter) == 1 and (shorter[0] != longer[-1] or shorter[0] in _GIVEN_SOUNDS):
        return False

    def matches(word: str, other: str) -> bool:
        if len(word) == 1 or len(other) == 1:
            return word[0] == other[0]
        return word == other

    return all(any(matches(word, other) for other in longer) for word in shorter)
