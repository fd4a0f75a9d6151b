"""Limits that keep one hostile file from taking the machine: sizes, expansion ratios and time.

Evidence is preserved before it is read, so a limit never loses bytes: it stops the reading, and the
reason is recorded on the item (`Refused`, a `ValueError` whose message names the input, the limit
and the setting that raises it). The values come from Django settings when they are configured and
from the defaults below otherwise, so the processors stay usable without Django.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields

MIB = 1024 * 1024


class Refused(ValueError):
    """Input refused by a limit (a possible bomb, or more than Litopys reads); the bytes stay preserved."""


@dataclass(frozen=True)
class Limits:
    """One value per `LITOPYS_<NAME>` setting (the field name upper-cased)."""

    #: Largest web-archive record read (its declared Content-Length, and its body once decoded).
    max_record_bytes: int = 32 * MIB
    #: Seconds for reading and processing one web-archive record.
    record_seconds: int = 30
    #: Seconds for processing one item (an archive with all its captures).
    item_seconds: int = 300
    #: Compressed data may expand this many times ...
    max_expansion_ratio: int = 100
    #: ... once more than this many bytes have come out of it.
    expansion_floor_bytes: int = 64 * MIB
    #: Extracted text kept per item (UTF-8 bytes).
    max_text_bytes: int = 8 * MIB
    #: HTML read per page.
    max_html_bytes: int = 8 * MIB
    #: PDF pages read per document.
    max_pdf_pages: int = 1000
    #: Largest picture decoded (width x height).
    max_image_pixels: int = 60_000_000

    @staticmethod
    def setting(name: str) -> str:
        return f"LITOPYS_{name.upper()}"


def current() -> Limits:
    """Return the limits in force: the settings' values, or the defaults when Django is not configured."""
    try:
        from django.conf import settings

        configured = settings.configured
    except ImportError:  # pragma: no cover - Django is a dependency; the processors work without it
        configured = False
    if not configured:
        return Limits()
    values = {}
    for spec in fields(Limits):
        value = getattr(settings, Limits.setting(spec.name), None)
        if value is not None:
            values[spec.name] = value
    return Limits(**values)


def size_words(count: int) -> str:
    """Say a byte count the way a person reads it: 2 GiB, 32 MiB, 700 bytes."""
    for unit, size in (("GiB", 1024 * MIB), ("MiB", MIB), ("KiB", 1024)):
        if count >= size:
            value = count / size
            return f"{value:.0f} {unit}" if value == int(value) or value >= 10 else f"{value:.1f} {unit}"
    return f"{count} bytes"


def check_expansion(expanded: int, compressed: int, where: str, limits: Limits) -> None:
    """Refuse compressed data that has expanded past the floor by more than the allowed ratio."""
    if expanded > limits.expansion_floor_bytes and expanded > limits.max_expansion_ratio * max(compressed, 1):
        raise Refused(
            f"{where}: {size_words(compressed)} of compressed data expand to more than {size_words(expanded)} "
            f"(over {limits.max_expansion_ratio} times, LITOPYS_MAX_EXPANSION_RATIO): refused as a possible "
            "decompression bomb; the file is kept as it is, unread"
        )


def cut_text(text: str, limits: Limits, notes: list[str] | None = None) -> str:
    """Return text cut to `max_text_bytes` of UTF-8 (at a character boundary), noting the cut in `notes`."""
    if len(text) * 4 <= limits.max_text_bytes:
        return text
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) <= limits.max_text_bytes:
        return text
    if notes is not None:
        notes.append(f"the text was cut at {size_words(limits.max_text_bytes)} of {size_words(len(encoded))} "
                     "(LITOPYS_MAX_TEXT_BYTES)")
    return encoded[: limits.max_text_bytes].decode("utf-8", "ignore")


class Budget:
    """The time one item, and the web-archive record being read, may still take.

    Long work calls `check()` between chunks, pages and steps; a limit passed raises `Refused`. With
    `whole_item=False` only records are timed: ingest reads an archive for its captures that way, each
    capture being an item with a budget of its own, so a large archive is never cut for its size alone.
    """

    def __init__(self, limits: Limits, whole_item: bool = True):
        self.limits = limits
        self.item_until = time.monotonic() + limits.item_seconds if whole_item else float("inf")
        self.record_until: float | None = None
        self.record_name = ""

    @contextmanager
    def record(self, name: str) -> Iterator[None]:
        """Time one record (nested records, an archive inside an archive, restore the outer one's clock)."""
        outer = self.record_until, self.record_name
        self.record_until, self.record_name = time.monotonic() + self.limits.record_seconds, name
        try:
            yield
        finally:
            self.record_until, self.record_name = outer

    def check(self) -> None:
        now = time.monotonic()
        if self.record_until is not None and now >= self.record_until:
            raise Refused(f"{self.record_name}: reading it took more than {self.limits.record_seconds} s "
                          "(LITOPYS_RECORD_SECONDS); raise the limit to read it")
        if now >= self.item_until:
            raise Refused(f"processing this item took more than {self.limits.item_seconds} s "
                          "(LITOPYS_ITEM_SECONDS); what was read before is kept, the rest is not read")


_active: ContextVar[Budget | None] = ContextVar("litopys_budget", default=None)


@contextmanager
def item_budget(limits: Limits | None = None) -> Iterator[Budget]:
    """Time the processing of one item (an archive's capture inside another's reading gets its own)."""
    token = _active.set(Budget(limits or current()))
    try:
        yield _active.get()
    finally:
        _active.reset(token)


def active_budget(limits: Limits | None = None) -> Budget:
    """Return the budget of the item being processed, or a fresh one when no item is."""
    return _active.get() or Budget(limits or current())


def check_time() -> None:
    """Raise `Refused` when the item being processed is out of time (no-op outside an item)."""
    budget = _active.get()
    if budget is not None:
        budget.check()
