"""Web pages: the main text of an HTML document, with its title."""

from __future__ import annotations

import lxml.etree
import lxml.html
import trafilatura

from litopys.evidence import limits
from litopys.evidence.processors.base import Processor, Subject
from litopys.evidence.processors.text import UTF8_TEXT


class HtmlText(Processor):
    """Extract the main text of a page with trafilatura, or all visible text when it finds none.

    Only the first `LITOPYS_MAX_HTML_BYTES` are read. Past `main_text_max_bytes` a page goes straight
    to the visible-text reader: trafilatura's time grows faster than the page (22 s for 8 MiB).
    """

    name = "html-text"
    media_types = ("text/html", "application/xhtml+xml")
    #: Largest page given to trafilatura.
    main_text_max_bytes: int = 1024 * 1024

    def process(self, subject: Subject) -> None:
        bounds = limits.current()
        data = subject.read(bounds.max_html_bytes + 1)
        if len(data) > bounds.max_html_bytes:
            data = data[: bounds.max_html_bytes]
            subject.note_limit(f"only the first {limits.size_words(bounds.max_html_bytes)} of the HTML were read "
                               "(LITOPYS_MAX_HTML_BYTES)")
        title, text = _main_text(data) if len(data) <= self.main_text_max_bytes else ("", "")
        extractor = "trafilatura"
        if not text:
            title, text = title or _title(data), _visible_text(data)
            extractor = "lxml"
        if not text:
            raise ValueError(
                f"no text in this HTML ({len(data)} bytes): the page is empty, only scripts, or not HTML at all"
            )
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"  # a headline often carries the claim; keep it with the body
        notes: list[str] = []
        text = limits.cut_text(text, bounds, notes)
        for note in notes:
            subject.note_limit(note)
        subject.text = text
        if title:
            subject.metadata["title"] = title
        subject.metadata["text_extractor"] = extractor
        subject.derive("text", text.encode("utf-8"), UTF8_TEXT)


def _main_text(data: bytes) -> tuple[str, str]:
    # favor_recall: for evidence a stray menu line is cheaper than a lost paragraph. Working from bytes
    # lets trafilatura honour the page's declared charset; it never fetches anything for a document given.
    document = trafilatura.bare_extraction(data, favor_recall=True, with_metadata=True, include_comments=False)
    if document is None:
        return "", ""
    return (document.title or "").strip(), (document.text or "").strip()


def _parse(data: bytes) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError):
        return None


def _title(data: bytes) -> str:
    tree = _parse(data)
    return " ".join(tree.findtext(".//title", default="").split()) if tree is not None else ""


def _visible_text(data: bytes) -> str:
    tree = _parse(data)
    if tree is None:
        return ""
    for hidden in tree.xpath("//head | //script | //style | //noscript | //template"):
        hidden.drop_tree()
    lines = (" ".join(line.split()) for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)
