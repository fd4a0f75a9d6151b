"""Drop repeated claims: a caption, a headline restated, a figure quoted again further down."""

from __future__ import annotations

from .result import ClaimCandidate
from .speakers import Speaker, category


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


def restated_headlines(claims: list[ClaimCandidate], headline_end: int) -> list[ClaimCandidate]:
    """Drop a headline's figure the text states again more fully: "kills 16" over "killed at least sixteen"."""
    body = [claim for claim in claims if claim.start >= headline_end]
    return [claim for claim in claims if claim.start >= headline_end or not any(_restates(claim, b) for b in body)]


def _restates(headline: ClaimCandidate, claim: ClaimCandidate) -> bool:
    if headline.kind != claim.kind:
        return False
    if not _compatible(headline, claim) and not (
        (_oblast_of(headline.place, claim.place) or _oblast_of(claim.place, headline.place))
        and _same_voice(headline.attributed_to, claim.attributed_to)
    ):
        return False  # "На Херсонщині виявили 4 катівні" is restated by "в Херсоні … чотири місця", and the other way
    if any(claim.qualifiers.get(key) != value for key, value in headline.qualifiers.items()):
        return False
    low, high = _interval(headline)
    other_low, other_high = _interval(claim)
    return low <= other_high and other_low <= high  # "більше ста" in the headline, "111" in the text


def _interval(claim: ClaimCandidate) -> tuple[float, float]:
    low = claim.min if claim.min is not None else 0
    return low, claim.max if claim.max is not None else float("inf")


def _compatible(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    places_agree = a.place is None or b.place is None or a.place["name"] == b.place["name"]  # a homonym ("Borova")
    # of a headline read alone may be taken for another oblast's than the text's, which names its region
    places_agree = places_agree or _centre_of(a.place, b.place) or _centre_of(b.place, a.place)
    return places_agree and _same_voice(a.attributed_to, b.attributed_to)


def _oblast_of(oblast: dict | None, place: dict | None) -> bool:
    """Say whether a headline's place is the oblast of the text's place: "Kherson Oblast" of "Kherson"."""
    return bool(oblast and place and oblast["admin1"] == oblast["name"] and place["admin1"] == oblast["name"])


def _centre_of(district: dict, place: dict) -> bool:
    """Say whether a place is the centre of a district: "Kupiansk" of "Kupiansk district" (a headline and its text)."""
    return (
        district["geonames_id"] is None
        and place["geonames_id"] is not None
        and district["admin1"] == place["admin1"]
        and district["name"] == f"{place['name']} district"
    )


def _same_voice(a: Speaker | None, b: Speaker | None) -> bool:
    """Say whether two attributions may be one source: "– ОВА" in a headline and its head in the text."""
    if a is None or b is None or a == b:
        return True
    if _titled(a, b) or _titled(b, a):
        return True  # "…, governor says" in a headline and "regional governor Serhiy Haidai said" in the text
    kind_a = category(a.name or "") if a.institution else category(a.role or "")
    kind_b = category(b.name or "") if b.institution else category(b.role or "")
    return (a.institution or b.institution) and kind_a is not None and kind_a == kind_b


def _titled(title: Speaker, person: Speaker) -> bool:
    """Say whether a speaker named only by a title ("governor") may be a person with that title."""
    if title.name or not title.role or not person.role or title.institution or person.institution:
        return False
    return set(title.role.lower().split()) <= set(person.role.lower().split())


def _information(claim: ClaimCandidate) -> int:
    speaker = claim.attributed_to
    named = speaker is not None and (speaker.name or "")[:1].isupper()  # "Kharkiv Regional ..." over "прокуратура"
    return 2 * (speaker is not None) + named + (claim.place is not None) + (claim.date is not None)
