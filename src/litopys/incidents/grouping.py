"""Group claims into incident suggestions: claims from different sources about the same kind of event, at the same
place, within a few days, are proposed as one incident, or as an addition to an incident already recorded there.

Pure Python over plain records (no database): ``incidents.actions.suggest_incidents`` reads the claims and the
incidents, calls ``group`` and stores what it proposes for a reviewer to accept, edit or reject. The kind of event a
claim documents is its kind's ``event`` in ``vocab/claim_kinds.yaml`` (an incident type); a kind with ``joins`` also
belongs to an event of those types at the same place and time ("3 killed" joins the shelling of that day).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from litopys import vocab

#: Claims whose days lie within this many days of the group's first day are about one event.
WINDOW_DAYS = 7
#: A new incident needs claims from at least this many sources; an addition to a recorded one needs one.
MIN_SOURCES = 2


@dataclass(frozen=True)
class ClaimFact:
    """A claim as grouping sees it: what it counts, where (a place key: "place:<id>" or "named:<name>"), when."""

    id: int
    kind: str
    place: str
    place_name: str
    day: date | None
    source: int


@dataclass(frozen=True)
class IncidentFact:
    """A recorded incident as grouping sees it: its type, place key and dates."""

    id: int
    type: str
    place: str
    start: date | None
    end: date | None = None


@dataclass
class Grouping:
    """Claims proposed as one incident (``incident`` None) or as an addition to a recorded one, and why."""

    event: str
    place: str
    place_name: str
    start: date
    end: date
    claims: list[int]
    sources: list[int]
    kinds: list[str]
    incident: int | None = None
    #: Why these claims go together, as facts a page words: the event, the place, the days, the sources.
    evidence: dict = field(default_factory=dict)


def event_of(kind: str) -> str | None:
    """Return the incident type a claim of ``kind`` documents (its ``event``), or None."""
    return (vocab.load("claim_kinds").get(kind) or {}).get("event")


def joins_of(kind: str) -> tuple[str, ...]:
    """Return the other incident types a claim of ``kind`` may belong to at the same place and time."""
    return tuple((vocab.load("claim_kinds").get(kind) or {}).get("joins") or ())


def group(claims: list[ClaimFact], incidents: list[IncidentFact] = (), window: int = WINDOW_DAYS) -> list[Grouping]:
    """Return the groupings of ``claims`` (those of no incident yet) worth proposing, in order of place and day."""
    by_key: dict[tuple[str, str], list[ClaimFact]] = defaultdict(list)
    for claim in claims:
        event = event_of(claim.kind)
        if event and claim.day is not None and claim.place:
            by_key[(event, claim.place)].append(claim)
    groupings = []
    for (event, place), members in sorted(by_key.items()):
        for cluster in _clusters(members, window):
            groupings.append(_grouping(event, place, cluster))
    _join(groupings, window)
    proposed = []
    for grouping in groupings:
        grouping.incident = _recorded(grouping, incidents, window)
        if len(grouping.sources) >= (1 if grouping.incident else MIN_SOURCES):
            grouping.evidence = _evidence(grouping, window)
            proposed.append(grouping)
    return proposed


def _clusters(members: list[ClaimFact], window: int) -> list[list[ClaimFact]]:
    """Split claims of one event and place into runs of days no longer than ``window``."""
    clusters: list[list[ClaimFact]] = []
    for claim in sorted(members, key=lambda c: (c.day, c.id)):
        if clusters and claim.day - clusters[-1][0].day <= timedelta(days=window):
            clusters[-1].append(claim)
        else:
            clusters.append([claim])
    return clusters


def _grouping(event: str, place: str, cluster: list[ClaimFact]) -> Grouping:
    return Grouping(event=event, place=place, place_name=cluster[0].place_name, start=cluster[0].day,
                    end=cluster[-1].day, claims=[c.id for c in cluster],
                    sources=sorted({c.source for c in cluster}), kinds=sorted({c.kind for c in cluster}))


def _join(groupings: list[Grouping], window: int) -> None:
    """Move a group whose kinds may join another event (the killed of a shelling) into that event's group at the
    same place and days, so that one incident holds both."""
    kinds = vocab.load("claim_kinds")
    for grouping in list(groupings):
        joins = {event for kind in grouping.kinds for event in (kinds.get(kind) or {}).get("joins") or ()}
        host = next((other for other in groupings if other is not grouping and other.event in joins
                     and other.place == grouping.place and _overlap(other, grouping.start, grouping.end, window)),
                    None)
        if host is None:
            continue
        host.claims = sorted(host.claims + grouping.claims)
        host.sources = sorted(set(host.sources) | set(grouping.sources))
        host.kinds = sorted(set(host.kinds) | set(grouping.kinds))
        host.start, host.end = min(host.start, grouping.start), max(host.end, grouping.end)
        groupings.remove(grouping)


def _overlap(grouping: Grouping, start: date, end: date, window: int) -> bool:
    slack = timedelta(days=window)
    return grouping.start - slack <= end and start <= grouping.end + slack


def _recorded(grouping: Grouping, incidents: list[IncidentFact], window: int) -> int | None:
    """Return the recorded incident of the same type and place whose days the group's fall near, if any."""
    for incident in sorted(incidents, key=lambda i: i.id):
        if incident.type != grouping.event or incident.place != grouping.place or incident.start is None:
            continue
        if _overlap(grouping, incident.start, incident.end or incident.start, window):
            return incident.id
    return None


def _evidence(grouping: Grouping, window: int) -> dict:
    return {"event": grouping.event, "place": grouping.place_name, "start": grouping.start.isoformat(),
            "end": grouping.end.isoformat(), "window": window, "sources": len(grouping.sources),
            "claims": len(grouping.claims), "kinds": list(grouping.kinds), "incident": grouping.incident}
