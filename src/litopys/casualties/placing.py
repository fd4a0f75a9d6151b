"""Where a list says someone died, as the gazetteer knows it: settlement, district, oblast.

Pure: no database. The gazetteer has no second-level (raion) codes; a district is known when the list
names one ("Ізюмський район"), by the settlement it is named after.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class PlaceKeys:
    """Keys to compare two places: equal settlement, equal district, equal oblast."""

    geonames_id: int | None = None  # the settlement (or, failing one, the oblast) named
    settlement: str = ""
    district: str = ""
    oblast: str = ""


@lru_cache(maxsize=65536)
def place_keys(text: str) -> PlaceKeys:
    """Read a place as lists write it ("м. Ізюм", "Ізюмський район", "Izium, Kharkiv oblast")."""
    if not text or not text.strip():
        return PlaceKeys()
    from litopys.places.gazetteer import OBLAST, SETTLEMENT, Gazetteer

    settlement = district = oblast = ""
    geonames_id = None
    for mention in Gazetteer.default().find(text):
        place = mention.place
        if mention.centre is not None and not district:
            district = f"district:{mention.centre.geonames_id}"
            oblast = oblast or (mention.centre.admin1_code or "")
        elif place is not None and place.kind == SETTLEMENT and not settlement:
            settlement, geonames_id = str(place.geonames_id), place.geonames_id
            oblast = oblast or (place.admin1_code or "")
            # Without raion codes: a settlement counts as in the district named after it (Ізюм, Ізюмський
            # район). A village in another's district then agrees on its oblast only, never wrongly more.
            district = district or f"district:{place.geonames_id}"
        elif place is not None and place.kind == OBLAST and not oblast:
            oblast = place.admin1_code or ""
            geonames_id = geonames_id or place.geonames_id
    return PlaceKeys(geonames_id, settlement, district, oblast)
