"""Fold place names for matching and tell scripts apart; romanisation itself is in ``litopys.names``."""

import re
import unicodedata
from functools import lru_cache

from litopys.names.translit import APOSTROPHES, fold, ukrainian_to_latin

__all__ = ["APOSTROPHES", "fold", "fold_latin", "is_cyrillic", "is_latin", "looks_ukrainian", "looks_shared",
           "looks_russian", "is_foreign_cyrillic", "ukrainian_to_latin", "russian_to_latin", "skeleton"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_BEYOND_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2019]")
_UKRAINIAN_MARKS = re.compile(rf"[іїєґІЇЄҐ{APOSTROPHES}]")
_RUSSIAN_LETTERS = re.compile(r"[ыэъЫЭЪ]")
# Letters beyond the Ukrainian and Russian alphabets (Serbian ј, Belarusian ў, Tatar һ...): a foreign spelling.
_FOREIGN_CYRILLIC = re.compile(r"[^\u0410-\u044fЁёІіЇїЄєҐґ'’ʼ\s.\-]")
# Not a romanisation of record (that is ``litopys.names.russian_to_latin``, BGN/PCGN) but the spelling of the
# old Russian-based English exonyms (Kharkov, Nikolaev, Yasinovataya) that GeoNames lists among a place's Latin
# names: choosing a place's Russian name checks which Cyrillic spelling renders to one of them. No maintained
# scheme gives these (BGN/PCGN writes Nikolayev, ICAO Iasinovataia), so the table stays here.
_EXONYM_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
})
_VOWELS = re.compile(r"[aeiouyjhg'\-\s]")


def fold_latin(word: str) -> str:
    """Return the lookup key of a Latin word: lowercase, without apostrophes or stress marks."""
    return fold(word).replace("'", "")


def is_cyrillic(text: str) -> bool:
    """Tell whether a name is written in Cyrillic."""
    return bool(_CYRILLIC.search(text)) and not _LATIN.search(text)


def is_latin(text: str) -> bool:
    """Tell whether a name is written in the Latin script."""
    return bool(_LATIN.search(text)) and not _BEYOND_LATIN.search(text)


def looks_ukrainian(name: str) -> bool:
    """Tell whether a Cyrillic name uses letters (or the apostrophe) only Ukrainian has."""
    return bool(_UKRAINIAN_MARKS.search(name)) and not _RUSSIAN_LETTERS.search(name)


def looks_shared(name: str) -> bool:
    """Tell whether a Cyrillic name reads the same in Ukrainian and Russian (Буча, Лиман)."""
    return not _UKRAINIAN_MARKS.search(name) and not _RUSSIAN_LETTERS.search(name)


def looks_russian(name: str) -> bool:
    """Tell whether a Cyrillic name could be Russian (no Ukrainian-only letters)."""
    return not _UKRAINIAN_MARKS.search(name)


def is_foreign_cyrillic(name: str) -> bool:
    """Tell whether a Cyrillic name is Serbian, Macedonian or Belarusian."""
    return bool(_FOREIGN_CYRILLIC.search(name))


def russian_to_latin(name: str) -> str:
    """Spell a Russian place name as old English exonyms did, lowercase: Харьков → kharkov, Николаев → nikolaev."""
    return fold(name).translate(_EXONYM_LATIN)


@lru_cache(maxsize=65536)
def skeleton(latin: str) -> str:
    """Return the consonants of a Latin name, to compare spellings: Izyum and Izium agree."""
    folded = unicodedata.normalize("NFKD", fold_latin(latin))
    return _VOWELS.sub("", "".join(ch for ch in folded if not unicodedata.combining(ch)))
