"""Quotations that run over several sentences: «Since October, drones have attacked our ambulances six times. We
moved the station twice», he told reporters. The sentence that closes a quotation and says who spoke speaks for the
sentences since the one that opened it."""

from __future__ import annotations

#: Opening and closing marks of the quotations whose marks differ.
_PAIRS = (("«", "»"), ("“", "”"))
_STRAIGHT = '"'
#: How many sentences back a quotation may have opened.
REACH = 6


def opened_before(sentences: list, position: int, said_at: int) -> int | None:
    """Return the sentence a quotation closing in sentence ``position`` before ``said_at`` (where it says who spoke)
    was opened in, when that is an earlier sentence; else None."""
    closing = sentences[position].text[:said_at]
    if not _closes_unopened(closing):
        return None
    for earlier in range(position - 1, max(-1, position - REACH - 1), -1):
        text = sentences[earlier].text
        if _opens_unclosed(text):
            return earlier
        if _has_marks(text):
            return None  # a quotation closed there: this one did not open before it
    return None


def _closes_unopened(text: str) -> bool:
    for opening, closing in _PAIRS:
        if closing in text and (opening not in text or text.index(closing) < text.index(opening)):
            return True
    return text.count(_STRAIGHT) % 2 == 1 and text.rstrip().rstrip(",.!?—–- ").endswith(_STRAIGHT)


def _opens_unclosed(text: str) -> bool:
    for opening, closing in _PAIRS:
        if opening in text and text.rfind(opening) > text.rfind(closing):
            return True
    return text.count(_STRAIGHT) % 2 == 1


def _has_marks(text: str) -> bool:
    return any(mark in text for pair in _PAIRS for mark in pair) or _STRAIGHT in text
