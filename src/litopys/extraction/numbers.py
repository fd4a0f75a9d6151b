"""Find counts in text: digits ("447", "1,000", "1 000", "1,5 тис.") and words ("twenty-two", "п'ять", "шесть").

Years, dates, times, phone numbers, footnote markers, ordinals, percentages and absurdly large
numbers are not counts and are left out. Offsets are relative to the string searched.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .ages import is_age
from .lexicon import lowered
from .lexicon.loading import alternation, by_key, each, entries
from .numberwords import HALVES, HUNDREDS, MULTIPLIERS, TENS, UNITS, VAGUE, WORD_VALUES
from .patterns import trie

#: Larger values are not counts of anything this tool extracts; they are dropped.
MAX_VALUE = 10**9
APOSTROPHE = "['’ʼ`]"


class Number(NamedTuple):
    """A count found in text: where it is and what it is worth.

    A named tuple, not a frozen dataclass: as immutable, and made three times faster (every number of a text).
    """

    start: int
    end: int
    value: int | float
    #: Spelled out ("five") rather than written in digits.
    spelled: bool = False
    #: A vague plural ("hundreds", "десятки"): the value is a lower bound, approximate.
    vague: bool = False
    #: A plain four-digit number that could be a year; a claim needs a counted noun right after it.
    year_like: bool = False


def _alternation(words) -> str:
    return trie("|".join(re.escape(w).replace("'", APOSTROPHE) for w in sorted(words, key=len, reverse=True)))


_WORD = re.compile(rf"(?:{_alternation(WORD_VALUES)})", re.I)
#: An article before number words ("a hundred"), and a word joining them ("one hundred and five").
_ARTICLES = entries("numbers", "article")
_JOINED_BY = alternation("numbers", "joined_by")
#: Runs of number words, matched in lowered text (``lexicon.lowered``).
WORD_NUMBER = re.compile(
    rf"(?<![\w'’ʼ-])(?:(?:{alternation('numbers', 'article')})\s+)?{_WORD.pattern}"
    rf"(?:(?:\s+(?:{_JOINED_BY})\s+|\s*-\s*|\s+){_WORD.pattern})*(?![\w'’ʼ])"
)
_SPACE = "[ \u00a0\u202f\u2009]"
_DIGITS = re.compile(rf"[0-9]+(?:(?:{_SPACE}|[.,:/]|\s?[-–—]\s?)[0-9]+)*")
#: Multipliers written after digits ("2 thousand", "1,5 тис."), each value's in a group of its own.
_AFTER_DIGITS = by_key("numbers", "after_digits")
_MULT_VALUES = (None, *_AFTER_DIGITS)
_MULT_AFTER = re.compile(
    rf"{_SPACE}?(?:" + "|".join(f"({'|'.join(forms)})" for forms in _AFTER_DIGITS.values()) + r")(?!\w)", re.I
)
_THOUSANDS = re.compile(rf"[1-9][0-9]{{0,2}}(,|{_SPACE}|\.)[0-9]{{3}}(?:\1[0-9]{{3}})*")
_DECIMAL = re.compile(r"[0-9]+[.,][0-9]{1,2}")
_RANGE = re.compile(r"([0-9][0-9,. \u00a0\u202f\u2009]*?)\s?[-–—]\s?([0-9][0-9,. \u00a0\u202f\u2009]*)")


def _months(month_first: bool | None = None) -> str:
    """Return every language's month names as one alternation; with ``month_first``, only those of the languages
    that write a month before its day ("September 16"), or only the others."""
    found = []
    for _, dates in each("dates"):
        if dates.get("months") and month_first in (None, bool(dates.get("month_before_day"))):
            months = "|".join(dates["months"])
            found.append(f"(?-i:{months})" if dates.get("months_match_case") else months)
    return "|".join(found) or "(?!)"


#: Month names of every language (a number next to one is a day or a year).
MONTHS = _months()
#: An ordinal's suffix: "5th"; between a day and its month: "23rd of September".
ORDINAL = alternation("numbers", "ordinal_suffixes")
DAY_OF = alternation("dates", "day_of")
_MONTH_AFTER = re.compile(rf"(?:{ORDINAL})?\s*(?:(?:{DAY_OF})\s+)?(?:{MONTHS})(?!\w)", re.I)
#: A month name before a number: in a language writing the month first ("September 23") the number may be its day.
_MONTH_BEFORE = re.compile(rf"(?<!\w)(?:({_months(month_first=True)})|{_months(month_first=False)})\.?\s*$", re.I)
#: The first day of a range of days: "16 to 23 September", "between 16 and 23 September", "з 16 по 23 вересня".
_DAY_RANGE_AFTER = re.compile(
    rf"(?:{ORDINAL})?\s*(?:{alternation('dates', 'day_range')}|[-–—])\s*[0-3]?[0-9](?:{ORDINAL})?"
    rf"\s+(?:(?:{DAY_OF})\s+)?(?:{MONTHS})(?!\w)",
    re.I,
)
_ORDINAL_AFTER = re.compile(
    rf"(?:{ORDINAL}|\s?-\s?(?:{alternation('numbers', 'ordinal_endings')}))(?!\w)"
    rf"|-?\s?(?:{alternation('numbers', 'ages')})"  # an age, not a count
    rf"|\s?-\s?(?:{alternation('numbers', 'attributes')})(?!\w)",  # "a 5-storey building"
    re.I,
)
_ATTRIBUTE_AFTER = re.compile(rf"\s?-\s?(?:{alternation('numbers', 'attributes')})(?!\w)", re.I)
_TIME_AFTER = re.compile(rf"\s?(?:{alternation('numbers', 'times')})", re.I)
_NOT_COUNT_AFTER = re.compile(
    rf"\s?(?:%|{alternation('numbers', 'percent')}|\^|[⁰¹²³⁴⁵⁶⁷⁸⁹]|e[0-9]|\)\s?[0-9])", re.I
)
_YEAR_AFTER = re.compile(rf"\s?(?:{alternation('numbers', 'years')})(?!\w)")
_ID_BEFORE = re.compile(rf"(?:[№#+\[^_]|\b{trie(alternation('numbers', 'references'))})\s*$", re.I)
#: After a number, what makes it no count: a percentage, exponent, footnote, ordinal ("5th", "14-річний") or age.
_NOT_COUNT_OR_ORDINAL_AFTER = re.compile(f"{_NOT_COUNT_AFTER.pattern}|{_ORDINAL_AFTER.pattern}", re.I)

_GLUED_UNIT = re.compile(rf"(?:{alternation('numbers', 'glued_units')})", re.I)
_DATE_CHUNK = re.compile(r"[0-9]{1,4}[.\-/][0-9]{1,2}[.\-/][0-9]{1,4}")
_DAY_MONTH = re.compile(r"[0-3]?[0-9]\.[01][0-9]")
_NOT_DIGIT = re.compile(r"[^0-9]")
_DIGIT_RUN = re.compile(r"[0-9]+")
_DASH = re.compile(r"[-–—]")
_APOSTROPHES = re.compile(APOSTROPHE)
#: A minus sign before the digits: "-5 bodies" is no count.
_NEGATIVE_BEFORE = re.compile(r"(?:^|[\s(\[,;:])[-−]$")


def find_numbers(text: str) -> list[Number]:
    """Return the counts in ``text`` in order of appearance."""
    found = list(_digit_numbers(text))
    taken = [(n.start, n.end) for n in found]
    for match in WORD_NUMBER.finditer(lowered(text)):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            found.extend(n for n in _word_numbers(match.group(0), match.start())  # not "a nine-storey building",
                         if not _ATTRIBUTE_AFTER.match(text, n.end) and not _NOT_COUNT_AFTER.match(text, n.end))
    found.sort(key=lambda n: n.start)
    return found


def _digit_numbers(text: str):
    for match in _DIGITS.finditer(text):
        start, end, chunk = match.start(), match.end(), match.group(0)
        before, after = text[max(0, start - 12) : start], text[end : end + 24]
        if before[-1:].isalpha() or _ID_BEFORE.search(before) or _NEGATIVE_BEFORE.search(before) or \
                is_age(text, start, end):
            continue  # footnote marker glued to a word, identifier, exponent, phone number, negative number, age
        if after[:1] == "]" or after[:1].isalpha() and not (_MULT_AFTER.match(after) or _GLUED_UNIT.match(after)):
            continue
        if ":" in chunk or "/" in chunk or _NOT_COUNT_OR_ORDINAL_AFTER.match(after):
            continue
        for number in _interpret(chunk, start, text):
            if number is not None and 0 < number.value < MAX_VALUE:
                yield number


def _interpret(chunk: str, start: int, text: str):
    if chunk.isdigit():
        if not (len(chunk) > 1 and chunk.startswith("0")) and len(chunk) <= 12:
            yield _make(int(chunk), start, start + len(chunk), text)
        return
    if _DATE_CHUNK.fullmatch(chunk):
        return  # a date: 23.09.2022, 2022-09-23
    if _THOUSANDS.fullmatch(chunk):
        yield _make(int(_NOT_DIGIT.sub("", chunk)), start, start + len(chunk), text)
        return
    if _DECIMAL.fullmatch(chunk):
        if _DAY_MONTH.fullmatch(chunk) and not _MULT_AFTER.match(text, start + len(chunk)):
            return  # "23.09": a day and a month
        yield _make(float(chunk.replace(",", ".")), start, start + len(chunk), text)
        return
    if _DASH.search(chunk):
        yield from _range(chunk, start, text)
        return
    pieces = list(_DIGIT_RUN.finditer(chunk))
    if "." in chunk or "," in chunk or len(pieces) > 2:
        return  # a section number, or a phone number in groups
    # Two space-separated groups that are no thousands grouping ("in 2022 447 bodies"): each on its own.
    for piece in pieces:
        digits = piece.group(0)
        if not (len(digits) > 1 and digits.startswith("0")) and len(digits) <= 12:
            yield _make(int(digits), start + piece.start(), start + piece.end(), text)


def _range(chunk: str, start: int, text: str):
    match = _RANGE.fullmatch(chunk)
    if not match:
        return
    parts = [(_integer(match.group(i)), start + match.start(i), start + match.end(i)) for i in (1, 2)]
    (low, low_start, low_end), (high, high_start, high_end) = parts
    if low is None or high is None or not low < high or _is_year(low) and _is_year(high):
        return  # "2014-2025" is a span of years; "12-05" no range of counts
    yield _make(low, low_start, low_end, text, ranged=True)
    yield _make(high, high_start, high_end, text)


def _integer(chunk: str) -> int | None:
    chunk = chunk.strip(" ,.\u00a0\u202f\u2009")
    if chunk.isdigit() and len(chunk) <= 12 and not (len(chunk) > 1 and chunk.startswith("0")):
        return int(chunk)
    if _THOUSANDS.fullmatch(chunk):
        return int(_NOT_DIGIT.sub("", chunk))
    return None


def _is_year(value) -> bool:
    return isinstance(value, int) and 1800 <= value <= 2100


def _make(value, start: int, end: int, text: str, ranged: bool = False) -> Number | None:
    multiplier = None if ranged else _MULT_AFTER.match(text, end)
    if multiplier:
        value = value * _MULT_VALUES[multiplier.lastindex]
        end = multiplier.end()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if _TIME_AFTER.match(text, end) or _in_date(value, start, end, text):
        return None  # an hour, a day of the month or a year
    plain = end - start == 4 and text[start:end].isdigit()
    year_like = _is_year(value) and (plain or _YEAR_AFTER.match(text, end) is not None)
    return Number(start, end, value, year_like=year_like)


def _in_date(value, start: int, end: int, text: str) -> bool:
    """Say whether a number is the day or year of a date: "23 September", "September 23", "вересня 2022".

    After a month name of a language writing the day first only a year is: "у вересні 447 тіл" counts bodies.
    """
    day, year = value <= 31, _is_year(value)
    if not (day or year):
        return False
    if _MONTH_AFTER.match(text, end) or (day and _DAY_RANGE_AFTER.match(text, end)):
        return True
    month = _MONTH_BEFORE.search(text, max(0, start - 16), start)
    return month is not None and (year or month.group(1) is not None)


def _word_numbers(phrase: str, offset: int):
    """Turn a run of number words into numbers (a run may hold two: "five, six" joined by a space)."""
    spans = []
    total = current = 0
    first = last_end = None
    vague = False
    for match in _WORD.finditer(phrase):
        word = _APOSTROPHES.sub("'", match.group(0).lower())
        step = _step(word, current, first is not None)
        if step is None:
            spans.append((first, last_end, total + current, vague))
            total, current, first, vague = 0, 0, None, False
            step = _step(word, 0, False)
        how, value = step
        first = match.start() if first is None else first
        if how == "vague":
            current, vague = value, True
        elif how == "multiply" and value >= 1000:
            total, current = total + (current or 1) * value, 0
        elif how == "multiply":
            current = (current or 1) * value
        else:
            current += value
        last_end = match.end()
    if first is not None:
        spans.append((first, last_end, total + current, vague))
    for article in _ARTICLES:  # "a hundred": the article is part of the number
        if spans and spans[0][0] == len(article) + 1 and phrase[: len(article) + 1].lower() == article + " ":
            spans[0] = (0, *spans[0][1:])
    for start, end, value, is_vague in spans:
        if isinstance(value, float):
            if not value.is_integer():
                continue  # "пів" or "півтора" with no multiplier after it
            value = int(value)
        if 0 < value < MAX_VALUE:  # "one" counts only before a noun ("one child"); kinds.read checks
            yield Number(offset + start, offset + end, value, spelled=True, vague=is_vague)


def _step(word: str, current: int, started: bool) -> tuple[str, int] | None:
    """Say how ``word`` combines with the value so far, or None when it starts a new number."""
    if word in HALVES:
        return None if started else ("add", HALVES[word])  # "пів тисячі", "півтори тисячі"
    if word in VAGUE and not started:
        return "vague", VAGUE[word]
    if word in MULTIPLIERS:
        return "multiply", MULTIPLIERS[word]
    if word in VAGUE:
        return None
    if not started:
        return "add", WORD_VALUES[word]
    if word in HUNDREDS:
        return ("add", HUNDREDS[word]) if current % 1000 == 0 else None
    if word in TENS or UNITS.get(word, 0) >= 10:
        return ("add", WORD_VALUES[word]) if current % 100 == 0 else None
    return ("add", UNITS[word]) if current % 10 == 0 and (current == 0 or current >= 20) else None
