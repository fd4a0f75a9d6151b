"""What a group of list records says about one person: agreed values, and where the records disagree.

Pure: works on plain dicts of record fields, so the rule is tested without a database.
"""

from __future__ import annotations

from collections import Counter

#: Fields a victim takes from its records, each the value most records give.
SUMMARY_FIELDS = ["surname", "given_name", "patronymic", "person_key", "sex", "age_min", "age_max", "birth_date",
                  "birth_precision", "death_date", "death_precision", "place_id", "place_text", "status",
                  "cause_of_death", "grave_number", "body_number", "identification", "perpetrator_claimed"]
#: Fields compared side by side on the victim page.
COMPARED_FIELDS = ["full_name", "name_latin", "sex", "age_min", "age_max", "birth_date", "death_date", "place_text",
                   "status", "cause_of_death", "grave_number", "body_number", "identification"]
_PRECISION_RANK = {"exact": 0, "month": 1, "year": 2, "": 3}


def _blank(value) -> bool:
    return value is None or value == ""


def agreed(records: list[dict], field: str):
    """Return the value most records give for a field (ties: the first record's), or None."""
    values = [r.get(field) for r in records if not _blank(r.get(field))]
    if not values:
        return None
    if field in ("birth_date", "death_date"):  # the most precise date wins over a bare year
        precision = field.replace("_date", "_precision")
        values = sorted(((r.get(field), r.get(precision) or "") for r in records if r.get(field)),
                        key=lambda v: _PRECISION_RANK.get(v[1], 3))
        return values[0][0]
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def summarise(records: list[dict]) -> dict:
    """Return a victim's fields from its records, and every spelling of the name with where it is from."""
    data = {field: agreed(records, field) for field in SUMMARY_FIELDS}
    for field in ("birth", "death"):
        date = data[f"{field}_date"]
        data[f"{field}_precision"] = next((r.get(f"{field}_precision") for r in records
                                           if r.get(f"{field}_date") == date), "") if date else ""
    names, seen = [], set()
    for r in records:
        for name, script in ((r.get("full_name"), "as given"), (r.get("name_latin"), "latin")):
            if name and (name, r.get("list")) not in seen:
                seen.add((name, r.get("list")))
                names.append({"name": name, "list": r.get("list"), "row": r.get("row"), "kind": script})
    data["names"] = names
    data["full_name"] = " ".join(p for p in (data["surname"], data["given_name"], data["patronymic"]) if p) or ""
    return {k: ("" if v is None and k not in _NULLABLE else v) for k, v in data.items()}


_NULLABLE = {"age_min", "age_max", "birth_date", "death_date", "place_id"}


def disagreements(records: list[dict]) -> list[str]:
    """Return the fields on which the records give different values (blanks do not disagree)."""
    found = []
    for field in COMPARED_FIELDS:
        values = {str(r.get(field)).strip().lower() for r in records if not _blank(r.get(field))}
        if field == "full_name":
            values = {r.get("person_key") for r in records if r.get("person_key")}
        if len(values) > 1:
            found.append(field)
    return found
