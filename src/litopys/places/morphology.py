"""Recognise inflected Ukrainian and Russian forms of a place name: Ізюмі, Харкова, Балаклеи."""

import re

# Endings by the shape of the nominative, Ukrainian and Russian together; an over-generated form
# ("Бучої") is harmless because it never occurs in text.
_ADJ_MASC = frozenset({"ий", "ій", "ый", "ой", "ого", "ому", "им", "ім", "ым", "ом", "ими"})
_ADJ_FEM_RU = frozenset({"ая", "ой", "ую", "ою", "ые", "ых", "ым"})
_ADJ_SOFT_FEM_RU = frozenset({"яя", "ей", "юю", "ею"})
_ADJ_NEUT_UK = frozenset({"е", "ого", "ому", "им", "ім"})
_ADJ_NEUT_RU = frozenset({"ое", "ее", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем"})
_NOUN_A = frozenset({"а", "и", "ы", "і", "е", "у", "ою", "ой", "ею", "ей", "ої", "ій", "ую"})
_NOUN_YA = frozenset({"я", "ї", "і", "и", "ю", "єю", "ею", "е", "ей", "ям", "ем"})
_SOFT = frozenset({"ь", "і", "ю", "я", "ем", "и", "ей", "ях", "ям", "ями", "ью", "е", "ів"})
_SOFT_OBLIQUE = frozenset({"і", "ю", "я", "ем", "е", "и"})
_HARD = frozenset({"", "а", "у", "ю", "і", "е", "ом", "ем", "ові", "еві", "я"})
_HARD_OBLIQUE = _HARD - {""}
_NEUT_O = frozenset({"о", "а", "у", "і", "е", "ом"})
_PLURAL = frozenset({"и", "ы", "і", "", "ах", "ам", "ами", "ях", "ям", "ями", "ів", "их", "им", "ими", "ей"})
_J = frozenset({"й", "я", "ю", "ї", "єм", "ем", "е"})
_LOCATIVE_I = frozenset({"і"})
#: A possessive adjective in a name declines as an adjective: Часів Яр → Часового Яру, Часов Яр → Часовом Яре.
_POSSESSIVE = frozenset({"ого", "ому", "им", "ім", "ом", "ым"})
_POSSESSIVE_ENDS = ("ов", "ев", "ів", "їв", "ин", "ін")

_VOWEL = "аеєиіїоуюяыэё"
_CLOSED_I = re.compile(r"^(.*)і([^" + _VOWEL + r"'ь]+)$")
_ALTERNATION = {"к": "ц", "г": "з", "х": "с"}

SUFFIXES = frozenset().union(
    _ADJ_MASC, _ADJ_FEM_RU, _ADJ_SOFT_FEM_RU, _ADJ_NEUT_UK, _ADJ_NEUT_RU, _NOUN_A, _NOUN_YA, _SOFT, _HARD,
    _NEUT_O, _PLURAL, _J,
)
LONGEST_SUFFIX = max(len(s) for s in SUFFIXES)
SHORTEST_STEM = 2
_MEMO_LIMIT = 500_000


def _vowel_shifts(stem: str) -> list[str]:
    """Return the oblique stems of a Ukrainian stem whose last syllable has і: Харків → Харков, Тернопол."""
    shifts = []
    if stem.endswith("їв"):
        shifts.append(stem[:-2] + "єв")
    match = _CLOSED_I.match(stem)
    if match:
        head, tail = match.groups()
        shifts += [head + "о" + tail, head + "е" + tail]
    return shifts


def paradigms(word: str) -> list[tuple[str, frozenset[str]]]:
    """Return (stem, endings) pairs whose concatenations are the forms of a folded nominative word."""
    if len(word) < 3:
        if len(word) == 2 and word[-1] not in _VOWEL + "ьй":
            return [(word, _HARD)]  # Яр → Яру, Яре
        return [(word, frozenset({""}))]
    last, last2 = word[-1], word[-2:]
    if last2 in ("ий", "ій", "ый", "ой"):
        return [(word[:-2], _ADJ_MASC)]
    if last2 == "ая":
        return [(word[:-2], _ADJ_FEM_RU)]
    if last2 == "яя":
        return [(word[:-2], _ADJ_SOFT_FEM_RU)]
    if last2 in ("ое", "ее"):
        return [(word[:-2], _ADJ_NEUT_RU)]
    if last2 == "ье":
        return [(word[:-1], frozenset({"е", "я", "ю", "ем", "и"}))]
    if last == "а":
        stem = word[:-1]
        pairs = [(stem, _NOUN_A)]
        if stem[-1] in _ALTERNATION:
            pairs.append((stem[:-1] + _ALTERNATION[stem[-1]], _LOCATIVE_I))
        return pairs
    if last == "я":
        return [(word[:-1], _NOUN_YA)]
    if last == "е":
        return [(word[:-1], _ADJ_NEUT_UK)]
    if last == "о":
        return [(word[:-1], _NEUT_O)]
    if last in "иыі" and len(word) > 3:
        return [(word[:-1], _PLURAL)]
    if last == "ь":
        stem = word[:-1]
        pairs = [(stem, _SOFT)] + [(shifted, _SOFT_OBLIQUE) for shifted in _vowel_shifts(stem)]
        if word.endswith("ець"):
            pairs.append((word[:-3] + "ц", _SOFT_OBLIQUE))
        if word.endswith("овь"):
            pairs.append((word[:-3] + "в", frozenset({"и", "ью"})))  # Церковь → Церкви
        return pairs
    if last == "й":
        return [(word[:-1], _J)]
    if last in _VOWEL:
        return [(word, frozenset({""}))]
    pairs = [(word, _HARD)] + [(shifted, _HARD_OBLIQUE) for shifted in _vowel_shifts(word)]
    if word.endswith(_POSSESSIVE_ENDS):
        pairs += [(stem, _POSSESSIVE) for stem in (word, *_vowel_shifts(word))]
    if word.endswith(("ец", "ок")):
        pairs.append((word[:-2] + word[-1], _HARD_OBLIQUE))
    if word.endswith("іг"):
        pairs.append((word[:-2] + "оз", _LOCATIVE_I))
    return pairs


class StemIndex:
    """Map inflected Cyrillic word forms back to the nominative words added to it."""

    def __init__(self) -> None:
        self._stems: dict[str, list[tuple[str, frozenset[str]]]] = {}
        self._memo: dict[str, tuple[str, ...]] = {}

    def add(self, word: str) -> None:
        """Index every form of a folded nominative word."""
        for stem, endings in paradigms(word):
            entries = self._stems.setdefault(stem, [])
            if (word, endings) not in entries:
                entries.append((word, endings))
        self._memo.clear()

    def nominatives(self, form: str) -> tuple[str, ...]:
        """Return the nominative words a folded form can be an inflection of."""
        found = self._memo.get(form)
        if found is not None:
            return found
        words: list[str] = []
        size = len(form)
        for cut in range(min(LONGEST_SUFFIX, size - SHORTEST_STEM), -1, -1):
            ending = form[size - cut:] if cut else ""
            if ending not in SUFFIXES:
                continue
            for word, endings in self._stems.get(form[: size - cut], ()):
                if ending in endings and word not in words:
                    words.append(word)
        if len(self._memo) > _MEMO_LIMIT:
            self._memo.clear()
        found = self._memo[form] = tuple(words)
        return found
