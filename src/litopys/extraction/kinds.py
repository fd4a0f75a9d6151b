"""Say what a quantity counts: the kind of claim and the qualifiers its noun gives.

"447 bodies" -> bodies; "1,000 civilians died" -> killed, status civilian; "215 are women" -> a
breakdown (sex female) whose kind comes from its total; "10 torture chambers" -> torture_sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bounds import Quantity
from .lexicon import (
    BODIES_OF,
    BREAKDOWN,
    KIND_NOUNS,
    KIND_TRIGGERS,
    LINKING,
    OF_GROUP,
    OTHERS,
    PERSON,
    QUALIFIERS,
    SEX_UNKNOWN,
    VICTIMS,
    words,
)

_WINDOW_STOP = re.compile(r"[,;:.!?()\[\]«»\"“”]|\s[—–]\s")
_WINDOW_WORDS = 4
#: A number with no noun is still a count when it is followed by one of these ("12 were killed", "вісім отримали").
_BARE_NEXT = words(
    r"were|was|are|is|have|had|has|got|and|or|people|і|й|та|а|ще|були|було|була|отримали|зазнали|дістали|получили"
    r"|и|были|было|была|человек"
)
_TORTURED_AFTER = words(
    r"signs of (?:torture|abuse)|traces of torture|were tortured|had been tortured|tortured"
    r"|(?:зі |з )?(?:слідами|ознаками) (?:катувань|тортур)|катували|закатован\w*"
    r"|(?:со |с )?(?:следами|признаками) (?:пыток|истязаний)|пытали|замучен\w*"
)
#: How far (in characters) a verb may stand from a number with no noun of its own.
BARE_REACH = 30
#: How far a verb elsewhere in the sentence may stand from a counted noun.
SENTENCE_REACH = 150


@dataclass
class Reading:
    """What the words around a quantity say it counts."""

    kind: str | None = None
    qualifiers: dict[str, str] = field(default_factory=dict)
    rule: str = ""
    person: bool = False
    bare: bool = False
    linked: bool = False
    others: bool = False
    sex_unknown: bool = False
    noun_end: int = 0
    #: The kind a breakdown phrase before the number names ("серед поранених" -> injured).
    group_kind: str | None = None


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Split ``sentence`` into clauses at ", " ";" ": " and dashes (not at the comma of "1,000")."""
    bounds, start = [], 0
    for match in re.finditer(r",\s|;\s*|:\s|\s[—–]\s|\s-\s|\(|\)", sentence):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(sentence)))
    return bounds


def clause_of(bounds: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= position <= end:
            return start, end
    return 0, bounds[-1][1] if bounds else position


def read(sentence: str, quantity: Quantity, limit: int) -> Reading | None:
    """Read the words after (and just before) ``quantity``; ``limit`` is where the next quantity starts."""
    reading = Reading()
    position = quantity.end
    group = OF_GROUP.match(sentence, position)
    if group:
        reading.linked, position = True, group.end()
    else:
        link = LINKING.match(sentence, position)
        position = link.end() if link else position
    stop = _WINDOW_STOP.search(sentence, position, min(limit, position + 80))
    window_end = stop.start() if stop else min(limit, position + 80, len(sentence))
    tokens = list(re.finditer(r"\S+", sentence[position:window_end]))[:_WINDOW_WORDS]
    window_end = position + tokens[-1].end() if tokens else position
    window = sentence[position:window_end]
    if quantity.number.year_like and not _starts_with_noun(window):
        return None
    found = [
        (m.start(), index, kind, m) for index, (kind, pattern) in enumerate(KIND_NOUNS) if (m := pattern.search(window))
    ]
    if found:
        _, _, kind, match = min(found, key=lambda f: (f[0], f[1]))
        reading.kind, reading.rule = kind, "noun"
        reading.noun_end = position + match.end()
    reading.person = PERSON.search(window) is not None
    reading.others = OTHERS.search(window) is not None
    for pattern, values in QUALIFIERS:
        if pattern.search(window):
            for key, value in values.items():
                reading.qualifiers.setdefault(key, value)
    if reading.person and not reading.noun_end:
        reading.noun_end = position + PERSON.search(window).end()
    before = sentence[max(0, quantity.start - 40) : quantity.start]
    if reading.kind is None and BODIES_OF.search(before):
        reading.kind, reading.rule = "bodies", "bodies-of"
    breakdown = BREAKDOWN.search(sentence, max(0, quantity.start - 40), quantity.start)
    if breakdown:
        reading.linked = True
        reading.group_kind = _trigger_kind(breakdown.group(0))
    clause = clause_of(clauses(sentence), quantity.start)
    reading.sex_unknown = SEX_UNKNOWN.search(sentence, clause[0], clause[1]) is not None
    if reading.sex_unknown:
        reading.qualifiers["sex"] = "unknown"
    if reading.kind in ("bodies", "killed") or (reading.person and reading.kind is None):
        if _TORTURED_AFTER.search(sentence, reading.noun_end or quantity.end, clause[1]):
            reading.kind, reading.rule = "tortured", "noun-tortured"
    if reading.kind is None and not reading.person:
        if tokens and not _BARE_NEXT.match(tokens[0].group(0)) and not _trigger_kind(tokens[0].group(0)):
            return None  # "ten years", "two therapist doctors": the noun counts something else
        reading.bare = True
    reading.noun_end = reading.noun_end or quantity.end
    return reading


def _starts_with_noun(window: str) -> bool:
    first = re.match(r"\s*(\S+(?:\s+\S+)?)", window)
    if not first:
        return False
    head = first.group(1)
    return any(p.match(head) for _, p in KIND_NOUNS) or PERSON.match(head) is not None


def _trigger_kind(text: str) -> str | None:
    for kind, pattern in KIND_TRIGGERS.items():
        if pattern.search(text):
            return kind
    return None


def triggers(sentence: str) -> list[tuple[int, int, str]]:
    """Return (start, end, kind) of every word in ``sentence`` that says what happened to people."""
    found = []
    for kind, pattern in KIND_TRIGGERS.items():
        found.extend((m.start(), m.end(), kind) for m in pattern.finditer(sentence))
    return sorted(found)


def nearest_trigger(
    found: list[tuple[int, int, str]], span: tuple[int, int], within: tuple[int, int], reach: int
) -> str | None:
    """Return the kind of the trigger nearest to ``span`` inside ``within`` and no farther than ``reach``."""
    best = None
    for start, end, kind in found:
        if start < within[0] or end > within[1] or span[0] <= start < span[1]:
            continue
        gap = start - span[1] if start >= span[1] else span[0] - end
        if gap <= reach and (best is None or gap < best[0]):
            best = (gap, kind)
    return best[1] if best else None


def default_kind(sentence: str, quantity: Quantity, reading: Reading) -> str | None:
    """Return the kind a person count has when nothing else says: "12 victims" counts the dead."""
    window = sentence[quantity.end : reading.noun_end + 1]
    return "killed" if VICTIMS.search(window) else None
