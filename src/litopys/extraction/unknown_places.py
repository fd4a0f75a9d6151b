"""A place the gazetteer does not know, named in the text: its name in the nominative and the national transliteration
("Ягідному" -> "Yahidne", "Андріївці" -> "Andriivka", "Кучеровке" -> "Kucherivka")."""

from __future__ import annotations

import functools
import re

from litopys.names.translit import ukrainian_to_latin

from . import morphology
from .lexicon.loading import each

#: Each language's own letters (``detection``), to tell the language of a name from the text's.
_OWN_LETTERS = {code: frozenset(detection.get("own", "")) for code, detection in each("detection")}
#: The gender an adjective naming a place takes when nothing says otherwise ("Ягідне", "Граково": a village's).
_PLACE_GENDER = {code: gender for code, gender in each("places", "gender")}
#: How a language's spelling of a village becomes the Ukrainian one the national transliteration reads.
_UKRAINIAN_SPELLING = {code: [(re.compile(rule), to) for rule, to in rules]
                       for code, rules in each("places", "ukrainian_spelling")}


@functools.lru_cache(maxsize=4096)
def unknown_name(name: str, language: str) -> str:
    """Return the name of a place the gazetteer does not know in the nominative and the national transliteration:
    "Ягідному" -> "Yahidne", "Андріївці" -> "Andriivka"; a name no analyser reads is returned as written."""
    if not name or name[0].isascii():
        return name
    lower = name.lower()
    owners = [code for code, own in _OWN_LETTERS.items() if own & set(lower)]
    language = owners[0] if len(owners) == 1 else language
    if language not in morphology.languages():
        return name
    words = name.split()
    genders = [morphology.gender(word, language) for word in words]
    noun_gender = next((found for found in reversed(genders) if found), None)
    gender = noun_gender or _PLACE_GENDER.get(language)
    nominatives = []
    for word in words:
        found = morphology.nominative(word, language, gender)
        if found is None:
            return ukrainian_to_latin(name)
        for rule, to in _UKRAINIAN_SPELLING.get(language, ()):
            found = rule.sub(to, found)
        nominatives.append("-".join(part[:1].upper() + part[1:] for part in found.split("-")))
    return ukrainian_to_latin(" ".join(nominatives))
