"""Reads several places need: documented counts for public pages, capture histories for estimation.

Public callers get numbers only — never a name, a date of birth or a grave number.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from litopys.casualties.models import ListRecord, Victim
from litopys.casualties.summary import COMPARED_FIELDS, disagreements

STRATA = ("oblast", "place", "sex", "status")


def reviewed_victims():
    """Return the reviewed people: victims two persons confirmed, not merged into another."""
    return Victim.objects.filter(merged_into__isnull=True, records__isnull=False).distinct()


def documented_counts(by: str | None = None) -> dict:
    """Count reviewed victims in total, and per place of death and per oblast when `by="place"`.

    {"total": 447, "places": [{"place_id": 3, "place": "Izium", "oblast": "Kharkiv Oblast", "count": 440}, …],
     "oblasts": [{"oblast_id": 2, "oblast": "Kharkiv Oblast", "count": 445}, …], "unknown_place": 2}
    """
    if by not in (None, "place"):
        raise ValueError(f"documented_counts(by={by!r}): use by='place' or leave it out")
    victims = reviewed_victims()
    result: dict = {"total": victims.count()}
    if by == "place":
        rows = victims.values_list("place_id", "place__name", "place__admin1_id", "place__admin1__name",
                                   "place__kind")
        places: Counter = Counter()
        oblasts: Counter = Counter()
        names: dict = {}
        unknown = 0
        for place_id, name, oblast_id, oblast, kind in rows:
            if place_id is None:
                unknown += 1
                continue
            if kind != "oblast":
                places[place_id] += 1
                names[place_id] = (name, oblast)
            if oblast_id is not None:
                oblasts[oblast_id] += 1
                names[("oblast", oblast_id)] = oblast
        result["places"] = [{"place_id": pk, "place": names[pk][0], "oblast": names[pk][1], "count": n}
                            for pk, n in places.most_common()]
        result["oblasts"] = [{"oblast_id": pk, "oblast": names[("oblast", pk)], "count": n}
                             for pk, n in oblasts.most_common()]
        result["unknown_place"] = unknown
    return result


def capture_histories(strata: str | None = None, lists: list[str] | None = None) -> list[dict]:
    """Return the capture histories of reviewed victims as rows, one per history (and stratum), counted.

    [{"exhumation": 1, "morgue": 0, "police": 1, "count": 120}, …], with a column named after `strata`
    ("oblast": "UA-63", or the place, sex or status) when asked. These are the rows
    `casualties.estimation.estimate(rows, model=None, strata=...)` takes: one 0/1 column per list, in the
    order of `lists` (default: every list a reviewed victim is on, sorted), and `count`.
    """
    if strata is not None and strata not in STRATA:
        raise ValueError(f"capture_histories(strata={strata!r}): use one of {', '.join(STRATA)} or None")
    names = lists or sorted(set(ListRecord.objects.filter(victim__isnull=False)
                                .values_list("victim_list__name", flat=True)))
    on: dict[int, set[str]] = defaultdict(set)
    for victim_id, list_name in (ListRecord.objects.filter(victim__merged_into__isnull=True, victim__isnull=False)
                                 .values_list("victim_id", "victim_list__name")):
        on[victim_id].add(list_name)
    stratum_of: dict[int, str] = {}
    if strata is not None:
        field = {"oblast": "place__admin1__iso_code", "place": "place__name", "sex": "sex", "status": "status"}[strata]
        stratum_of = {pk: value or "unknown" for pk, value in Victim.objects.filter(pk__in=on).values_list("pk", field)}
    counts: Counter = Counter()
    for victim_id, found in on.items():
        history = tuple(int(name in found) for name in names)
        if any(history):
            counts[(stratum_of.get(victim_id, ""), history)] += 1
    rows = []
    for (stratum, history), n in sorted(counts.items()):
        row = dict(zip(names, history, strict=True))
        if strata is not None:
            row[strata] = stratum
        row["count"] = n
        rows.append(row)
    return rows


def side_by_side(victim: Victim) -> dict:
    """Return a victim's records as columns for the staff page, with the fields where they disagree."""
    records = list(victim.records.select_related("victim_list").order_by("victim_list__name", "row"))
    values = [{field: getattr(r, field) for field in [*COMPARED_FIELDS, "person_key"]} for r in records]
    return {"records": records, "fields": COMPARED_FIELDS, "values": values, "disagree": disagreements(values)}


def published_estimates():
    """Return the estimates editors published and did not withdraw, newest first: numbers only."""
    from litopys.casualties.models import PublishedEstimate

    return PublishedEstimate.objects.filter(withdrawn_at__isnull=True).order_by("-published_at")
