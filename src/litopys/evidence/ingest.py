"""Ingest files into the vault: hash first, store once, record custody, then process.

Each input gets one result (new / held / failed). A failure is reported and the batch goes on;
bytes are either stored whole under their hash or not at all.
"""

import getpass
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

import litopys
from litopys.evidence import custody, limits
from litopys.evidence.files import check_file, walk
from litopys.evidence.media import detect_media_type
from litopys.evidence.models import CustodyAction, Item, Source, SourceKind
from litopys.evidence.processing import process_item
from litopys.evidence.signals import source_ingested
from litopys.evidence.vault import Pending, Stored, VaultError, get_vault

ARCHIVE_TYPES = ("application/warc", "application/wacz")
#: Skipped records of one archive reported one by one; past this, their count.
SKIPPED_SHOWN = 10


@dataclass
class SourceFacts:
    """What the collector says about a source; blank fields are filled from the content."""

    kind: str = ""
    title: str = ""
    publisher: str = ""
    author: str = ""
    url: str = ""
    published: date | None = None
    collected_by: str = ""
    collected_at: datetime | None = None
    collection_method: str = "litopys ingest"
    sensitivity: str = "restricted"
    notes: str = ""


@dataclass
class IngestResult:
    path: str
    status: str  # new, held, failed
    digest: str = ""
    size: int = 0
    media_type: str = ""
    message: str = ""
    source_id: int | None = None
    warnings: list[str] = field(default_factory=list)
    captures: int = 0

    @property
    def ok(self) -> bool:
        return self.status != "failed" and not self.warnings


def actor_name(facts: SourceFacts) -> str:
    if facts.collected_by:
        return facts.collected_by
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


#: Files read ahead: their bytes are hashed and written, or on their way to disk, while the
#: sources of earlier files are recorded.
PIPELINE_DEPTH = 3


class Interrupted(Exception):
    """The batch stopped while this file was being read; nothing of it was stored."""


class _Stoppable:
    """A file that stops being read, between two chunks, once its batch is interrupted."""

    def __init__(self, handle, stops: tuple[threading.Event, ...]):
        self.handle, self.stops = handle, stops

    def readinto(self, buffer) -> int:
        if any(stop.is_set() for stop in self.stops):
            raise Interrupted
        return self.handle.readinto(buffer)


def begin_file(path: str, *stops: threading.Event) -> Pending:
    """Read, hash and start storing one file (runs on the reading thread) unless one of ``stops`` is set."""
    with open(path, "rb") as handle:
        source = _Stoppable(handle, stops) if stops else handle
        return get_vault().begin(source, settings.LITOPYS_MAX_ITEM_BYTES, label=path)


def ingest_paths(paths: list[str], facts: SourceFacts, recursive: bool = False,
                 progress: Callable[[int], None] | None = None,
                 stop: threading.Event | None = None) -> Iterator[IngestResult]:
    """Ingest every file under paths, yielding one result per file, in order.

    Three stages overlap: a reading thread hashes the next files and writes them to temporary
    files, the vault's finisher thread makes them durable under their final names, and this
    thread records each file's source and custody event once its bytes are durable.
    Setting ``stop`` (e.g. from a Ctrl-C handler) ends the batch after the file being recorded.
    """
    waiting: deque = deque()  # (path, size, Future of a Pending, or an IngestResult already known)
    reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-reader")
    stop = stop or threading.Event()
    ended = threading.Event()  # this generator closed, by its caller or by an error

    def settle() -> IngestResult | None:
        path, size, job = waiting.popleft()
        if isinstance(job, IngestResult):
            return job
        try:
            try:
                pending = job.result()
            except Interrupted:
                return None
            result = record(pending.finish(), os.path.basename(path), facts, label=path)
        except OSError as exc:
            result = IngestResult(path, "failed", message=f"cannot be read ({exc.strerror})")
        except VaultError as exc:
            result = IngestResult(path, "failed", message=str(exc))
        result.path = path
        if progress:
            progress(size)
        return result

    try:
        for path, error in walk(paths, recursive):
            size = 0
            if not error:
                size, error = check_file(path)
            if error:
                waiting.append((path, size, IngestResult(path, "failed", size=size, message=error)))
            else:
                waiting.append((path, size, reader.submit(begin_file, path, stop, ended)))
            while len(waiting) > PIPELINE_DEPTH and not stop.is_set():
                if (result := settle()) is None:
                    return
                yield result
            if stop.is_set():
                return
        while waiting and not stop.is_set():
            if (result := settle()) is None:
                return
            yield result
    finally:
        # Interrupted: files not yet started are left alone, the one being read is dropped at its next
        # chunk (its temporary file removed), and bytes already read reach their final names whole.
        # Their sources are not recorded; ingesting them again records them.
        ended.set()
        reader.shutdown(wait=True, cancel_futures=True)
        for _, _, job in waiting:
            if isinstance(job, Future) and not job.cancelled() and job.exception() is None:
                try:
                    job.result().finish()
                except VaultError:
                    pass


def ingest_stream(stream, name: str, facts: SourceFacts, label: str = "",
                  parent: Source | None = None, derived_from: Item | None = None,
                  payload: tuple[bytes, str] | None = None) -> IngestResult:
    """Store one stream and record its source; process it when its bytes are new."""
    stored = get_vault().store(stream, settings.LITOPYS_MAX_ITEM_BYTES, label=label or name)
    return record(stored, name, facts, label, parent, derived_from, payload)


def record(stored: Stored, name: str, facts: SourceFacts, label: str = "",
           parent: Source | None = None, derived_from: Item | None = None,
           payload: tuple[bytes, str] | None = None) -> IngestResult:
    """Record a source for bytes already stored, with its custody event; process the bytes when new."""
    vault = get_vault()
    media_type = detect_media_type(stored.head)
    actor = actor_name(facts)
    with transaction.atomic():
        item, created = Item.objects.get_or_create(
            sha256=stored.digest,
            defaults={"size": stored.size, "media_type": media_type, "original_name": name[:500],
                      "derived_from": derived_from, "derivation": "capture" if derived_from else ""})
        same = None if created else same_source(item, name, facts, parent, media_type)
        if same is not None:
            # The same bytes said to be the same source again: one source, one set of claims; the ledger
            # records that they were presented again.
            custody.record(CustodyAction.COLLECTED, actor, item.sha256, source=same.pk, file_name=name,
                           presented_again=True)
            return IngestResult(label or name, "held", stored.digest, stored.size, item.media_type,
                                source_id=same.pk)
        source = Source.objects.create(
            kind=facts.kind or guess_kind(media_type, parent), title=(facts.title or name)[:500],
            publisher=facts.publisher, author=facts.author, url=facts.url, published=facts.published,
            collected_at=facts.collected_at or timezone.now(), collected_by=facts.collected_by,
            collection_method=facts.collection_method, tool_version=f"litopys {litopys.__version__}",
            notes=facts.notes, sensitivity=facts.sensitivity, item=item, file_name=name[:1000], parent=parent)
        custody.record(CustodyAction.INGESTED, actor, item.sha256, source=source.pk, file_name=name,
                       size=stored.size, media_type=item.media_type, new_bytes=created,
                       parent_source=parent.pk if parent else None)
    result = IngestResult(label or name, "new" if created else "held", stored.digest, stored.size,
                          item.media_type, source_id=source.pk)
    if created:
        result.warnings.extend(process_item(item, vault, actor, payload=payload))
    if item.media_type in ARCHIVE_TYPES and parent is None:
        ingest_captures(item, source, facts, result)
    # Blank facts are filled from the content: the title read from it (else the file name), its language.
    filled = {}
    if not facts.title and item.metadata.get("title"):
        filled["title"] = item.metadata["title"][:500]
    if not source.language and item.language:
        filled["language"] = item.language
    if filled:
        for field_name, value in filled.items():
            setattr(source, field_name, value)
        source.save(update_fields=list(filled))
    # A listener that fails (e.g. claim extraction) is reported; the preserved bytes stay preserved.
    for receiver, outcome in source_ingested.send_robust(sender=Source, source=source, item=item, created=created):
        if isinstance(outcome, Exception):
            name = getattr(receiver, "__name__", "listener")
            result.warnings.append(f"{name} failed: {type(outcome).__name__}: {outcome}")
    return result


def same_source(item: Item, name: str, facts: SourceFacts, parent: Source | None, media_type: str):
    """Return the source already recorded for these bytes with the same facts, or None.

    The facts a collector states make a source: the same file with another title, publisher or sensitivity is
    a second source of the same item (its claims then relay the same words, and count as one origin).
    """
    found = Source.objects.filter(
        item=item, parent=parent, kind=facts.kind or guess_kind(media_type, parent), publisher=facts.publisher,
        author=facts.author, url=facts.url, published=facts.published, sensitivity=facts.sensitivity,
        collected_by=facts.collected_by, notes=facts.notes)
    found = found.filter(title=facts.title[:500]) if facts.title else found.filter(file_name=name[:1000])
    return found.order_by("pk").first()


def guess_kind(media_type: str, parent: Source | None) -> str:
    if parent is not None or media_type in ARCHIVE_TYPES:
        return SourceKind.WEB_ARCHIVE
    if media_type.startswith("image/"):
        return SourceKind.PHOTO
    if media_type.startswith("video/"):
        return SourceKind.VIDEO
    if media_type.startswith("text/html"):
        return SourceKind.ARTICLE
    return SourceKind.DOCUMENT


def ingest_captures(container: Item, source: Source, facts: SourceFacts, result: IngestResult) -> None:
    """Make one source per captured page of a web archive, keeping its response record as the item.

    An archive that failed its `web-archive` step (not valid, or refused by a limit) is not read again:
    its reason is on the item, and in the result's warnings when the item was new.
    """
    from litopys.evidence.webarchive import WebArchiveError, iter_captures

    failed = [error for error in container.processing_errors if error.get("step") == "web-archive"]
    if failed:
        if result.status == "held":
            result.warnings.append(f"web-archive step failed: {failed[0]['error']}")
        return
    vault = get_vault()
    skipped = 0
    # Each record (its capture's storing and processing included) is timed; the archive as a whole is not.
    budget = limits.Budget(limits.current(), whole_item=False)
    try:
        with vault.open(container.sha256) as handle:
            for capture in iter_captures(handle, budget=budget):
                if capture.skipped:
                    skipped += 1
                    if skipped <= SKIPPED_SHOWN:
                        result.warnings.append(capture.skipped)
                    continue
                page = SourceFacts(**{**facts.__dict__, "kind": SourceKind.WEB_ARCHIVE, "title": "",
                                      "url": capture.url[:2000], "collected_at": capture.captured_at,
                                      "collection_method": "web archive capture"})
                if capture.payload_note:
                    result.warnings.append(capture.payload_note)
                body = capture.payload if capture.payload is not None else b""
                ingest_stream(capture.record, capture.url, page, label=capture.url, parent=source,
                              derived_from=container, payload=(body, capture.content_type))
                result.captures += 1
    except WebArchiveError as exc:
        result.warnings.append(f"the archive is stored, but it is not a valid web archive: {exc}")
    except limits.Refused as exc:
        result.warnings.append(f"the archive is stored, but reading it stopped after {result.captures} "
                               f"captures: {exc}")
    if skipped > SKIPPED_SHOWN:
        result.warnings.append(f"… and {skipped - SKIPPED_SHOWN} more records over LITOPYS_MAX_RECORD_BYTES")
