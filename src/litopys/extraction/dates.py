"""Find the date a sentence refers to: "on Friday", "23 вересня 2022 року", "16.09.2022", "yesterday".

Candidates come from a cheap regular expression; only those snippets go to ``dateparser``
(slow on long text), relative to the publication date. Weekdays and "yesterday"/"today" are
resolved here: the latest such day on or before publication. A date that opens a period ("since
24 February", "з 1 вересня", "с начала", "from 16 to 23 September") is not what the sentence dates:
a period gives its end, and a period with no end gives no date.
"""

from __future__ import annotations

import datetime
import functools
import re

from .lexicon import lowered
from .lexicon.loading import alternation, by_key, each, languages, letters
from .numbers import DAY_OF, MONTHS, ORDINAL
from .patterns import union

_WEEKDAY_NAMES = each("dates", "weekdays")
for _code, _names in _WEEKDAY_NAMES:
    if len(_names) != 7:
        raise ValueError(f"lexicon/{_code}.yaml: dates/weekdays names {len(_names)} days; name all 7, Monday first")
#: Each weekday's names in every language, Monday first.
_WEEKDAYS = ["|".join(dict.fromkeys(forms)) for forms in zip(*(names for _, names in _WEEKDAY_NAMES), strict=True)]
#: Days before publication by the words for them: "today", "yesterday".
_RELATIVE = {"|".join(forms): days for days, forms in by_key("dates", "days_ago").items()}
_DAY = rf"(?:[0-3]?[0-9])(?:{ORDINAL})?"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
#: Month names that open a date before its day ("September 16"), and their first letters.
_MONTH_FIRST_NAMES = each("dates", "month_before_day")
_MONTH_FIRST = "|".join(
    f"(?-i:(?:{'|'.join(names)})[{letters('lower', code)}]*\\.?)" for code, names in _MONTH_FIRST_NAMES
) or "(?!)"
_INITIALS = "".join(sorted({name[0] for _, names in _MONTH_FIRST_NAMES for name in names}))
#: Dates in digits or with a month's name; the look-ahead makes the pattern cheap where no digit or capital is.
_NUMERIC = re.compile(
    rf"(?=(?-i:[0-9{_INITIALS}]))(?<!\w)(?:{_DAY}\s+(?:(?:{DAY_OF})\s+)?(?:{MONTHS})(?:,?\s+{_YEAR})?"
    rf"|(?:{_MONTH_FIRST})\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|[0-3]?[0-9]\.[01]?[0-9]\.{_YEAR}|{_YEAR}-[01][0-9]-[0-3][0-9])(?!\w)",
    re.I,
)
#: Weekdays, "yesterday", "today", in lowered text.
_NAMED = union(["|".join(_WEEKDAYS) + "|" + "|".join(_RELATIVE)], left=r"(?<!\w)", end=r"(?!\w)")[0]
_WEEKDAY_RE = [re.compile(rf"(?:{w})$", re.I) for w in _WEEKDAYS]
_THE = alternation("definite_articles")
#: Before a date that opens a period, read backwards from the date: "since", "з", "із", "с", "починаючи з".
_SINCE = re.compile(rf"(?<!\w)(?:{alternation('dates', 'since')})\s+(?:(?:{_THE})\s+)?$", re.I)
#: Before a date that opens a range with an end: "from", "від", "от" (alone they may date a document: "від 23 вересня").
_FROM = re.compile(rf"(?<!\w)(?:{alternation('dates', 'from')})\s+(?:(?:{_THE})\s+)?$", re.I)
#: After the first date of a range, before its end: "to", "until", "по", "до", a dash.
_TO = re.compile(rf"\s*(?:{alternation('dates', 'to')}|[-–—])\s", re.I)
#: Between a day named relatively and the same day named in full.
_DIGIT = re.compile(r"\d")
_APPOSED = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*")
_RELATIVE_RE = [(re.compile(rf"(?:{w})$", re.I), days) for w, days in _RELATIVE.items()]


def find_date(text: str, language: str, published: datetime.date | None) -> tuple[datetime.date, int, int] | None:
    """Return the first date stated in ``text`` with its span, or None."""
    return next(all_dates(text, language, published), None)


def nearest(found: list[tuple[datetime.date, int, int]], start: int, end: int) -> tuple[datetime.date, int, int] | None:
    """Return of a sentence's dates (``all_dates``) the one nearest its ``start:end`` within ``NEAR`` characters (a
    speaker: "the office said on Wednesday", "повідомила в середу обласна прокуратура"), else its first, or None."""
    best, distance = None, NEAR + 1
    for date in found:
        gap = date[1] - end if date[1] >= end else start - date[2]
        if gap < distance:
            best, distance = date, gap
    return best or (found[0] if found else None)


#: How far from a speaker's name a date may stand to be the date they spoke on.
NEAR = 30


def all_dates(text: str, language: str, published: datetime.date | None):
    """Yield the dates stated in ``text`` in order, with their spans. A dateline's date ("KHARKIV, 20 October
    2022 —") resolves the weekdays after it ("said on Wednesday": the 19th) and is yielded only if no other follows."""
    if text.isupper():
        text = text.title()  # "AS OF 09:00, 12 OCTOBER": month names that match in their case are read in capitals
    found = [*_NUMERIC.finditer(text), *_NAMED.finditer(lowered(text))]  # never overlapping: no digits in the names
    if len(found) > 1:
        found.sort(key=_start)
    dateline, given = None, False
    for number, match in enumerate(found):
        if _opens_period(text, match):
            continue  # the end of the range, if any, is the next candidate
        following = found[number + 1] if number + 1 < len(found) else None
        if following is not None and _APPOSED.fullmatch(text, match.end(), following.start()) and not \
                _DIGIT.search(match.group(0)):
            continue  # "On Wednesday, 12 November", "вчора, 23 вересня": the day named in full
        value = parse(match.group(0), language, published)
        if value is None:
            continue
        if number == 0 and following is not None and _in_dateline(text, match):
            dateline, published = (value, match.start(), match.end()), value
            continue
        given = True
        yield value, match.start(), match.end()
    if dateline and not given:
        yield dateline


#: A dateline: a place in capitals (and a country) before a date, a dash (or an agency in brackets) after it.
_DATELINE_PLACE = re.compile(rf"\s*(?-i:[{letters('upper')}]{{3,}})(?:[ '’-]+[^\W\d_]+)*,\s*(?:[^\W\d_]+,\s*)?")
_DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[—–-]")


def _in_dateline(text: str, match: re.Match) -> bool:
    """Say whether a date is a dateline's: "KHARKIV, 20 October 2022 —", "ХАРКІВ, 4 жовтня —"."""
    return bool(_DATELINE_PLACE.fullmatch(text, 0, match.start()) and _DATELINE_END.match(text, match.end()))


def _opens_period(text: str, match: re.Match) -> bool:
    """Say whether a date opens a period: "since 24 February", "з 16 вересня", "from 16 September to 23 September"."""
    start = match.start()
    before = text[max(0, start - 16) : start]
    if _SINCE.search(before):
        return True
    return bool(_FROM.search(before) and _TO.match(text, match.end()))


def _start(match: re.Match) -> int:
    return match.start()


def parse(snippet: str, language: str, published: datetime.date | None) -> datetime.date | None:
    """Return the date ``snippet`` names, or None when it names none or needs an unknown publication date."""
    snippet = snippet.strip()
    for index, pattern in enumerate(_WEEKDAY_RE):
        if pattern.match(snippet):
            if published is None:
                return None
            return published - datetime.timedelta(days=(published.weekday() - index) % 7)
    for pattern, days in _RELATIVE_RE:
        if pattern.match(snippet):
            return None if published is None else published - datetime.timedelta(days=days)
    if published is None and not re.search(_YEAR, snippet):
        return None  # "23 September" of which year?
    value = _calendar(snippet, language, published)
    return _dateparser(snippet, language, published) if value is _UNSURE else value


#: Month names by language, as ``dateparser`` reads them: the nominative and the genitive, not the locative.
_MONTH_NUMBERS = {
    code: {str(form): number for number, forms in months.items() for form in forms}
    for code, months in each("dates", "month_names")
}
#: How each language's dates with a month name are read (named groups day, month, year), the first matching wins.
_READ = {
    code: [re.compile(pattern.replace("{year}", _YEAR), re.I) for pattern in patterns]
    for code, patterns in each("dates", "read")
}
_DOTTED = re.compile(rf"([0-3]?[0-9])\.([01]?[0-9])\.({_YEAR})")
_ISO = re.compile(rf"({_YEAR})-([01][0-9])-([0-3][0-9])")
_UNSURE = object()


def _calendar(snippet: str, language: str, published: datetime.date | None):
    """Read a date in digits or with a month's name the way ``dateparser`` would, in a fraction of its time.

    Return _UNSURE for what this does not know (a month name of another form or language): ``dateparser`` decides.
    """
    if match := _ISO.fullmatch(snippet):
        year, month, day = (int(group) for group in match.groups())
        return _date(year, month, day) or _UNSURE  # dateparser reads "2022-13-01" as 13 January
    if match := _DOTTED.fullmatch(snippet):
        day, month, year = (int(group) for group in match.groups())
        return _date(year, month, day) or _UNSURE
    months = _MONTH_NUMBERS.get(language)
    match = next((m for pattern in _READ.get(language, ()) if (m := pattern.fullmatch(snippet))), None)
    if not months or not match or match["month"].lower() not in months:
        return _UNSURE
    day, name, year = match["day"], match["month"], match["year"]
    month, day = months[name.lower()], int(day)
    if year:
        return _date(int(year), month, day)
    found = _date(published.year, month, day)
    if found is None:
        return _UNSURE  # 29 February of a common year: let dateparser say
    return found if found <= published else _date(published.year - 1, month, day)  # the latest one not after


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        found = datetime.date(year, month, day)
    except ValueError:
        return None
    return found if 1900 <= found.year <= 2100 else None


@functools.lru_cache(maxsize=4096)
def _dateparser(snippet: str, language: str, published: datetime.date | None) -> datetime.date | None:
    import dateparser  # imported late: loading its data takes a few hundred milliseconds

    settings = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month"]}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime.datetime.combine(published, datetime.time(12))
    try:
        known = [language] if language in languages() else None
        value = dateparser.parse(snippet, languages=known, settings=settings)
    except (ValueError, OverflowError):
        return None
    if value is None or not 1900 <= value.year <= 2100:
        return None
    return value.date()
