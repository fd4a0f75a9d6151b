"""What a search backend does: keep published posts' text findable, and find them."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

#: Sentinels around matched words, turned into <mark> after the snippet is escaped.
START, STOP = "\x02", "\x03"
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Hit:
    post: object
    snippet: str


def plain_text(body_html: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", body_html or "")).split())


def marked(snippet: str) -> str:
    """Escape a snippet and mark its matched words."""
    escaped = html.escape(html.unescape(snippet or ""))
    return escaped.replace(START, "<mark>").replace(STOP, "</mark>")


class SearchBackend:
    """Base class: every word of a query matches as a prefix ("ізюм" finds "Ізюмі") in one of its forms (as
    written, romanised: "Ізюм" also finds "Izium"); only posts a reader may see are returned, best first, with a
    marked snippet."""

    def index_post(self, post) -> None:
        """Put a post's current text in the index, or take it out when it is neither published nor scheduled."""

    def remove_post(self, post_id: int) -> None:
        """Take a deleted post out of the index."""

    def search(self, words: list[list[str]], limit: int) -> list[Hit]:  # pragma: no cover - abstract
        """Return posts where every item of ``words`` (the forms of one query word) matches."""
        raise NotImplementedError
