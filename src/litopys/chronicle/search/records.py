"""Search over the public record: published incidents, the sites and places they are about, and their verified
figures — matched across scripts, so "Ізюм" finds Izium and "Izium" finds Ізюм.

Every query word must start a word of the record (in its own script or romanised). Only what the public record
shows is searched: published incidents (``record.selectors.public_incidents``) and the figures readers may see
(``record.selectors.verified_figures``); nothing unpublished, no source, no person. The record is matched in
memory, which suits the few thousand incidents a chronicle holds; beyond that, index it like the posts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from litopys.names.translit import fold, romanise
from litopys.record.selectors import public_incidents, verified_figures
from litopys.vocab.choices import label

_WORD = re.compile(r"\w+")


@dataclass
class PlaceHit:
    place: object
    incidents: list = field(default_factory=list)


@dataclass
class RecordHits:
    incidents: list = field(default_factory=list)
    places: list[PlaceHit] = field(default_factory=list)
    sites: list = field(default_factory=list)
    figures: list = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.incidents) + len(self.places) + len(self.sites) + len(self.figures)


def variants(word: str) -> list[str]:
    """Return the forms a query word is looked for in: as written (folded) and romanised."""
    found = [fold(word)]
    latin = romanise(word).split()
    if latin and latin[0] not in found:
        found.append(latin[0])
    return found


def tokens(*texts: str) -> set[str]:
    """Return the words of texts, folded, and the words of their romanisation."""
    found: set[str] = set()
    for text in texts:
        if text:
            found.update(_WORD.findall(fold(text)))
            found.update(romanise(text).split())
    return found


def matches(query: list[list[str]], words: set[str]) -> bool:
    return all(any(word.startswith(form) for form in forms for word in words) for forms in query)


def place_names(place) -> list[str]:
    if place is None:
        return []
    names = [place.name, place.name_uk, place.name_ru, *(place.alternate_names or [])]
    return names + (place_names(place.admin1) if place.admin1_id and place.admin1_id != place.pk else [])


def find(words: list[str], limit: int = 20) -> RecordHits:
    """Return the incidents, places, sites and figures whose words begin with every query word."""
    query = [variants(word) for word in words]
    hits = RecordHits()
    if not query:
        return hits
    incidents = list(public_incidents().order_by("-start_date", "title"))
    places: dict[int, PlaceHit] = {}
    figures_of = {}
    for incident in incidents:
        kind = label("incident_types", incident.type)
        if matches(query, tokens(incident.title, incident.description, kind, *place_names(incident.place))):
            hits.incidents.append(incident)
        about = [incident.place, *(site.place for site in incident.sites.all())]
        for place in filter(None, about):
            hit = places.setdefault(place.pk, PlaceHit(place)) if matches(query, tokens(*place_names(place))) else None
            if hit is not None and incident not in hit.incidents:  # an incident and its site in one town: once
                hit.incidents.append(incident)
        for site in incident.sites.all():
            if matches(query, tokens(site.name, *place_names(site.place))):
                hits.sites.append((site, incident))
        figures_of[incident.pk] = incident
    matched = {incident.pk for incident in hits.incidents}
    for incident_id, figures in verified_figures([i for i in incidents if i.pk in matched]).items():
        hits.figures.extend((figure, figures_of[incident_id]) for figure in figures if figure.id)
    hits.places = list(places.values())
    hits.incidents, hits.sites, hits.figures = (hits.incidents[:limit], hits.sites[:limit],
                                                hits.figures[:limit])
    return hits
