"""Given names in Ukrainian, Russian and Latin spelling, their genitives, and putting a name in the nominative.

The words are data (``given_names.yaml``, ``grammar.yaml`` beside this module); this module only reads them.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .translit import russian_to_latin, ukrainian_to_latin

_HERE = Path(__file__).resolve().parent


def _load(name: str) -> dict:
    return yaml.safe_load((_HERE / name).read_text(encoding="utf-8"))


_NAMES = _load("given_names.yaml")
GRAMMAR = _load("grammar.yaml")


def genitive(name: str, language: str) -> str:
    """Return the genitive of a Ukrainian or Russian given name (Ігор -> Ігоря, Микола -> Миколи)."""
    rules = GRAMMAR["genitive"]
    if name in rules["irregular"]:
        return rules["irregular"][name]
    for ending, replacement in rules[language]:
        if name.endswith(ending):
            return name[: len(name) - len(ending)] + replacement
    return name


def _replace_ending(word: str, rules: list[list[str]]) -> str | None:
    for ending, replacement in rules:
        if word.endswith(ending):
            return word[: len(word) - len(ending)] + replacement
    return None


def instrumental(name: str, language: str, sex: str) -> str:
    """Return the instrumental of a Ukrainian or Russian given name (Віталій -> Віталієм, Ірина -> Іриною)."""
    return _replace_ending(name, GRAMMAR["instrumental"][language][sex]) or name


def _instrumentals() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for sex in ("male", "female"):
        for language in ("uk", "ru"):
            for name in _NAMES[language][sex]:
                found.setdefault(instrumental(name, language, sex), (name, sex[0]))
    return found


def _first_names() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for sex, language in (("male", "uk"), ("male", "ru"), ("female", "uk"), ("female", "ru")):
        for name in _NAMES[language][sex]:
            found.setdefault(name, (name, sex[0]))
            found.setdefault(genitive(name, language), (name, sex[0]))
    for sex in ("male", "female"):
        for name in _NAMES["latin"][sex]:
            found.setdefault(name, (name, sex[0]))
    for sex, language, romanise in (("male", "uk", ukrainian_to_latin), ("female", "uk", ukrainian_to_latin),
                                    ("male", "ru", russian_to_latin), ("female", "ru", russian_to_latin)):
        for name in _NAMES[language][sex]:  # "Viacheslav", "Tymur": a Latin text romanises the names it gives
            latin = romanise(name)
            found.setdefault(latin, (latin, sex[0]))
    return found


#: The instrumental of a given name ("Віталієм") -> (nominative, "m"/"f").
INSTRUMENTALS: dict[str, tuple[str, str]] = _instrumentals()
#: Any written form of a given name (nominative, genitive or instrumental, Cyrillic or Latin) -> (nominative, "m"/"f").
FIRST_NAMES: dict[str, tuple[str, str]] = {**INSTRUMENTALS, **_first_names()}
#: Any Latin spelling of a common given name (lowercase) -> its Ukrainian national romanisation.
GIVEN_NAMES: dict[str, str] = {
    spelling: name for name, spellings in _NAMES["spellings"].items() for spelling in [name, *spellings]
}
#: Given names (and their genitives, lowercase) that only Russian has: they mark a Cyrillic name as Russian.
RUSSIAN_NAMES: frozenset[str] = frozenset(
    form.lower().replace("ё", "е")
    for sex in ("male", "female")
    for name in set(_NAMES["ru"][sex]) - set(_NAMES["uk"][sex])
    for form in (name, genitive(name, "ru"))
)
_PATRONYMIC = re.compile(
    "(?:" + "|".join(GRAMMAR["patronymic"]["cyrillic"] + GRAMMAR["patronymic"]["latin"]) + ")$", re.IGNORECASE
)


def is_patronymic(word: str) -> bool:
    """Tell whether a word is a patronymic (Володимирович, Володимировича, Ivanovna, Mykhailovych)."""
    return _PATRONYMIC.search(word) is not None


def nominative(words: list[str]) -> str:
    """Put a name given in the genitive ("Ігоря Клименка") or the instrumental ("Віталієм Гордієнком") in the
    nominative ("Ігор Клименко", "Віталій Гордієнко")."""
    first = words[0]
    if first not in FIRST_NAMES or FIRST_NAMES[first][0] == first:
        return " ".join(words)
    base, sex = FIRST_NAMES[first]
    if first in INSTRUMENTALS and INSTRUMENTALS[first] == (base, sex):
        rules = GRAMMAR["surname_instrumental"]["male" if sex == "m" else "female"]
        return " ".join([base, *(_replace_ending(word, rules) or word for word in words[1:])])
    return " ".join([base, *(_surname(word, sex) for word in words[1:])])


def _surname(word: str, sex: str) -> str:
    rules = GRAMMAR["surname"]
    if is_patronymic(word):
        return _replace_ending(word, rules["patronymic_male" if sex == "m" else "patronymic_female"]) or word
    replaced = _replace_ending(word, rules["male" if sex == "m" else "female"])
    if replaced is not None:
        return replaced
    consonant = rules["male_consonant_a"]
    if sex == "m" and len(word) > 1 and word.endswith(consonant["ending"]) and word[-2] in consonant["consonants"]:
        return word[: -len(consonant["ending"])]
    return word
