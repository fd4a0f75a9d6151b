"""Parts and wholes within one sentence: a part of a count that is no claim is none either; a status stated after
two coordinated counts is both counts'."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .kinds import coordinated, triggers
from .lexicon import lowered
from .lexicon.loading import alternation

if TYPE_CHECKING:
    from .bounds import Quantity
    from .breakdowns import FoundClaim

#: How far after a count that is no claim a part of it may stand ("эвакуированы 163 человека, в том числе 27 детей").
PART_REACH = 60
#: Between two counts sharing a status: a comma or "and" only.
_JOINED = re.compile(rf"\s*,?\s*(?:(?:{alternation('kinds', 'joiners')})\s+)?")
#: Between a count and its parts named right after it: a comma only.
_APPOSED = re.compile(r"\s*,\s*")
#: How far after the part its group's words may stand: "24 of them".
AFTER_REACH = 12
_GROUP = re.compile(rf"(?<!\w)(?:{alternation('groups', 'phrases')})(?!\w)")


def _apposed(last: FoundClaim | None, kind: str, qualifiers: dict, text: str, start: int) -> None:
    status = last.candidate.qualifiers.get("status") if last is not None and last.candidate.kind == kind else None
    if status is None or "status" in qualifiers:
        return
    between = lowered(text[last.noun_end:start])
    listed = _JOINED.fullmatch(between) and text[: last.quantity.start].rstrip().endswith(",")
    if _APPOSED.fullmatch(between) or listed:  # ", 52 men" after "71 civilians"; "and 19 women" after ", 52 men"
        qualifiers["status"] = status


def part_of_nothing(made: list[FoundClaim], found: list[Quantity], number: int, linked: bool, text: str) -> bool:
    """Say whether the linked count ``found[number]`` is a part of the count just before it in its sentence that is
    no claim ("evacuated 163 people, including 27 children", "спасли 12 человек, из них двоих детей")."""
    if not linked or not number or any(claim.quantity is found[number - 1] for claim in made):
        return False
    if any(found[number].end <= at <= found[number].end + AFTER_REACH + 12 for at, _, _ in triggers(text)):
        return False  # "returned 168 civilians, 24 of them wounded": what befell the part is its own
    start, end = found[number - 1].end, found[number].start
    group = _GROUP.search(lowered(text), start, found[number].end + AFTER_REACH)  # "including 24", "24 of them"
    return end - start <= PART_REACH and group is not None


def share_status_back(last: FoundClaim | None, kind: str, qualifiers: dict, text: str, start: int) -> None:
    """Give the count before a coordinated one of another kind the status the second states after both: "181
    загиблого та 741 пораненого серед цивільного населення", "9369 загиблих та 16 646 поранених цивільних осіб";
    and parts apposed to a count of the same kind its status: "71 civilians, 52 men and 19 women"."""
    _apposed(last, kind, qualifiers, text, start)
    if last is None or last.candidate.kind == kind or "status" not in qualifiers:
        return
    if "status" in last.candidate.qualifiers or not coordinated(text, last.noun_end, start):
        return
    if len(text[last.quantity.end:last.noun_end].split()) > 1 or not _JOINED.fullmatch(lowered(text), last.noun_end,
                                                                                       start):
        return  # "2 загиблих рятувальників та 7 поранених цивільних": the rescuers are no civilians
    last.candidate.qualifiers = {**last.candidate.qualifiers, "status": qualifiers["status"]}
