"""A count of casualties: people killed and injured counted together ("150 civilian casualties in Ukraine: 46 killed
and 104 injured"). Its sentence splits it into a count of each of two kinds that add up to it (the kinds marked
``casualties`` in the kinds vocabulary); it is no claim of either, and its parts take its qualifiers."""

from __future__ import annotations

from .claimkinds import CASUALTY_KINDS, PEOPLE_KINDS
from .result import ClaimCandidate

#: How far (characters) after a count of casualties its parts may be stated.
REACH = 300


def split_casualties(claims: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """Drop each count of people that two later claims of the same voice and quote, of two casualty kinds, add up to;
    give those parts the qualifiers they lack from it."""
    dropped = set()
    for index, total in enumerate(claims):
        value = _value(total) or (total.min if total.max is None else None)  # "at least 150 casualties: 46 … 104"
        if total.kind not in PEOPLE_KINDS or value is None:
            continue
        parts = {}
        for part in claims[index + 1:]:
            if part.start - total.start > REACH:
                break
            if part.kind in CASUALTY_KINDS and part.kind not in parts and part.quote == total.quote \
                    and part.attributed_to == total.attributed_to and _value(part) is not None:
                parts[part.kind] = part
        if len(parts) == 2 and sum(_value(part) for part in parts.values()) == value:
            dropped.add(id(total))
            for part in parts.values():
                part.qualifiers = {**total.qualifiers, **part.qualifiers}
    return [claim for claim in claims if id(claim) not in dropped]


def _value(claim: ClaimCandidate):
    return claim.min if claim.min is not None and claim.min == claim.max else None
