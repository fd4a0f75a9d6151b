"""A part of a total given to a place inside the total's place takes the total's qualifiers; a claim whose text gives
it no place at all is at the place of the document's first claim.

"174 civilians killed across Ukraine … More than a third of the deaths – 61 – occurred in Kharkiv Oblast": the 61
are civilians too. A claim with no qualifiers of its own, of the kind of a larger claim said by the same speaker a
little before it, at a place the total's place holds (the country holds every place of an oblast; an oblast holds
its districts and settlements), takes that total's qualifiers.
"""

from __future__ import annotations

from .result import ClaimCandidate

#: How far (characters) before a part its total may be stated.
REACH = 1500


def holds(wider: dict | None, place: dict | None) -> bool:
    """Say whether the place ``wider`` holds ``place`` (and is not it): the country an oblast's place, an oblast its
    districts and settlements."""
    if not wider or not place or wider == place or not place.get("admin1"):
        return False
    if wider.get("admin1") is None:
        return wider.get("geonames_id") is not None  # the country
    return wider["name"] == wider["admin1"] and place["admin1"] == wider["name"] and place["name"] != wider["name"]


def inherit_qualifiers(claims: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """Give each part at a place held by its total's place the total's qualifiers (in place; returns ``claims``); a
    part with qualifiers of its own takes only the total's status ("civilians" above, "two men" in a town below)."""
    for index, part in enumerate(claims):
        if "status" in part.qualifiers or part.place is None or part.min is None and part.max is None:
            continue
        value = part.max if part.max is not None else part.min
        for total in reversed(claims[:index]):
            if part.start - total.start > REACH:
                break
            ceiling = total.max if total.max is not None else total.min
            if (total.kind == part.kind and total.qualifiers and ceiling is not None and value < ceiling
                    and total.attributed_to == part.attributed_to and holds(total.place, part.place)):
                if not part.qualifiers:
                    part.qualifiers = dict(total.qualifiers)
                elif "status" in total.qualifiers:
                    part.qualifiers = {**part.qualifiers, "status": total.qualifiers["status"]}
                break
    return claims


def fill_places(claims: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """Give each claim no sentence, paragraph or heading placed the place of the document's first placed claim: a
    statement about one region ("Повреждены 96 частных домов" after the lede's oblast) stays in it."""
    first = next((claim.place for claim in claims if claim.place is not None), None)
    if first is not None:
        for claim in claims:
            if claim.place is None:
                claim.place = dict(first)
    return claims
