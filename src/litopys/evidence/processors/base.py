"""The processor contract: one method, `process(subject)`, and a declared name.

A processor never changes the original bytes. It reads them through the subject, adds
metadata, and may ask for derived items (extracted text, thumbnails, redacted copies).
A processor that raises is recorded on the item; the pipeline goes on with the next one.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from litopys.evidence.limits import check_time


@dataclass
class Derivative:
    """Bytes produced from an item, to be stored as a new item `derived_from` it."""

    kind: str  # "text", "thumbnail", "redacted", ...
    data: bytes
    media_type: str


@dataclass
class Subject:
    """What a processor sees of an item: its bytes, what it is, and what earlier steps found."""

    media_type: str
    open: Callable[[], BinaryIO]
    size: int = 0
    name: str = ""
    metadata: dict = field(default_factory=dict)
    sensitive: set[str] = field(default_factory=set)
    derivatives: list[Derivative] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    text: str | None = None
    phash: str = ""

    @classmethod
    def from_bytes(cls, data: bytes, media_type: str, name: str = "") -> Subject:
        return cls(media_type=media_type, open=lambda: io.BytesIO(data), size=len(data), name=name)

    def read(self, limit: int | None = None) -> bytes:
        with self.open() as handle:
            return handle.read() if limit is None else handle.read(limit)

    def derive(self, kind: str, data: bytes, media_type: str) -> None:
        self.derivatives.append(Derivative(kind=kind, data=data, media_type=media_type))

    def note_limit(self, note: str) -> None:
        """Record that a limit cut what was read (`metadata["limits"]`); what was read is still kept."""
        notes = self.metadata.setdefault("limits", [])
        if note not in notes:
            notes.append(note)


class Processor:
    """Base class: set `name` and `media_types`, implement `process`."""

    #: Short identifier recorded with results and failures.
    name: str = ""
    #: Media type prefixes this step applies to ("image/", "text/html"); empty means all.
    media_types: tuple[str, ...] = ()

    def applies_to(self, subject: Subject) -> bool:
        return not self.media_types or subject.media_type.startswith(self.media_types)

    def process(self, subject: Subject) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def run_pipeline(subject: Subject, processors: list[Processor]) -> Subject:
    """Run each applicable processor in order; record a failure and go on with the next.

    A step that starts when the item is out of time (`LITOPYS_ITEM_SECONDS`) fails with that reason.
    """
    for processor in processors:
        if not processor.applies_to(subject):
            continue
        try:
            check_time()
            processor.process(subject)
        except Exception as exc:  # noqa: BLE001 - one broken step never loses an item
            subject.errors.append({"step": processor.name, "error": f"{type(exc).__name__}: {exc}"})
    return subject
