"""Claims that lean on others: a part breaks down its total, a whole is named again before its part, a count whose
noun is left out takes the kind of the one before, and "Про це повідомив X" gives the claims before it a speaker.

"Of the 447 bodies, 215 are women": 215 breaks down 447 and inherits its kind, place and speaker; "из 111 погибших
35 были военными": 111 names the total again and is no new claim; "…, ще три — у Балаклії": three more of the
same kind.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .bounds import Quantity
from .claimkinds import totals_of
from .lexicon import lowered
from .lexicon.loading import alternation
from .result import ClaimCandidate
from .segment import clause_of, clauses
from .speakers import Speaker, is_generic

#: A breakdown may follow its total by this many sentences.
BREAKDOWN_REACH = 2
#: Before a whole that a part follows: "of the 447 bodies, 215", "из 111 погибших 35".
_WHOLE_BEFORE = re.compile(rf"(?<!\w)(?:{alternation('groups', 'of')})\s+$")
#: A count whose noun is left out, at the start of its clause: "ще три", "another 12", "таких місць щонайменше чотири".
_ELLIPSIS_BEFORE = re.compile(
    rf"^\s*(?:(?:{alternation('kinds', 'coordination', 'conjunctions')})\s+)?(?:{alternation('kinds', 'another')})"
    rf"\s+\S*\s*$|(?<!\w)(?:{alternation('kinds', 'such')})\s+\w+\s+\S*\s*$"
)
#: Before a count whose noun and verb are left out: "… in Pokrovsk and five in Myrnohrad", "…, п'ятеро — у …".
_GAPPED_BEFORE = re.compile(rf"(?:,|\s(?:{alternation('kinds', 'joiners')}))\s*$")
_TO_PLACE = re.compile(rf"\s*(?:[-\u2013\u2014]\s*)?(?:{alternation('places', 'prepositions')})\s+"
                       rf"(?:(?:{alternation('places', 'kind_before_name')})\s+)?")
#: Before a place that opens a gapped count: a comma or "and", then "in" ("…, у Харківській — 41").
_PLACE_OPENS = re.compile(
    rf"(?:,|\s(?:{alternation('kinds', 'joiners')}))\s*(?:{alternation('places', 'prepositions')})\s+$")
#: Between that place and its count: a dash, maybe an area word left standing ("у Харківській області — 41").
DASH_TO = re.compile(r"(?:\s+\w+)?\s*[\u2013\u2014-]\s*")
_CLAUSE_ENDS = re.compile(rf"\s*(?:[,.;:!?)]|$|(?:{alternation('kinds', 'joiners')})\s)")
#: The next item of a list of parts written "N — what": a comma before the number, a dash after it.
_NEXT_ITEM = re.compile(r"[,;]\s*$")
_ITEM_DASH = re.compile(r"\s*[\u2013\u2014-]\s")
#: A list's item with its noun left out: "▪️ ударними дронами типу «Шахед» — 12" (what, a dash, the number).
_LIST_ITEM = re.compile(r"\W*[^\W\d][^\d]{0,60}?\s[-\u2013\u2014]\s*")


@dataclass(slots=True)
class FoundClaim:
    """A claim as the rules found it: its candidate, where it was stated, and the total it breaks down."""

    candidate: ClaimCandidate
    sentence: int
    total: bool
    date_known: bool
    quantity: Quantity
    noun_end: int
    #: The total this claim breaks down, if any: a number coordinated with it breaks down the same one.
    parent: FoundClaim | None = None


@dataclass
class ParagraphState:
    """What the rules learn while reading one paragraph: its claims, its speakers' spans, the speaker in force."""

    claims: list[FoundClaim] = field(default_factory=list)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    speaker: Speaker | None = None
    date: datetime.date | None = None
    #: The sentence that named the current speaker.
    named_in: int = -1


def total_for(claims: list[FoundClaim], position: int, quantity: Quantity, kind: str | None) -> FoundClaim | None:
    """Return the claim a count in sentence ``position`` may break down: a total of its kind (if it names one)
    a few sentences back, larger than it."""
    value = quantity.max if quantity.max is not None else quantity.min
    for seen, claim in enumerate(reversed(claims)):
        if position - claim.sentence > BREAKDOWN_REACH or seen > 20:
            break
        ceiling = claim.candidate.max if claim.candidate.max is not None else claim.candidate.min
        if not claim.total or (kind and claim.candidate.kind not in totals_of(kind)):
            continue
        if claim.candidate.min is not None and value is not None and ceiling is not None and value >= ceiling:
            continue
        return claim
    return None


def restated(text: str, quantity: Quantity, noun_end: int, following: Quantity | None,
             *earlier: list[FoundClaim]) -> FoundClaim | None:
    """Return the claim a whole is restating when a part follows it: "из 111 погибших 35 были военными"."""
    if following is None or following.start - noun_end > 3:
        return None
    if not _WHOLE_BEFORE.search(lowered(text), max(0, quantity.start - 12), quantity.start):
        return None
    value = quantity.min if quantity.min is not None else quantity.max
    for claim in reversed([claim for claims in earlier for claim in claims]):
        candidate = claim.candidate
        if claim.total and value in (candidate.min, candidate.max):
            return claim
    return None


def elliptical(text: str, quantity: Quantity, *earlier: list[FoundClaim]) -> tuple[str | None, str]:
    """Return the kind of a count whose noun is left out: "…, ще три — у Балаклії", "таких місць чотири", the next
    item of a list of parts ("Із них 812 — артилерійські, 366 — із РСЗВ"); the claims ``earlier`` are looked at
    nearest list first, this sentence's first."""
    low = lowered(text)
    this_sentence = earlier[0] if earlier else []
    if this_sentence and this_sentence[-1].parent is not None and _NEXT_ITEM.search(
            low, max(0, quantity.start - 3), quantity.start) and _ITEM_DASH.match(low, quantity.end):
        return this_sentence[-1].candidate.kind, "breakdown"  # "Із них 812 — артилерійські, 366 — із РСЗВ"
    start = clause_of(clauses(low), quantity.start)[0]
    if not (_ELLIPSIS_BEFORE.search(low[start : quantity.start]) or _LIST_ITEM.fullmatch(low, 0, quantity.start)):
        return None, ""
    before = next((claims for claims in earlier if claims), None)
    return (before[-1].candidate.kind, "ellipsis") if before else (None, "")


def gapped(text: str, quantity: Quantity, made: list[FoundClaim], places, offset: int) -> str | None:
    """Return the kind of a count whose noun and verb are both left out, after a claim of this sentence at a place
    of its own and before its own place, which ends its clause: "nine people were killed in Pokrovsk and five in
    Myrnohrad", "загинули в Покровську, п'ятеро — у Мирнограді"; or after its own place and a dash, ending its clause:
    "У Донецькій області загинули 86 цивільних, у Харківській — 41" (``places``: the document's ``PlaceChooser``; the
    sentence at ``offset``). "… and 40 in the region were left without power" is no such count."""
    if not made:
        return None
    between = places.finder.mentions(offset + made[-1].quantity.end, offset + quantity.start)
    if not between:
        return None
    low = lowered(text)
    place_after = places.mention_after(offset + quantity.end)
    if place_after is not None and _GAPPED_BEFORE.search(low, max(0, quantity.start - 8), quantity.start) and \
            _TO_PLACE.fullmatch(low, quantity.end, place_after[0] - offset) and _CLAUSE_ENDS.match(
                low, place_after[1] - offset):
        return made[-1].candidate.kind
    start, end = between[-1][0] - offset, between[-1][1] - offset
    if _PLACE_OPENS.search(low, max(0, start - 12), start) and DASH_TO.fullmatch(low, end, quantity.start) and \
            _CLAUSE_ENDS.match(low, quantity.end):
        return made[-1].candidate.kind
    return None


def last_qualifiers(made: list[FoundClaim], all_of_them: bool) -> dict[str, str]:
    """Return the qualifiers of the last claim of a sentence that a count with its noun left out shares: all of them
    when its verb is left out too ("four civilians … and two in Druzhkivka"), else the status only ("killed 23
    civilians and injured 71": civilians; "killed two children and injured 12": not children). "Others" share none
    ("killing three civilians and wounding 11 others": the others have a noun of their own)."""
    qualifiers = made[-1].candidate.qualifiers if made else {}
    return {key: value for key, value in qualifiers.items() if all_of_them or key == "status"}


def attribute_backward(claims: list[FoundClaim], position: int, reach: int, speaker: Speaker | None, date,
                       only_unnamed: bool = False) -> None:
    """Give the claims before "Про це 23 вересня повідомив X" their speaker, and its date where they have none
    (``only_unnamed``: only those nobody or a group that did the work was given, "Слідчі задокументували").

    A breakdown keeps the date of its total ("Станом на 19 вересня … 146 тіл. З них 129 — цивільні.").
    """
    reached = []
    for claim in reversed(claims):
        if not only_unnamed and position - claim.sentence > reach:
            break
        said_by = claim.candidate.attributed_to
        if only_unnamed and said_by is not None and not _unnamed(said_by, speaker):
            continue
        if said_by is None or _unnamed(said_by, speaker):
            reached.append(claim)
        elif claim.candidate.attributed_to == speaker and claim.candidate.date is None and not claim.date_known:
            claim.candidate.date = date  # "За словами Кириленка, … Про це він повідомив 14 жовтня": that day
    for claim in reversed(reached):  # totals before their breakdowns
        claim.candidate.attributed_to = speaker
        if not claim.date_known:
            parent = claim.parent
            same_voice = parent is not None and parent.candidate.attributed_to == speaker
            claim.candidate.date = (parent.candidate.date if same_voice else None) or date


def _unnamed(said_by: Speaker, named: Speaker | None) -> bool:
    """Say whether a group that did something ("прокурори та слідчі задокументували") gives way to who reported it."""
    return named is not None and named.name is not None and said_by.institution and (
        not said_by.name[:1].isupper() or is_generic(said_by.name))



def carries_bound(thing: bool) -> bool:
    """Say whether the bound of the count before carries over to a coordinated one: "at least 1,017 civilians killed
    and 2,145 injured", not to a count of other objects ("понад 700 приватних будинків і 35 багатоповерхівок")."""
    return not thing
