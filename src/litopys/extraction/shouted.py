"""Place names in a text written in capitals: every word there looks like a name."""

from __future__ import annotations

#: In capitals ("ХАРЬКОВ. ПОСЛЕДСТВИЯ НОЧНОЙ АТАКИ") every word looks like a name: there only towns of this many
#: people or more, districts and oblasts are taken for places ("АТАКИ" is no village Ataky).
SHOUTED_TOWN = 10_000


def shouted_village(mention) -> bool:
    """Say whether a mention written in capitals names a village (or a place the gazetteer does not know)."""
    written = getattr(mention, "text", "")
    if len(written) < 2 or not written.isupper():
        return False
    place = getattr(mention, "place", None)
    if place is None:
        return getattr(mention, "centre", None) is None
    return getattr(place, "kind", "") == "settlement" and (getattr(place, "population", 0) or 0) < SHOUTED_TOWN
