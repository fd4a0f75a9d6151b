"""Which column of a list holds which field: headers matched in English, Ukrainian and Russian, or given."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

HEADERS_FILE = Path(__file__).with_name("data") / "headers.yaml"
_NOISE = re.compile(r"[\s.,:;()\[\]/\\_\-'’ʼ`\"*]+")


def normalise(header: str) -> str:
    """Return a header reduced for matching: lowercase, no spaces, punctuation or apostrophes."""
    text = str(header or "").strip().lower().replace("№", "номер").replace("ё", "е")
    return _NOISE.sub("", text)


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, str]:
    """Return {normalised header: field} from the header vocabulary."""
    data = yaml.safe_load(HEADERS_FILE.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for field, headers in data.items():
        for header in headers:
            key = normalise(header)
            if key in found and found[key] != field:
                raise ValueError(f"{HEADERS_FILE}: header {header!r} is listed for {found[key]} and {field}")
            found[key] = field
    return found


def fields() -> list[str]:
    """Return every field a column can fill, in the vocabulary's order."""
    return list(dict.fromkeys(vocabulary().values()))


class ColumnError(ValueError):
    """A column mapping that cannot be used; the message says the fix."""


def parse_columns(text: str) -> dict[str, str]:
    """Read ``--columns surname=Прізвище,given_name=Ім'я`` into {field: header}."""
    known = set(fields())
    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in (text or "").split(","))):
        field, sep, header = part.partition("=")
        field, header = field.strip(), header.strip()
        if not sep or not field or not header:
            raise ColumnError(f"--columns: {part!r} is not field=Header; write e.g. surname=Прізвище")
        if field not in known:
            raise ColumnError(f"--columns: {field!r} is not a field; use one of {', '.join(sorted(known))}")
        mapping[field] = header
    return mapping


def match_columns(headers: list[str], given: dict[str, str] | None = None) -> dict[str, int]:
    """Return {field: column index}: the given headers first, then the vocabulary's; first match wins."""
    given = given or {}
    by_header = {normalise(h): i for i, h in reversed(list(enumerate(headers))) if normalise(h)}
    mapping: dict[str, int] = {}
    for field, header in given.items():
        index = by_header.get(normalise(header))
        if index is None:
            shown = ", ".join(repr(str(h)) for h in headers if str(h).strip()) or "none"
            raise ColumnError(f"--columns: the list has no column {header!r} for {field}; its headers are {shown}")
        mapping[field] = index
    taken = set(mapping.values())
    for index, header in enumerate(headers):
        field = vocabulary().get(normalise(header))
        if field and field not in mapping and index not in taken:
            mapping[field] = index
            taken.add(index)
    return mapping


def has_name(mapping: dict[str, int]) -> bool:
    """Tell whether the mapping gives a person's name (whole, or a surname or given name)."""
    return bool({"full_name", "surname", "given_name", "name_latin"} & set(mapping))
