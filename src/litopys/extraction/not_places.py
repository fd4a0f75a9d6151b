"""Mentions that name no place of a claim's own: a village in words written in capitals (every word there looks
like a name), a city's district ("у Київському районі міста": no raion; the city is the claim's place)."""

from __future__ import annotations

import re

from .lexicon.loading import alternation

#: In capitals ("ХАРЬКОВ. ПОСЛЕДСТВИЯ НОЧНОЙ АТАКИ") every word looks like a name: there only towns of this many
#: people or more, districts and oblasts are taken for places ("АТАКИ" is no village Ataky).
SHOUTED_TOWN = 10_000


#: Between a place and the oblast that says where it is: "ОЛИШЕВКА (Черниговская область)", "BORODIANKA, Kyiv Oblast".
_OBLAST_GAP = re.compile(r"\s*[(,]\s*")


def oblast_after(text: str, end: int, start: int, after) -> bool:
    """Say whether the mention ``after``, at ``start`` of ``text``, is an oblast following a place that ends at
    ``end``, in brackets or after a comma: "ОЛИШЕВКА (Черниговская область)" (a dateline: the village is one)."""
    place = getattr(after, "place", None)
    return place is not None and getattr(place, "kind", "") == "oblast" and \
        _OBLAST_GAP.fullmatch(text, end, start) is not None


def shouted_village(mention) -> bool:
    """Say whether a mention written in capitals names a village (or a place the gazetteer does not know)."""
    written = getattr(mention, "text", "")
    if len(written) < 2 or not written.isupper():
        return False
    place = getattr(mention, "place", None)
    if place is None:
        return getattr(mention, "centre", None) is None
    return getattr(place, "kind", "") == "settlement" and (getattr(place, "population", 0) or 0) < SHOUTED_TOWN


#: After a district's name, a city's: "у Київському районі міста", "в Шевченковском районе города".
_CITY_AFTER = re.compile(rf"\s+(?:{alternation('places', 'city_after')})(?!\w)", re.I)


def city_district(text: str, offset: int, mention) -> bool:
    """Say whether a district mentioned at ``offset + mention.end`` of ``text`` is a city's (no raion)."""
    return getattr(mention, "centre", None) is not None and _CITY_AFTER.match(text, offset + mention.end) is not None


#: A short name in quotation marks around a mention: a newspaper, a company, a ship ("«Українська правда»").
_QUOTED_NAME_REACH = 40


def quoted_name(text: str, offset: int, mention) -> bool:
    """Say whether a mention lies inside a short name in quotation marks ("пише «Українська правда»"), no place."""
    start, end = offset + mention.start, offset + mention.end
    opening = text.rfind("«", max(0, start - _QUOTED_NAME_REACH), start)
    closing = text.find("»", end, end + _QUOTED_NAME_REACH)
    return opening >= 0 and closing >= 0 and "»" not in text[opening:start] and "«" not in text[end:closing] \
        and len(text[opening:closing].split()) <= 4
