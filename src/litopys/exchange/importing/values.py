"""Cell values read as the record stores them: vocabulary codes from codes or labels in English or Ukrainian,
dates, numbers, yes/no, places checked against the gazetteer. Each failure is a `RowError` that says the fix."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.utils import translation

from litopys import vocab
from litopys.places.gazetteer import Gazetteer
from litopys.places.loading import ensure_place
from litopys.places.models import Place


class RowError(Exception):
    """One cell cannot be read; the message names the column, the value and the fix."""


def _fold(text: str) -> str:
    return " ".join(str(text).lower().split())


def vocabulary_code(name: str, value: str, column: str) -> str:
    """Return the code a cell names: a code of the vocabulary, or its label in English or Ukrainian."""
    wanted = _fold(value)
    for code, entry in vocab.load(name).items():
        if wanted == code or wanted in {_fold(text) for text in entry["label"].values()}:
            return code
    known = ", ".join(vocab.codes(name)[:12])
    raise RowError(f"{column} {value!r} is not in the vocabulary {name}; use one of {known}… or their English or "
                   "Ukrainian labels (never added by an import)")


def choice(choices, value: str, column: str) -> str:
    """Return the value of a Django TextChoices a cell names, by value or label in English or Ukrainian."""
    wanted = _fold(value)
    for member in choices:
        labels = set()
        for language in ("en", "uk"):
            with translation.override(language):
                labels.add(_fold(member.label))
        if wanted == member.value or wanted in labels:
            return member.value
    raise RowError(f"{column} {value!r} is not one of {', '.join(member.value for member in choices)}")


DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")


def day(value: str, column: str) -> date | None:
    """Return a date written YYYY-MM-DD or DD.MM.YYYY (as Ukrainian spreadsheets write it); empty is none."""
    if not value:
        return None
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(value, form).date()
        except ValueError:
            continue
    raise RowError(f"{column} {value!r} is not a date; write it as YYYY-MM-DD (or DD.MM.YYYY)")


def whole(value: str, column: str) -> int | None:
    if not value:
        return None
    cleaned = re.sub(r"[\s\u00a0\u202f,]", "", value)
    if not re.fullmatch(r"\d{1,15}", cleaned):
        raise RowError(f"{column} {value!r} is not a whole number of 0 or more")
    return int(cleaned)


YES = {"true", "yes", "1", "так", "y", "t"}
NO = {"false", "no", "0", "ні", "n", "f", ""}


def yes_no(value: str, column: str) -> bool:
    folded = _fold(value)
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise RowError(f"{column} {value!r} is not yes or no (true/false, так/ні)")


def codes_list(name: str, value: str, column: str) -> list[str]:
    """Return vocabulary codes from a cell listing codes or labels, separated by ';' (or ',' between codes)."""
    if not value:
        return []
    parts = [part for part in re.split(r"\s*;\s*", value) if part]
    if len(parts) == 1 and "," in value and all(re.fullmatch(r"[a-z0-9_]+", p.strip()) for p in value.split(",")):
        parts = [part.strip() for part in value.split(",")]
    found = [vocabulary_code(name, part, column) for part in parts]
    return list(dict.fromkeys(found))


def place(geonames_id: str, name: str, oblast: str, column: str = "place") -> Place | None:
    """Return the stored place a row names: by GeoNames id, else by name (and oblast) in the gazetteer."""
    gazetteer = Gazetteer.default()
    if geonames_id:
        number = whole(geonames_id, "place_geonames_id")
        row = ensure_place(number) or Place.objects.filter(geonames_id=number).first()
        if row is None:
            raise RowError(f"place_geonames_id {geonames_id} is not a place in the gazetteer of Ukraine; check the id "
                           "on geonames.org or give the place's name")
        return row
    if not name:
        return None
    candidates = gazetteer.lookup(name)
    if oblast:
        oblasts = gazetteer.lookup(oblast)
        codes = {o.admin1_code for o in oblasts if o.kind != "settlement"}
        candidates = [c for c in candidates if c.admin1_code in codes]
    if not candidates:
        raise RowError(f"{column} {name!r}{f' in {oblast}' if oblast else ''} is not in the gazetteer of Ukraine; "
                       "check the spelling, or give place_geonames_id")
    settlements = [c for c in candidates if c.kind == "settlement"]
    if len(settlements) > 1 and candidates[0].kind == "settlement":
        where = ", ".join(f"{c.name} ({c.admin1_code}, GeoNames {c.geonames_id})" for c in settlements[:4])
        raise RowError(f"{column} {name!r} names more than one place ({where}); "
                       f"{'give place_geonames_id' if oblast else 'add the oblast column or place_geonames_id'}")
    best = candidates[0]
    if best.geonames_id:
        return ensure_place(best.geonames_id)
    found = Place.objects.filter(name=best.name, kind=best.kind).first()
    if found is None:
        raise RowError(f"{column} {name!r}: the gazetteer is not loaded for this place; run `litopys places load`")
    return found
