"""PDF documents: the text of every page, the page count, and the title and author they declare."""

from __future__ import annotations

import io
from typing import BinaryIO

from pypdf import PdfReader

from litopys.evidence import limits
from litopys.evidence.processors.base import Processor, Subject
from litopys.evidence.processors.text import UTF8_TEXT

#: Separates pages in the extracted text, so a quote can still be traced to its page.
PAGE_BREAK = "\f"


class PdfText(Processor):
    """Extract text page by page with pypdf; a PDF pypdf cannot read is reported as malformed.

    The PDF is read from its file, never whole into memory; at most `LITOPYS_MAX_PDF_PAGES` pages are
    read, and reading stops once the text reaches `LITOPYS_MAX_TEXT_BYTES` (both noted when they cut).
    """

    name = "pdf-text"
    media_types = ("application/pdf",)

    def process(self, subject: Subject) -> None:
        bounds = limits.current()
        with subject.open() as handle:
            reader = _open(handle)
            pages: list[str] = []
            try:
                count = len(reader.pages)
                size = 0
                for page in reader.pages[: bounds.max_pdf_pages]:
                    limits.check_time()
                    pages.append((page.extract_text() or "").strip())
                    size += len(pages[-1]) + 1
                    if size > bounds.max_text_bytes:
                        break
                info = reader.metadata
            except limits.Refused:
                raise
            except Exception as exc:  # noqa: BLE001 - pypdf signals broken files with many exception types
                raise ValueError(f"malformed PDF: {type(exc).__name__}: {exc}") from exc
        subject.metadata["pages"] = count
        if len(pages) < count:
            why = ("LITOPYS_MAX_PDF_PAGES" if len(pages) == bounds.max_pdf_pages else "LITOPYS_MAX_TEXT_BYTES")
            subject.note_limit(f"the text of only the first {len(pages)} of {count} pages was read ({why})")
        for key in ("title", "author"):
            value = getattr(info, key, None) if info else None
            if isinstance(value, str) and value.strip():
                subject.metadata[key] = value.strip()[:1000]
        notes: list[str] = []
        text = limits.cut_text(PAGE_BREAK.join(pages), bounds, notes)
        for note in notes:
            subject.note_limit(note)
        subject.text = text
        if not text.strip(PAGE_BREAK).strip():
            subject.metadata["text_note"] = "no text layer: the pages are images (a scan?) and need OCR"
            return
        subject.derive("text", text.encode("utf-8"), UTF8_TEXT)


def _open(handle: BinaryIO) -> PdfReader:
    head = handle.read(1024)
    if b"%PDF-" not in head:
        raise ValueError("malformed PDF: no %PDF- header in the first 1024 bytes")
    handle.seek(0, io.SEEK_END)
    handle.seek(max(0, handle.tell() - 2048))
    tail = handle.read(2048)
    handle.seek(0)
    try:
        reader = PdfReader(handle)
        locked = reader.is_encrypted and not reader.decrypt("")
        if not locked:
            len(reader.pages)  # reads the page tree, where most broken files fail
    except Exception as exc:  # noqa: BLE001 - see PdfText.process
        hint = "" if b"%%EOF" in tail else " (no %%EOF marker at the end: the file is probably truncated)"
        raise ValueError(f"malformed PDF: {type(exc).__name__}: {exc}{hint}") from exc
    if locked:
        raise ValueError("PDF is encrypted with a password; decrypt it and ingest the copy as a derivative")
    return reader
