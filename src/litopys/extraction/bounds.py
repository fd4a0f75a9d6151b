"""Turn numbers into quantities with bounds: "at least 1,000" -> min 1000; "almost 450" -> max 450, approximate.

Ranges ("150-200", "from 150 to 200", "від 150 до 200", "between 10 and 15") become one quantity.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import lowered
from .lexicon.loading import alternation, by_key, entries, wordset
from .numbers import Number
from .patterns import union

MIN, MAX, MAX_EXACT, ABOUT = "min", "max", "max_exact", "approximate"

# Phrases right before a number, per effect (``lexicon/<language>.yaml``, section ``bounds``).
_BEFORE = {
    MIN: alternation("bounds", "at_least"),
    MAX: alternation("bounds", "up_to"),
    MAX_EXACT: alternation("bounds", "at_most"),
    ABOUT: alternation("bounds", "about") + "|~|≈",
}
#: "no more than" before "more than", "не більше" before "більше": at the same position the first group wins.
_ORDER = (MAX_EXACT, MIN, MAX, ABOUT)
#: Matched in lowered text; ``_ORDER[_BEFORE_OWNERS[match.lastindex]]`` is the effect of the phrase found.
#: A preposition may stand between the bound and its number: "щонайменше на 11 тілах", "не менее чем в 20 селах".
_BOUND_PREPOSITION = alternation("bounds", "prepositions")
_BEFORE_RE, _BEFORE_OWNERS = union(
    [_BEFORE[effect] for effect in _ORDER], capture=True, left=r"(?<![\w-])",
    end=rf"(?:\s+(?:{_BOUND_PREPOSITION}))?\s*$"
)
_AFTER_MIN = re.compile(rf"\s*(?:\+|{alternation('bounds', 'or_more')})(?!\w)", re.I)
_AFTER_ABOUT = re.compile(rf"\s*(?:{alternation('bounds', 'or_so')})(?!\w)", re.I)
#: Right before a bound's words, verbs that make them none: "came under 2 strikes".
_NOT_AFTER = re.compile(rf"(?<!\w)(?:{alternation('bounds', 'not_after')})\s+$", re.I)
#: After a verb of change, "до" is "to", not "up to": "зросла до 447" is exactly 447.
_CHANGE_TO = wordset("bounds", "change", "to")
_CHANGE_BEFORE_TO = re.compile(
    rf"(?:{alternation('bounds', 'change', 'verbs')})\s+(?:\w+\s+)?(?:{alternation('bounds', 'change', 'to')})\s*$",
    re.I,
)
#: Words joining the two numbers of a range by themselves ("150 to 200"), only after an opener ("between 10 and 15",
#: "від 150 до 200"), or when the numbers are close ("150 or 200").
_RANGE_ALONE = wordset("bounds", "ranges", "alone")
_RANGE_AFTER_OPENER = wordset("bounds", "ranges", "after_opener")
_RANGE_OR = wordset("bounds", "ranges", "or")
#: "150 or 200" is approximate ("150 to 200" is not).
_RANGE_APPROXIMATE = tuple(f" {word} " for word in entries("bounds", "ranges", "approximate"))
_RANGE_WORDS = dict.fromkeys(entries("bounds", "ranges", "alone") + entries("bounds", "ranges", "after_opener")
                             + entries("bounds", "ranges", "or"))
_RANGE_BETWEEN = re.compile(rf"^\s*(?:[-–—]|{'|'.join(_RANGE_WORDS) or '(?!)'})\s*$", re.I)
_RANGE_OPENER = re.compile(rf"(?<!\w)(?:{alternation('bounds', 'ranges', 'openers')})\s*$", re.I)


class Quantity(NamedTuple):
    """One counted amount with its bounds, and the span of text that states it (a named tuple, like ``Number``)."""

    start: int
    end: int
    min: int | float | None
    max: int | float | None
    approximate: bool
    #: The number that carries the counted noun (the upper number of a range).
    number: Number
    numbers: tuple[Number, ...]

    @property
    def value(self) -> int | float:
        return self.min if self.min is not None else self.max


def quantities(text: str, numbers: list[Number]) -> list[Quantity]:
    """Group ``numbers`` found in ``text`` into quantities with bounds."""
    result: list[Quantity] = []
    low = lowered(text)
    index = 0
    while index < len(numbers):
        number = numbers[index]
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        if following and _is_range(text, number, following):
            opener = _RANGE_OPENER.search(text, max(0, number.start - 12), number.start)
            start = opener.start() if opener else number.start
            approximate = any(word in text[number.end : following.start] for word in _RANGE_APPROXIMATE)
            pair = (number, following)
            result.append(Quantity(start, following.end, _shared_multiplier(text, number, following), following.value,
                                   approximate, following, pair))
            index += 2
            continue
        result.append(_bounded(text, low, number))
        index += 1
    return result


#: A multiplier written after a number ("тис.", "thousand", "млн"): "2–3 тис." is 2,000 to 3,000.
_MULTIPLIERS = by_key("numbers", "after_digits")
_MULTIPLIER_AFTER = re.compile(rf"(?:{'|'.join(p for found in _MULTIPLIERS.values() for p in found)})\W*$", re.I)


def _shared_multiplier(text: str, low: Number, high: Number):
    """Return a range's lower value, multiplied as the upper one is when only the upper one wrote its multiplier:
    "2–3 тис. дітей" is 2,000 to 3,000; "150–200" stays 150."""
    if _DIGITS_ONLY.fullmatch(text[low.start:low.end]) is None or not _MULTIPLIER_AFTER.search(
            text[high.start:high.end]):
        return low.value
    for factor in sorted((int(key) for key in _MULTIPLIERS), reverse=True):
        if high.value % factor == 0 and low.value < high.value // factor:
            return low.value * factor
    return low.value


_DIGITS_ONLY = re.compile(r"\d+(?:[.,]\d+)?")


def _is_range(text: str, low: Number, high: Number) -> bool:
    between = text[low.end : high.start]
    if not _RANGE_BETWEEN.match(between) or not low.value < high.value:
        return False
    if between.strip() in ("-", "–", "—"):
        return True
    word = between.strip().lower()
    if word in _RANGE_ALONE:
        return True
    if word in _RANGE_AFTER_OPENER:
        return _RANGE_OPENER.search(text, max(0, low.start - 12), low.start) is not None
    return word in _RANGE_OR and high.value < low.value * 3


def _bounded(text: str, lowered_text: str, number: Number) -> Quantity:
    window_start = max(0, number.start - 40)
    before = lowered_text[window_start : number.start]
    value, start, end = number.value, number.start, number.end
    low, high, approximate = value, value, False
    match = _BEFORE_RE.search(before)
    if match and _NOT_AFTER.search(before, 0, match.start()):
        match = None  # "came under 2 strikes": no bound
    if match and not (match.group(0).strip() in _CHANGE_TO and _CHANGE_BEFORE_TO.search(before)):
        effect = _ORDER[_BEFORE_OWNERS[match.lastindex]]
        if effect == MIN:
            high = None
        elif effect == MAX:
            low, approximate = None, True
        elif effect == MAX_EXACT:
            low = None
        else:
            approximate = True
        start = window_start + match.start()
    after_min = _AFTER_MIN.match(text, end)
    if after_min and high is not None:
        high, end = None, after_min.end()
    elif _AFTER_ABOUT.match(text, end):
        approximate, end = True, _AFTER_ABOUT.match(text, end).end()
    if number.vague:
        low, high, approximate = value if low is not None else None, None if low is not None else high, True
    return Quantity(start, end, low, high, approximate, number, (number,))
