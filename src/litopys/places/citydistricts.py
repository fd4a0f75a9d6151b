"""Districts of cities, which are no raions: "у Салтівському районі" in a text on Kharkiv is Kharkiv (data in
``data/city_districts.yaml``)."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path

import yaml

FILE = Path(__file__).with_name("data") / "city_districts.yaml"
#: How far from a district's adjective the text must name its city.
REACH = 3000


@functools.cache
def _cities() -> list[tuple[str, re.Pattern, tuple[str, ...]]]:
    data = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    return [(name, re.compile("|".join(re.escape(stem) for stem in entry["city"]), re.I),
             tuple(stem.lower() for stem in entry["districts"])) for name, entry in data.items()]


def city_of(text: str, written: str, at: int) -> str | None:
    """Return the city (the gazetteer's name) whose district an adjective written at ``at`` of ``text`` names, when
    the text names that city; of several such cities, the one named nearest; else None."""
    adjective = written.lower()
    best = None
    for name, city, districts in _cities():
        if not adjective.startswith(districts):
            continue
        for match in city.finditer(text, max(0, at - REACH), at + REACH):
            if at <= match.start() < at + len(written):
                continue  # the adjective itself ("Київському")
            distance = abs(match.start() - at)
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None


def as_city(text: str, offset: int, mention, gazetteer):
    """Return ``mention`` (found in ``text`` at ``offset``), or the city whose district it names instead of a raion
    ("у Приморському районі" in a text on Odesa: Odesa)."""
    if getattr(mention, "centre", None) is None or getattr(mention, "place", None) is not None:
        return mention
    city = city_of(text, mention.text, offset + mention.start)
    place = _city(city, gazetteer) if city else None
    return replace(mention, name=place.name, place=place, centre=None) if place else mention


def _city(name: str, gazetteer):
    return next((place for place in gazetteer.lookup(name) if getattr(place, "kind", "") == "settlement"), None)
