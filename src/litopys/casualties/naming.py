"""The one person key and the Latin forms of name parts, as the names app gives them (nothing here
transliterates by itself)."""

from __future__ import annotations

from functools import lru_cache

from litopys.names import FIRST_NAMES, GIVEN_NAMES
from litopys.names import person_key as _person_key


@lru_cache(maxsize=262144)
def person_key(name: str) -> str:
    """Return one key for a person's name in any script ("Ігор Клименко", "Ihor Klymenko" → one key)."""
    return _person_key(name) if name and name.strip() else ""


@lru_cache(maxsize=262144)
def latin_part(part: str) -> str:
    """Return the Latin, folded form of one name part (a surname, a given name, a patronymic)."""
    return person_key(part).replace(" ", "") if part else ""


def is_given_name(word: str) -> bool:
    """Tell whether a word is a common given name in any script."""
    return word.capitalize() in FIRST_NAMES or latin_part(word) in GIVEN_NAMES


def script_of(text: str) -> str:
    """Tell the script a name is written in: "cyrillic", "latin" or "" (mixed, or no letters)."""
    from litopys.places.translit import is_cyrillic, is_latin

    if is_cyrillic(text):
        return "cyrillic"
    if is_latin(text):
        return "latin"
    return ""
