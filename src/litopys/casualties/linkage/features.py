"""The columns the linkage model compares, made from a record: Latin name forms, years, place keys."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from litopys.casualties.naming import latin_part, person_key
from litopys.casualties.placing import place_keys
from litopys.places.translit import skeleton


@dataclass
class LinkRecord:
    """One list record as the linkage sees it."""

    id: int
    list: str
    row: int
    surname: str = ""
    given_name: str = ""
    patronymic: str = ""
    sex: str = ""
    birth_date: date | None = None
    birth_precision: str = ""
    age_min: int | None = None
    age_max: int | None = None
    death_date: date | None = None
    death_precision: str = ""
    place_text: str = ""
    body_number: str = ""
    #: The year a list's ages refer to when a row gives an age but no date of death.
    reference_year: int | None = None


def birth_year(record: LinkRecord) -> int | None:
    """Return the year of birth, or the middle of the years an age at death allows."""
    if record.birth_date:
        return record.birth_date.year
    at = record.death_date.year if record.death_date else record.reference_year
    if record.age_min is None or at is None:
        return None
    return at - (record.age_min + (record.age_max if record.age_max is not None else record.age_min) + 1) // 2


#: Column name → arrow type name, in the order the model's table has them.
COLUMNS = {
    "unique_id": "int64", "source_list": "string", "person_key": "string", "sorted_key": "string",
    "surname_lat": "string", "given_lat": "string", "given_initial": "string", "body_number": "string",
    "patronymic_lat": "string", "surname_skel": "string", "sorted_skel": "string",
    "sex": "string", "birth_date": "string", "birth_year": "int32", "death_date": "date32",
    "death_month": "string", "death_year": "int32", "settlement": "string", "district": "string",
    "oblast": "string",
}


@lru_cache(maxsize=262144)
def _consonants(latin: str) -> str:
    """Return a name's consonants with doubled letters once: Karppenak and Karpenak, Bondar and Byndar agree."""
    return re.sub(r"(.)\1+", r"\1", skeleton(latin)) if latin else ""


def _blank(value: str) -> str | None:
    return value or None


@lru_cache(maxsize=262144)
def name_columns(surname_given: tuple[str, str], patronymic: str) -> dict:
    """Return the name columns of a (surname, given name) pair and a patronymic: many records share them."""
    surname, given = latin_part(surname_given[0]), latin_part(surname_given[1])
    key = person_key(" ".join(p for p in (surname_given[1], surname_given[0]) if p))
    return {
        "person_key": _blank(key),
        "sorted_key": _blank(" ".join(sorted(p for p in (surname, given) if p))),
        "surname_lat": _blank(surname),
        "given_lat": _blank(given),
        "given_initial": _blank(given[:1]),
        "patronymic_lat": _blank(latin_part(patronymic)),
        "surname_skel": _blank(_consonants(surname)),
        "sorted_skel": _blank(" ".join(sorted(_consonants(p) for p in (surname, given) if p))),
    }


def features(record: LinkRecord) -> dict:
    """Return the model's columns for one record; None where the record says nothing."""
    places = place_keys(record.place_text)
    death = record.death_date
    return {
        "unique_id": record.id,
        "source_list": record.list,
        **name_columns((record.surname, record.given_name), record.patronymic),
        "body_number": _blank(record.body_number.strip().lstrip("№#").strip()),
        "sex": record.sex if record.sex in ("male", "female") else None,
        "birth_date": record.birth_date.isoformat() if record.birth_date and record.birth_precision == "exact"
        else None,
        "birth_year": birth_year(record),
        "death_date": death if death and record.death_precision == "exact" else None,
        "death_month": f"{death:%Y-%m}" if death and record.death_precision in ("exact", "month") else None,
        "death_year": death.year if death else None,
        "settlement": _blank(places.settlement),
        "district": _blank(places.district),
        "oblast": _blank(places.oblast),
    }


def to_arrow(records) -> pyarrow.Table:  # noqa: F821
    """Return the model's input table for records, built column by column."""
    import pyarrow as pa

    columns: dict[str, list] = {name: [] for name in COLUMNS}
    for record in records:
        for name, value in features(record).items():
            columns[name].append(value)
    return pa.table({name: pa.array(values, type=getattr(pa, COLUMNS[name])()) for name, values in columns.items()})
