"""A capture-history table: which lists, and how many people carry each history of being on them or not.

Rows come in as mappings (a CSV's rows, or rows built from linked records): one 0/1 column per list, a
`count` column, and optionally a stratum column. Rows with the same history are added up. Everything a
user can get wrong is refused here with one line that names the input and the fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

#: The column that holds the number of people with each history.
COUNT = "count"
#: Interactions are written with one digit per list ("12", "23"), so a table has at most nine lists.
MAX_LISTS = 9


def gettext_noop(message: str) -> str:
    """Mark a template for translation without translating it here (this module has no Django)."""
    return message


class Refused(ValueError):
    """An estimate this module will not give, with the reason as a translatable template and its facts."""

    def __init__(self, template: str, **params):
        self.template = template
        self.params = params
        super().__init__(template % params if params else template)

    @property
    def message(self) -> str:
        return str(self)

    def say(self, gettext) -> str:
        """Return the reason in the language of `gettext` (Django's, on the command line)."""
        text = gettext(self.template)
        return text % self.params if self.params else text


@dataclass(frozen=True)
class CaptureTable:
    """Lists in column order and the count of each observed history (a tuple of 0/1, one per list)."""

    lists: tuple[str, ...]
    counts: Mapping[tuple[int, ...], int] = field(default_factory=dict)

    @property
    def documented(self) -> int:
        """Return the number of people on at least one list."""
        return sum(self.counts.values())

    def count(self, history: tuple[int, ...]) -> int:
        return self.counts.get(history, 0)

    def overlap(self, i: int, j: int) -> int:
        """Return how many people are on both list i and list j (0-based)."""
        return sum(n for h, n in self.counts.items() if h[i] and h[j])

    def on_several(self) -> int:
        """Return how many people are on two lists or more: the overlap every estimate rests on."""
        return sum(n for h, n in self.counts.items() if sum(h) >= 2)


def read_rows(rows: Iterable[Mapping[str, object]], *, stratum: str | None = None,
              source: str = "the table") -> dict[str | None, CaptureTable]:
    """Return one CaptureTable per stratum (key None without `stratum`), refusing malformed input.

    The list columns are every column but `count` and the stratum column, in the order of the first row.
    """
    rows = list(rows)
    if not rows:
        raise Refused(gettext_noop("%(source)s has no rows; give one row per capture history with its count"),
                      source=source)
    columns = list(rows[0].keys())
    if COUNT not in columns:
        raise Refused(gettext_noop("%(source)s has no `count` column; add one with the number of people for each "
                                   "capture history"), source=source)
    if stratum is not None and stratum not in columns:
        raise Refused(gettext_noop("%(source)s has no column %(column)s to stratify by; the columns are %(columns)s"),
                      source=source, column=repr(stratum), columns=", ".join(columns))
    lists = tuple(c for c in columns if c not in (COUNT, stratum))
    _check_lists(lists, source)
    tables: dict[str | None, dict[tuple[int, ...], int]] = {}
    for number, row in enumerate(rows, start=2):  # row 1 is the header of a CSV
        history = tuple(_mark(row.get(name), name, number, source) for name in lists)
        n = _count(row.get(COUNT), number, source)
        if not any(history):
            if n:
                raise Refused(gettext_noop("%(source)s row %(row)d marks no list but has count %(count)d; the "
                                           "all-zero history is what is estimated, so leave it out or give it count 0"),
                              source=source, row=number, count=n)
            continue
        key = None if stratum is None else str(row.get(stratum) or "").strip()
        if key == "":
            raise Refused(gettext_noop("%(source)s row %(row)d has no value in the stratum column %(column)s; "
                                       "fill it in or drop --stratum"), source=source, row=number, column=stratum)
        cells = tables.setdefault(key, {})
        cells[history] = cells.get(history, 0) + n
    tables = {key: {h: n for h, n in cells.items() if n} for key, cells in tables.items()}
    if not any(tables.values()):
        raise Refused(gettext_noop("%(source)s records nobody (every count is 0); there is nothing to estimate from"),
                      source=source)
    return {key: CaptureTable(lists, cells) for key, cells in tables.items()}


def table(lists: Iterable[str], counts: Mapping[tuple[int, ...], int] | Mapping[str, int]) -> CaptureTable:
    """Return a CaptureTable from list names and counts keyed by history tuples or strings such as "101"."""
    lists = tuple(lists)
    _check_lists(lists, "the table")
    cells = {}
    for key, n in counts.items():
        history = tuple(int(c) for c in key) if isinstance(key, str) else tuple(key)
        if len(history) != len(lists) or any(v not in (0, 1) for v in history):
            raise Refused(gettext_noop("history %(history)s does not fit %(k)d lists of 0 or 1"),
                          history=repr(key), k=len(lists))
        count = _count(n, None, "the table")
        if count and not any(history):
            raise Refused(gettext_noop("the all-zero history is what is estimated; it cannot have a count"))
        if count:
            cells[history] = cells.get(history, 0) + count
    return CaptureTable(lists, cells)


def _check_lists(lists: tuple[str, ...], source: str) -> None:
    if len(lists) > MAX_LISTS:
        raise Refused(gettext_noop("%(source)s has %(k)d list columns; at most %(max)d are supported (interactions "
                                   "are named by one digit per list); merge some lists"),
                      source=source, k=len(lists), max=MAX_LISTS)
    if len(set(lists)) != len(lists):
        raise Refused(gettext_noop("%(source)s names a list twice; give each list column its own name"),
                      source=source)


def _mark(value: object, name: str, row: int, source: str) -> int:
    text = str(value if value is not None else "").strip()
    if text in ("0", "1"):
        return int(text)
    raise Refused(gettext_noop("%(source)s row %(row)d, list %(list)s: %(value)s is not 0 or 1; a list column says "
                               "whether the people of that row are on the list"),
                  source=source, row=row, list=name, value=repr(text))


def _count(value: object, row: int | None, source: str) -> int:
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        try:
            number = int(text)
        except ValueError:
            try:
                as_float = float(text)
            except ValueError:
                as_float = None
            if as_float is None or not as_float.is_integer():
                if row is None:
                    raise Refused(gettext_noop("count %(value)s is not a whole number; a count is a number of people"),
                                  value=repr(text)) from None
                raise Refused(gettext_noop("%(source)s row %(row)d: count %(value)s is not a whole number; a count "
                                           "is a number of people"), source=source, row=row, value=repr(text)) from None
            number = int(as_float)
    if number < 0:
        if row is None:
            raise Refused(gettext_noop("count %(value)d is negative; a count is a number of people, 0 or more"),
                          value=number)
        raise Refused(gettext_noop("%(source)s row %(row)d: count %(value)d is negative; a count is a number of "
                                   "people, 0 or more"), source=source, row=row, value=number)
    return number
