"""Processors: small steps that read an evidence item and add metadata or derived items."""

from __future__ import annotations

import importlib

from litopys.evidence.processors.base import Processor

#: The steps every item goes through, in order: text first, so that `Language` has text to read.
DEFAULT_PROCESSORS = [
    "litopys.evidence.processors.text.PlainText",
    "litopys.evidence.processors.webpage.HtmlText",
    "litopys.evidence.processors.pdf.PdfText",
    "litopys.evidence.processors.ocr.Ocr",
    "litopys.evidence.processors.archives.WebArchiveSummary",
    "litopys.evidence.processors.language.Language",
    "litopys.evidence.processors.images.ImageMetadata",
    "litopys.evidence.processors.images.PerceptualHash",
]


def load_processors(paths: list[str] | None = None) -> list[Processor]:
    """Import and instantiate processors by dotted path (`DEFAULT_PROCESSORS` when none are given)."""
    processors = []
    for path in DEFAULT_PROCESSORS if paths is None else paths:
        module_path, _, class_name = path.rpartition(".")
        try:
            cls = getattr(importlib.import_module(module_path), class_name)
        except (ImportError, AttributeError, ValueError) as exc:
            raise ValueError(f"processor {path!r} does not import ({exc}); check the dotted path") from exc
        if not (isinstance(cls, type) and issubclass(cls, Processor)):
            raise ValueError(f"processor {path!r} is not a Processor subclass")
        processors.append(cls())
    return processors
