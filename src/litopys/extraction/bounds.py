"""Turn numbers into quantities with bounds: "at least 1,000" -> min 1000; "almost 450" -> max 450, approximate.

Ranges ("150-200", "from 150 to 200", "від 150 до 200", "between 10 and 15") become one quantity.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import lowered
from .numbers import Number
from .patterns import union

MIN, MAX, MAX_EXACT, ABOUT = "min", "max", "max-exact", "about"

# Phrases right before a number, per effect; English, Ukrainian, Russian.
_BEFORE = {
    MIN: r"at least|no fewer than|no less than|not less than|a minimum of|at a minimum|more than|over|in excess of"
    r"|upwards of|exceeding|щонайменше|щонайменш|принаймні|не менше(?: ніж| як)?|не менш(?: ніж| як)|мінімум"
    r"|як мінімум|понад|більше(?: ніж| як)?|більш(?: ніж| як)|не менее(?: чем)?|не меньше(?: чем)?"
    r"|по меньшей мере|как минимум|минимум|более(?: чем)?|больше(?: чем)?|свыше|сверх"
    # a figure passed: "death toll tops 9,000", "перевищила 9 тисяч", "превысило 9 тысяч"
    r"|tops|topped|exceeds|exceeded|surpasse[sd]|passe[sd]|перевищил\w*|перевищує|перевалил\w* за"
    r"|превысил\w*|превышает",
    MAX: r"almost|nearly|up to|fewer than|less than|under|close to|as many as|just under|майже|ледь не|до"
    r"|менше(?: ніж| як)?"
    r"|менш(?: ніж| як)|почти|менее(?: чем)?|меньше(?: чем)?|чуть менее|едва ли не",
    MAX_EXACT: r"at most|no more than|not more than|a maximum of|не більше(?: ніж| як)?|не більш(?: ніж| як)|максимум"
    r"|не более(?: чем)?|не больше(?: чем)?",
    ABOUT: r"about|approximately|approx\.|around|some|roughly|an estimated|estimated|circa|ca\.|c\.|~|≈|близько"
    r"|приблизно|орієнтовно|порядку|понад\s+приблизно|около|примерно|приблизительно|порядка|ориентировочно|где-то",
}
#: "no more than" before "more than", "не більше" before "більше": at the same position the first group wins.
_ORDER = (MAX_EXACT, MIN, MAX, ABOUT)
#: Matched in lowered text; ``_ORDER[_BEFORE_OWNERS[match.lastindex]]`` is the effect of the phrase found.
_BEFORE_RE, _BEFORE_OWNERS = union(
    [_BEFORE[effect] for effect in _ORDER], capture=True, left=r"(?<![\w-])", end=r"\s*$"
)
_AFTER_MIN = re.compile(
    r"\s*(?:\+|or more|and more|plus|or over|і більше|та більше|й більше|з гаком|і понад|и более|и больше|с лишним"
    r"|с небольшим)(?!\w)",
    re.I,
)
_AFTER_ABOUT = re.compile(r"\s*(?:or so|-odd|odd)(?!\w)", re.I)
#: "до" after a verb of change is "to", not "up to": "зросла до 447" is exactly 447.
_CHANGE_BEFORE_DO = re.compile(
    r"(?:зросл\w*|зріс|збільшил\w*|сягнул\w*|досягл\w*|дійшл\w*|возросл\w*|вырос\w*|увеличил\w*|достигл\w*|дошл\w*)"
    r"\s+(?:\w+\s+)?до\s*$",
    re.I,
)
_RANGE_BETWEEN = re.compile(r"^\s*(?:[-–—]|to|and|or|до|і|й|та|чи|або|и|или)\s*$", re.I)
_RANGE_OPENER = re.compile(r"(?<!\w)(?:from|between|від|з|між|от|с|между)\s*$", re.I)


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
            approximate = " or " in text[number.end : following.start] or " или " in text[number.end : following.start]
            pair = (number, following)
            result.append(Quantity(start, following.end, number.value, following.value, approximate, following, pair))
            index += 2
            continue
        result.append(_bounded(text, low, number))
        index += 1
    return result


def _is_range(text: str, low: Number, high: Number) -> bool:
    between = text[low.end : high.start]
    if not _RANGE_BETWEEN.match(between) or not low.value < high.value:
        return False
    if between.strip() in ("-", "–", "—"):
        return True
    word = between.strip().lower()
    if word in ("to", "до"):
        return _RANGE_OPENER.search(text, max(0, low.start - 12), low.start) is not None or word == "to"
    if word in ("and", "і", "й", "та", "и"):
        return _RANGE_OPENER.search(text, max(0, low.start - 12), low.start) is not None
    return word in ("or", "чи", "або", "или") and high.value < low.value * 3


def _bounded(text: str, lowered_text: str, number: Number) -> Quantity:
    window_start = max(0, number.start - 40)
    before = lowered_text[window_start : number.start]
    value, start, end = number.value, number.start, number.end
    low, high, approximate = value, value, False
    match = _BEFORE_RE.search(before)
    if match and not (match.group(0).strip() == "до" and _CHANGE_BEFORE_DO.search(before)):
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
