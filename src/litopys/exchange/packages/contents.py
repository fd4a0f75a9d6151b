"""What goes into an evidence package, and what is withheld: decided by the exporter's rights alone.

A package is about an incident (the sources of its claims and of its sites' claims), some items, or some
sources. It holds every source the exporter may read (`litopys.evidence.access`) — confidential ones only when
asked for — with its item, the item's derived copies and its originals, the custody events of those items, and
the claims and review decisions made from those sources. What the exporter may not read, or did not ask for,
is withheld and counted, never named: a withheld source's title or file name can name a witness.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from litopys.evidence.access import readable_sources
from litopys.evidence.models import CustodyEvent, Item, Sensitivity, Source
from litopys.incidents.models import Claim, Incident


class ScopeError(Exception):
    """The package's scope names nothing that exists; the message says what and how to fix it."""


@dataclass
class Scope:
    """What the package is about: one incident, some items (by hash), or some sources (by id)."""

    incident: str = ""
    items: list[str] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {key: value for key, value in (("incident", self.incident), ("items", self.items),
                                              ("sources", self.sources)) if value}

    def slug(self) -> str:
        if self.incident:
            return self.incident
        return f"{len(self.items)}-items" if self.items else f"{len(self.sources)}-sources"


@dataclass
class Withheld:
    """What the package leaves out, counted: sources by sensitivity and reason, their claims, items and events."""

    sources: dict[str, int] = field(default_factory=dict)
    claims: int = 0
    items: int = 0
    events: int = 0

    def add_source(self, source: Source, reason: str) -> None:
        key = f"{source.sensitivity}: {reason}"
        self.sources[key] = self.sources.get(key, 0) + 1

    def as_dict(self) -> dict:
        return {"sources": dict(sorted(self.sources.items())), "claims": self.claims, "items": self.items,
                "custody_events": self.events}

    @property
    def anything(self) -> bool:
        return bool(self.sources or self.claims or self.items or self.events)


@dataclass
class Contents:
    scope: Scope
    incident: Incident | None
    sources: list[Source]
    items: list[Item]
    events: list[CustodyEvent]
    claims: list[Claim]
    withheld: Withheld


#: Why a source is left out: said in the package, in these words.
NOT_ASKED = "confidential, and confidential sources were not asked for"
NOT_ALLOWED = "the exporter may not read it"


def gather(scope: Scope, user, include_confidential: bool = False) -> Contents:
    """Return what a package of this scope holds for this exporter, and what it withholds."""
    incident = None
    if scope.incident:
        incident = Incident.objects.filter(slug=scope.incident).first()
        if incident is None:
            raise ScopeError(f"no incident has the slug {scope.incident!r}; `litopys export dataset --format json` "
                             "lists them")
        about = Q(claims__incident=incident) | Q(claims__site__incident=incident)
        candidates = Source.objects.filter(about)
    elif scope.items:
        wanted = Item.objects.filter(sha256__in=scope.items)
        missing = sorted(set(scope.items) - set(wanted.values_list("sha256", flat=True)))
        if missing:
            raise ScopeError(f"no item has the hash {missing[0]}; give sha256:<64 hex digits> of an item in the vault")
        candidates = Source.objects.filter(Q(item__in=wanted) | Q(item__derivatives__in=wanted))
    else:
        candidates = Source.objects.filter(pk__in=scope.sources)
        missing = sorted(set(scope.sources) - set(candidates.values_list("pk", flat=True)))
        if missing:
            raise ScopeError(f"no source has the id {missing[0]}; the staff site lists sources under /staff/")
    candidates = list(candidates.distinct().select_related("item").order_by("pk"))
    withheld = Withheld()
    permitted = _permitted(user, include_confidential)
    sources = []
    for source in candidates:
        if source.pk in permitted(source):
            sources.append(source)
        else:
            withheld.add_source(source, NOT_ALLOWED if source.pk not in _readable([source], user) else NOT_ASKED)
    sources = _with_containers(sources, permitted)
    items = _items(sources, withheld)
    events = _events(items, permitted, withheld)
    claims = _claims(incident, sources, withheld, candidates)
    return Contents(scope, incident, sources, items, events, claims, withheld)


def _readable(sources, user) -> set[int]:
    return set(readable_sources(user, Source.objects.filter(pk__in=[s.pk for s in sources]))
               .values_list("pk", flat=True))


def _permitted(user, include_confidential: bool):
    """Return a function telling, for a source, the ids among it that may go into the package (cached)."""
    cache: dict[int, bool] = {}

    def permitted(*sources) -> set[int]:
        unknown = [source for source in sources if source.pk not in cache]
        if unknown:
            readable = _readable(unknown, user)
            for source in unknown:
                cache[source.pk] = source.pk in readable and (
                    include_confidential or source.sensitivity != Sensitivity.CONFIDENTIAL)
        return {source.pk for source in sources if cache[source.pk]}

    return permitted


def _with_containers(sources: list[Source], permitted) -> list[Source]:
    """Add the web archives captured pages came from, where the exporter may have them: a page's record is
    a copy derived from its archive, which is the primary evidence."""
    chosen = {source.pk: source for source in sources}
    for source in sources:
        parent = source.parent
        while parent is not None and parent.pk not in chosen and permitted(parent):
            chosen[parent.pk] = parent
            parent = parent.parent
    return sorted(chosen.values(), key=lambda source: source.pk)


def _items(sources: list[Source], withheld: Withheld) -> list[Item]:
    """Return the sources' items, their originals held by the same sources, and every copy derived from them."""
    chosen: dict[int, Item] = {}
    frontier = [source.item for source in sources]
    while frontier:
        item = frontier.pop()
        if item.pk in chosen:
            continue
        chosen[item.pk] = item
        frontier.extend(item.derivatives.all())
    held = {source.item_id for source in sources}
    for item in list(chosen.values()):
        original = item.derived_from
        while original is not None and original.pk not in chosen:
            if original.pk in held:
                chosen[original.pk] = original
            else:
                withheld.items += 1
                break
            original = original.derived_from
    return sorted(chosen.values(), key=lambda item: (item.derived_from_id is not None, item.pk))


def _events(items: list[Item], permitted, withheld: Withheld) -> list[CustodyEvent]:
    """Return the custody events of the items, less those that speak of a source the package withholds."""
    events = list(CustodyEvent.objects.filter(item_hash__in=[item.sha256 for item in items]).order_by("sequence"))
    # An event about another source of the same bytes carries that source's file name: it stays out unless
    # that source may go in too.
    mentioned = {event.details.get("source") for event in events} - {None}
    by_id = Source.objects.in_bulk([pk for pk in mentioned if isinstance(pk, int)])
    kept = []
    for event in events:
        named = event.details.get("source")
        if named is None or (named in by_id and permitted(by_id[named])):
            kept.append(event)
        else:
            withheld.events += 1
    return kept


def _claims(incident, sources: list[Source], withheld: Withheld, candidates: list[Source]) -> list[Claim]:
    included = {source.pk for source in sources}
    claims = Claim.objects.filter(source__in=candidates)
    if incident is not None:
        claims = claims.filter(Q(incident=incident) | Q(site__incident=incident))
    claims = list(claims.select_related("source", "attributed_to", "place", "incident", "site", "entered_by",
                                        "accepted_by").prefetch_related("decisions__user").order_by("pk"))
    withheld.claims = len([claim for claim in claims if claim.source_id not in included])
    return [claim for claim in claims if claim.source_id in included]
