"""PDF documents: the text of every page, the page count, and the title and author they declare."""

from __future__ import annotations

import io

from pypdf import PdfReader

from litopys.evidence.processors.base import Processor, Subject
from litopys.evidence.processors.text import UTF8_TEXT

#: Separates pages in the extracted text, so a quote can still be traced to its page.
PAGE_BREAK = "\f"


class PdfText(Processor):
    """Extract text page by page with pypdf; a PDF pypdf cannot read is reported as malformed."""

    name = "pdf-text"
    media_types = ("application/pdf",)

    def process(self, subject: Subject) -> None:
        reader = _open(subject.read())
        try:
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata
        except Exception as exc:  # noqa: BLE001 - pypdf signals broken files with many exception types
            raise ValueError(f"malformed PDF: {type(exc).__name__}: {exc}") from exc
        subject.metadata["pages"] = len(pages)
        for key in ("title", "author"):
            value = getattr(info, key, None) if info else None
            if isinstance(value, str) and value.strip():
                subject.metadata[key] = value.strip()
        text = PAGE_BREAK.join(page.strip() for page in pages)
        subject.text = text
        if not text.strip(PAGE_BREAK).strip():
            subject.metadata["text_note"] = "no text layer: the pages are images (a scan?) and need OCR"
            return
        subject.derive("text", text.encode("utf-8"), UTF8_TEXT)


def _open(data: bytes) -> PdfReader:
    if b"%PDF-" not in data[:1024]:
        raise ValueError("malformed PDF: no %PDF- header in the first 1024 bytes")
    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")
        if not locked:
            len(reader.pages)  # reads the page tree, where most broken files fail
    except Exception as exc:  # noqa: BLE001 - see PdfText.process
        hint = "" if b"%%EOF" in data[-2048:] else " (no %%EOF marker at the end: the file is probably truncated)"
        raise ValueError(f"malformed PDF: {type(exc).__name__}: {exc}{hint}") from exc
    if locked:
        raise ValueError("PDF is encrypted with a password; decrypt it and ingest the copy as a derivative")
    return reader
