"""Drop repeated claims: a caption, a headline restated, a figure quoted again further down."""

from __future__ import annotations

from .result import ClaimCandidate


class ClaimSet:
    """The claims of a document, repeats dropped as they come, keeping the better-attributed copy.

    Two claims repeat each other when kind, bounds and qualifiers agree and their places and
    speakers do not contradict (one may lack them). Memory stays bounded by the distinct claims.
    """

    def __init__(self):
        self._kept: dict[int, ClaimCandidate] = {}
        self._by_key: dict[tuple, list[int]] = {}

    def add(self, claim: ClaimCandidate) -> None:
        key = (claim.kind, claim.min, claim.max, claim.approximate, tuple(sorted(claim.qualifiers.items())))
        same = self._by_key.setdefault(key, [])
        for other in same:
            if _compatible(claim, self._kept[other]):
                if _information(claim) > _information(self._kept[other]):
                    self._kept[other] = claim
                return
        same.append(len(self._kept))
        self._kept[len(self._kept)] = claim

    def result(self) -> list[ClaimCandidate]:
        return sorted(self._kept.values(), key=lambda c: c.start)


def _compatible(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    places_agree = a.place is None or b.place is None or a.place == b.place
    speakers_agree = a.attributed_to is None or b.attributed_to is None or a.attributed_to == b.attributed_to
    return places_agree and speakers_agree


def _information(claim: ClaimCandidate) -> int:
    return 2 * (claim.attributed_to is not None) + (claim.place is not None) + (claim.date is not None)
