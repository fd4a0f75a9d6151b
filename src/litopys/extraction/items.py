"""A list's items (paragraphs opening with a bullet): a list right after a dated paragraph ("Вчера, 3 марта, оккупанты
нанесли 412 ударов …" / "По громадам:" / "▪️ Ореховская громада — 96 ударов …") breaks down that paragraph's figures,
and its items are dated as they are; a heading saying what was done to the objects a list counts ("Пошкоджено
об'єкти цивільної інфраструктури:" / "▪️ приватних будинків — 641") gives their kind."""

from __future__ import annotations

import bisect
import re

from .claimkinds import OBJECT_KINDS
from .kinds import triggers

#: A list's item: a paragraph opening with a bullet ("▪️ Білопільська — 16"), not with a word, figure or quote.
ITEM = re.compile(r"[ \t]*[^\w\s«\"'“„(]")
#: A line that opens a list: short, ending with a colon ("По громадам:", "By hromada:").
_OPENER_LIMIT = 60


def item_runs(paragraphs: list, text: str) -> list[tuple[int, int] | None]:
    """For each paragraph, the first and last paragraphs of the list it is an item of, or None: found once per
    document, so that no item walks its list again (a list of thousands of items stays linear)."""
    runs: list[tuple[int, int] | None] = [None] * len(paragraphs)
    index = 0
    while index < len(paragraphs):
        if not ITEM.match(text, paragraphs[index].start):
            index += 1
            continue
        last = index
        while last + 1 < len(paragraphs) and ITEM.match(text, paragraphs[last + 1].start):
            last += 1
        runs[index : last + 1] = [(index, last)] * (last + 1 - index)
        index = last + 1
    return runs


def date_items(claims: list, paragraphs: list, runs: list) -> None:
    """Give the undated claims of a list's items the one date of the dated paragraph right before the list (a
    heading opening it may stand between), when its claims share that date and speaker."""
    starts = [paragraph.start for paragraph in paragraphs]
    by_paragraph: dict[int, list] = {}
    for claim in claims:
        by_paragraph.setdefault(bisect.bisect_right(starts, claim.start) - 1, []).append(claim)
    for index, last in sorted({run for run in runs if run is not None and run[0] > 0}):
        before = index - 1
        if before > 0 and _opens_list(paragraphs[before].text) and not by_paragraph.get(before):
            before -= 1
        lead = by_paragraph.get(before, [])
        dates = {claim.date for claim in lead}
        voices = {claim.attributed_to for claim in lead}
        if len(dates) == 1 and None not in dates and len(voices) == 1:
            date, voice = next(iter(dates)), next(iter(voices))
            for number in range(index, last + 1):
                for claim in by_paragraph.get(number, ()):
                    if claim.date is None and claim.attributed_to == voice:
                        claim.date = date


def _opens_list(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= _OPENER_LIMIT and stripped.endswith(":")


def heading_kind(paragraphs: list, runs: list, index: int) -> str | None:
    """The kind of objects the heading of the list paragraph ``index`` is an item of says were damaged or destroyed
    ("Пошкоджено об'єкти цивільної інфраструктури:"), or None."""
    lead = lead_of_list(paragraphs, runs, index)
    kinds = {kind for _, _, kind in triggers(paragraphs[lead].text) if kind in OBJECT_KINDS} if lead is not None else ()
    return next(iter(kinds)) if len(kinds) == 1 else None


def lead_of_list(paragraphs: list, runs: list, index: int) -> int | None:
    """The paragraph a list's item (paragraph ``index``) hangs from: the one before the list, ending with a colon
    ("На Харківщині загинули троє цивільних:" / "▪️ у Куп'янську — двоє чоловіків"), or None."""
    first = runs[index][0] if runs[index] else 0
    return first - 1 if first and paragraphs[first - 1].text.rstrip().endswith(":") else None


def lead_claims(lead: tuple | None, document, index: int) -> list:
    """The claims of the paragraph ``lead`` (its index and claims) when paragraph ``index`` is an item of the list it
    opens, else none (``document``: its ``paragraphs`` and their item ``runs``, the engine's ``PlaceChooser``)."""
    return lead[1] if lead and lead[1] and lead[0] == lead_of_list(document.paragraphs, document.runs, index) else []
