"""Transliterate Ukrainian, fold names for matching, and tell scripts apart."""

import re
import unicodedata
from functools import lru_cache

# The official Ukrainian national system (Cabinet of Ministers resolution 55 of 2010):
# the form on the left applies at the start of a word, the one on the right elsewhere.
_UK_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ye", "ie"), "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"), "й": ("y", "i"), "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": ("yu", "iu"), "я": ("ya", "ia"),
    "'": "",
    # Russian-only letters, so that Russian spellings can be compared too
    "ы": "y", "э": "e", "ъ": "",
}
APOSTROPHES = "'’ʼ`´‘"
_APOSTROPHE_TABLE = str.maketrans({a: "'" for a in APOSTROPHES} | {"ё": "е", "Ё": "Е", "\u0301": None})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_BEYOND_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2019]")
_UKRAINIAN_MARKS = re.compile(rf"[іїєґІЇЄҐ{APOSTROPHES}]")
_RUSSIAN_LETTERS = re.compile(r"[ыэъЫЭЪ]")
# Letters beyond the Ukrainian and Russian alphabets (Serbian ј, Belarusian ў, Tatar һ...): a foreign spelling.
_FOREIGN_CYRILLIC = re.compile(r"[^\u0410-\u044fЁёІіЇїЄєҐґ'’ʼ\s.\-]")
_RU_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
})
_VOWELS = re.compile(r"[aeiouyjhg'\-\s]")


def fold(word: str) -> str:
    """Return the lookup key of a word: lowercase, one apostrophe, ё as е, no stress marks."""
    return word.translate(_APOSTROPHE_TABLE).lower()


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


@lru_cache(maxsize=65536)
def ukrainian_to_latin(name: str) -> str:
    """Transliterate a Ukrainian name with the national system: Ізюм → Izium, Київ → Kyiv."""
    out = []
    plain = name.translate(_APOSTROPHE_TABLE)
    folded = plain.lower()
    for i, ch in enumerate(folded):
        at_start = i == 0 or not folded[i - 1].isalpha() and folded[i - 1] != "'"
        if ch == "г" and i > 0 and folded[i - 1] == "з":
            latin = "gh"
        else:
            latin = _UK_LATIN.get(ch, ch)
            if isinstance(latin, tuple):
                latin = latin[0] if at_start else latin[1]
        if plain[i].isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def russian_to_latin(name: str) -> str:
    """Romanise a Russian name the way English texts long did, lowercase: Харьков → kharkov."""
    return fold(name).translate(_RU_LATIN)


@lru_cache(maxsize=65536)
def skeleton(latin: str) -> str:
    """Return the consonants of a Latin name, to compare spellings: Izyum and Izium agree."""
    folded = unicodedata.normalize("NFKD", fold_latin(latin))
    return _VOWELS.sub("", "".join(ch for ch in folded if not unicodedata.combining(ch)))
