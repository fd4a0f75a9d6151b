"""One romanisation per script: Ukrainian by the national system, Russian by BGN/PCGN.

Ukrainian: the system of the Cabinet of Ministers of Ukraine, resolution 55 of 27 January 2010 (KMU 2010),
as the ``translitua`` package implements it: Ізюм → Izium, Згорани → Zghorany. Russian: the BGN/PCGN
system (1947), as the ``iuliia`` package implements it: Харьков → Khar'kov, Игорь → Igor'.
"""

from __future__ import annotations

import re
from functools import lru_cache

import iuliia
from translitua import UkrainianKMU, translit

#: Characters texts use for the apostrophe (and the stress mark's neighbours): all read as "'".
APOSTROPHES = "'’ʼ`´‘"
_APOSTROPHE_TABLE = str.maketrans({a: "'" for a in APOSTROPHES} | {"ё": "е", "Ё": "Е", "\u0301": None})
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_LETTERS = re.compile(r"[ыэъЫЭЪ]")
_RUSSIAN_MARKS = re.compile(r"[ыэъёЫЭЪЁ]")
_BGN_MARKS = str.maketrans({"’": None, "”": None, "'": None, "ʼ": None})


def fold(word: str) -> str:
    """Return the lookup key of a word: lowercase, one apostrophe, ё as е, no stress marks."""
    return word.translate(_APOSTROPHE_TABLE).lower()


def is_latin_word(word: str) -> bool:
    """Tell whether a word is written in the Latin script rather than Cyrillic."""
    return word[0] < "\u0400"


@lru_cache(maxsize=65536)
def ukrainian_to_latin(text: str) -> str:
    """Romanise Ukrainian text with the national system: Ізюм → Izium, Київ → Kyiv, Мар'янівка → Marianivka.

    Letters of Russian only (ы, э, ъ) are written as their nearest Ukrainian ones (и, е, nothing), so a
    Russian spelling met in Ukrainian text still gives Latin letters.
    """
    plain = text.translate(_APOSTROPHE_TABLE)
    plain = plain.translate(str.maketrans({"ы": "и", "Ы": "И", "э": "е", "Э": "Е", "ъ": None, "Ъ": None}))
    return translit(plain.replace("'", ""), UkrainianKMU)


@lru_cache(maxsize=65536)
def russian_to_latin(text: str) -> str:
    """Romanise Russian text with BGN/PCGN, without its apostrophes: Харьков → Kharkov, Игорь → Igor."""
    return iuliia.BGN_PCGN.translate(text.replace("ё", "е").replace("Ё", "Е")).translate(_BGN_MARKS)


def looks_russian(words: list[str], russian_names: frozenset[str] = frozenset()) -> bool:
    """Tell whether Cyrillic words read as Russian: a letter or a given name (lowercase) only Russian has."""
    text = " ".join(words)
    if _UKRAINIAN_LETTERS.search(text) or "'" in fold(text):
        return False
    return bool(_RUSSIAN_MARKS.search(text)) or any(word in russian_names for word in words)
