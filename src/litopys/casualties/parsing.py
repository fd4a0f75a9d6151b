"""Read the values of one list row: names, sex, ages, dates as Ukrainian lists write them, status.

Pure: no database. Each value that cannot be read gives a `Problem` naming the column, the value and
what is wrong; the rest of the row is still read.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import yaml

from litopys.casualties.naming import is_given_name, person_key, script_of
from litopys.names import is_patronymic

VALUES_FILE = Path(__file__).with_name("data") / "values.yaml"
EXACT, MONTH, YEAR = "exact", "month", "year"
OLDEST_YEAR = 1900
OLDEST_AGE = 120


@dataclass
class Problem:
    """One value of a row that could not be used."""

    row: int
    column: str
    value: str
    message: str

    def line(self) -> str:
        return f"row {self.row}, column {self.column!r}, value {self.value!r}: {self.message}"


@dataclass
class Person:
    """What one row says about one person, parsed; blank where the list says nothing."""

    full_name: str = ""
    surname: str = ""
    given_name: str = ""
    patronymic: str = ""
    name_latin: str = ""
    script: str = ""
    person_key: str = ""
    sex: str = ""
    age_min: int | None = None
    age_max: int | None = None
    birth_date: date | None = None
    birth_precision: str = ""
    death_date: date | None = None
    death_precision: str = ""
    place_text: str = ""
    status: str = ""
    cause_of_death: str = ""
    grave_number: str = ""
    body_number: str = ""
    identification: str = ""
    perpetrator: str = ""
    notes: str = ""
    problems: list[Problem] = field(default_factory=list)

    def as_fields(self) -> dict:
        data = asdict(self)
        data.pop("problems")
        return data


@lru_cache(maxsize=1)
def _words() -> dict:
    data = yaml.safe_load(VALUES_FILE.read_text(encoding="utf-8"))
    lookup = {kind: {_plain(w): meaning for meaning, words in data[kind].items() for w in words}
              for kind in ("sex", "status", "identification")}
    unknown = frozenset(_plain(w) for w in data["unknown_names"])
    marks = {kind: sorted((_plain(m) for m in data[kind]), key=len, reverse=True)
             for kind in ("birth_year_marks", "age_marks", "about_marks")}
    return {**lookup, **marks, "unknown_names": unknown}


def _plain(text) -> str:
    return re.sub(r"\s+", " ", str(text).strip().lower().rstrip(".")).replace("ё", "е")


def text_of(value) -> str:
    """Return a cell as text: numbers without a trailing .0, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


# --- names -------------------------------------------------------------------------------------------

_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*")


def split_name(full: str) -> tuple[str, str, str]:
    """Split a whole name into (surname, given name, patronymic), whichever order the list used."""
    words = _NAME_WORD.findall(full)
    if not words:
        return "", "", ""
    if len(words) == 1:
        return words[0], "", ""
    if len(words) >= 3:
        if is_patronymic(words[-1]):  # Шевченко Тарас Григорович
            return " ".join(words[:-2]), words[-2], words[-1]
        if is_patronymic(words[1]):  # Тарас Григорович Шевченко
            return " ".join(words[2:]), words[0], words[1]
        if is_given_name(words[0]) and not is_given_name(words[1]):  # Тарас Шевченко-Квітка
            return " ".join(words[1:]), words[0], ""
        return words[0], words[1], " ".join(words[2:])  # the order lists use: Прізвище Ім'я По батькові
    first, second = words
    if is_given_name(first) and not is_given_name(second):
        return second, first, ""  # Тарас Шевченко
    return first, second, ""  # Шевченко Тарас, as lists write it


def read_names(person: Person, full: str, surname: str, given: str, patronymic: str, latin: str) -> None:
    if full and not (surname or given):
        surname, given, split_patronymic = split_name(full)
        patronymic = patronymic or split_patronymic
    if not (surname or given) and latin:
        surname, given, patronymic = split_name(latin)
    person.full_name = full or " ".join(p for p in (surname, given, patronymic) if p)
    person.surname, person.given_name, person.patronymic = surname, given, patronymic
    person.name_latin = latin
    person.script = script_of(person.full_name)
    # Given name first, so that every order of the same name gives one key.
    person.person_key = person_key(" ".join(p for p in (given, surname) if p))[:300]


# --- dates and ages --------------------------------------------------------------------------------

_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_MY = re.compile(r"^(\d{1,2})[./-](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_NUMBER_RANGE = re.compile(r"^(\d{1,3})\s*(?:-|–|—|\.\.)\s*(\d{1,3})$")
_NUMBER = re.compile(r"^(\d{1,4})(?:[.,]0+)?\+?$")


class ValueProblem(ValueError):
    """A value that cannot be read; the message says what is wrong."""


def _strip_marks(text: str, marks: list[str]) -> tuple[str, bool]:
    found = False
    for mark in marks:
        if text.endswith(mark) and (len(text) == len(mark) or not text[-len(mark) - 1].isalpha()):
            text, found = text[: -len(mark)].strip(), True
            break
    return text, found


def _about(text: str) -> tuple[str, bool]:
    for mark in _words()["about_marks"]:
        if text.startswith(mark):
            return text[len(mark):].strip(), True
    return text, False


def _check_date(year: int, month: int, day: int, today: date) -> date:
    if year < OLDEST_YEAR:
        raise ValueProblem(f"the year {year} is before {OLDEST_YEAR}; check the date")
    try:
        value = date(year, month, day)
    except ValueError:
        raise ValueProblem("no such date (day or month out of range); write it as DD.MM.YYYY") from None
    if value > today:
        raise ValueProblem("the date is in the future; check the date")
    return value


def read_date(value, today: date) -> tuple[date | None, str, bool]:
    """Return (date, precision, is_birth_year_mark) from '23.09.2022', '09.2022', '2022', '1978 р.н.'."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _check_date(value.year, value.month, value.day, today), EXACT, False
    text = _plain(text_of(value))
    if not text:
        return None, "", False
    text, birth = _strip_marks(text, _words()["birth_year_marks"])
    text, _ = _about(text)
    if match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
        if year < 100:
            raise ValueProblem("a two-digit year is ambiguous; write the year in full (DD.MM.YYYY)")
        return _check_date(year, month, day, today), EXACT, birth
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
        return _check_date(year, month, day, today), EXACT, birth
    if match := _MY.match(text):
        month, year = int(match.group(1)), int(match.group(2))
        return _check_date(year, month, 1, today), MONTH, birth
    if match := _YEAR.match(text):
        return _check_date(int(match.group(1)), 1, 1, today), YEAR, birth
    raise ValueProblem("not a date; write DD.MM.YYYY, MM.YYYY, YYYY or '1978 р.н.'")


def read_age(value) -> tuple[int | None, int | None, int | None]:
    """Return (age_min, age_max, birth_year) from '40', '~40 років', '40-45', '1978 г.р.'."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = text_of(value)
    text = _plain(text_of(value))
    if not text:
        return None, None, None
    text, birth = _strip_marks(text, _words()["birth_year_marks"])
    if birth or (_YEAR.match(text) and int(text) >= OLDEST_YEAR):
        if not _YEAR.match(text):
            raise ValueProblem("not a year of birth; write e.g. '1978 р.н.'")
        return None, None, int(text)
    text, _ = _strip_marks(text, _words()["age_marks"])
    text, about = _about(text)
    if match := _NUMBER_RANGE.match(text):
        low, high = int(match.group(1)), int(match.group(2))
    elif match := _NUMBER.match(text):
        low = high = int(match.group(1))
        if about:  # "~40 років": the age is not known to the year
            low, high = max(0, low - 2), low + 2
    else:
        raise ValueProblem("not an age; write a number of years, '~40 років' or '40-45'")
    if low > high or high > OLDEST_AGE:
        raise ValueProblem(f"an age must be between 0 and {OLDEST_AGE}; check the value")
    return low, high, None


def read_choice(kind: str, value) -> str:
    text = _plain(text_of(value))
    if not text:
        return ""
    meaning = _words()[kind].get(text)
    if meaning is None:
        raise ValueProblem(f"not a known {kind.replace('_', ' ')} word; add it to casualties/data/values.yaml")
    return meaning


# --- a whole row -----------------------------------------------------------------------------------

def parse_row(row: int, cells: dict[str, object], headers: dict[str, str], today: date | None = None) -> Person:
    """Read one row: `cells` is {field: raw value}, `headers` {field: the column's header} for problems."""
    today = today or date.today()
    person = Person()

    def problem(name: str, message: str) -> None:
        person.problems.append(Problem(row, headers.get(name, name), text_of(cells.get(name)), message))

    text = {name: text_of(value) for name, value in cells.items()}
    for name in ("full_name", "surname", "name_latin"):
        if _plain(text.get(name, "")) in _words()["unknown_names"]:
            text[name] = ""  # an unidentified body: no name yet
    read_names(person, text.get("full_name", ""), text.get("surname", ""), text.get("given_name", ""),
               text.get("patronymic", ""), text.get("name_latin", ""))
    if not (person.surname or person.given_name or text.get("body_number") or text.get("grave_number")):
        problem("full_name" if "full_name" in headers else "surname",
                "no name, and no body or grave number: nothing tells who this row is")
    for name, kind in (("sex", "sex"), ("status", "status"), ("identification", "identification")):
        try:
            setattr(person, name, read_choice(kind, cells.get(name)))
        except ValueProblem as exc:
            problem(name, str(exc))
    birth_year = None
    try:
        person.age_min, person.age_max, birth_year = read_age(cells.get("age"))
    except ValueProblem as exc:
        problem("age", str(exc))
    for name, target in (("birth_date", "birth"), ("death_date", "death")):
        try:
            value, precision, _ = read_date(cells.get(name), today)
        except ValueProblem as exc:
            problem(name, str(exc))
            continue
        setattr(person, f"{target}_date", value)
        setattr(person, f"{target}_precision", precision)
    if birth_year and person.birth_date is None:
        try:
            person.birth_date, person.birth_precision = _check_date(birth_year, 1, 1, today), YEAR
        except ValueProblem as exc:
            problem("age", str(exc))
    if person.birth_date and person.death_date and person.death_date < person.birth_date:
        problem("death_date", "the date of death is before the date of birth; check both")
        person.death_date, person.death_precision = None, ""
    for name in ("place_text", "cause_of_death", "grave_number", "body_number", "perpetrator", "notes"):
        setattr(person, name, text.get("place" if name == "place_text" else name, "")[:500])
    return person
