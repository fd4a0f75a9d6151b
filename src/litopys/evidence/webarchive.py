"""Web archives: the pages and files captured in a WARC or WACZ, each as a standalone one-record WARC.

A capture is evidence of what a server sent at a moment. Its record keeps the WARC record's
block (HTTP headers and body) byte for byte, so the crawler's `WARC-Block-Digest` still
verifies; `payload` is the body as a browser would see it (de-chunked, decompressed).

Archives are read record by record and nothing is held whole: a record's block goes, in chunks, into
a spooled temporary file (`Capture.record`), and every read is bounded (see `warcstream` and
`limits`). A record over `LITOPYS_MAX_RECORD_BYTES` is skipped with its reason (`Capture.skipped`);
data that expands like a bomb, or a record or item out of time, stops the reading with `Refused`.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from litopys.evidence import limits as bounds
from litopys.evidence.limits import Budget, Limits, Refused, size_words
from litopys.evidence.warcstream import BLOCK, BoundedArchive, HeaderTooLong, body_bytes, http_message

#: Record types that hold something captured; requests, metadata and revisits are skipped.
CAPTURE_TYPES = ("response", "resource")
#: A record's bytes are kept in memory up to this size, in a temporary file beyond it.
SPOOL_MEMORY = 1024 * 1024

_WACZ_WARC = re.compile(r"archive/[^/]+\.warc(\.gz)?")
_READ_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
)


class WebArchiveError(ValueError):
    """A web archive that cannot be read; the message says where and why."""


@dataclass
class Capture:
    """One captured page or file, or a record skipped with the reason (`skipped`)."""

    url: str
    captured_at: datetime | None
    status: int | None
    content_type: str
    #: The record as a standalone one-record WARC, read from its start; None when skipped.
    record: BinaryIO | None
    payload: bytes | None
    record_id: str
    record_size: int = 0
    #: Why the body was not read (too large once decoded), or was cut (damaged compression).
    payload_note: str = ""
    #: Why the record was not extracted at all (too large); it stays in the archive.
    skipped: str = ""

    def record_bytes(self) -> bytes:
        """Return the whole record (for small records and tests; ingest streams `record`)."""
        self.record.seek(0)
        data = self.record.read()
        self.record.seek(0)
        return data


def iter_captures(fileobj: BinaryIO, *, check_digests: bool = True, limits: Limits | None = None,
                  budget: Budget | None = None) -> Iterator[Capture]:
    """Yield the response and resource records of a WARC (plain or gzipped) or a WACZ, in order.

    With `check_digests`, a record whose block does not match its `WARC-Block-Digest` stops the
    reading with a `WebArchiveError`, as any other damaged record does. A capture's `record` is
    closed when the next one is asked for. Time is counted in `budget`: by default the budget of
    the item being processed, or a fresh one.
    """
    limits = limits or bounds.current()
    budget = budget or bounds.active_budget(limits)
    stream, head = _peek(fileobj, 4)
    if not head:
        raise WebArchiveError("empty file: expected a WARC or WACZ web archive")
    if head.startswith(b"PK"):
        yield from _wacz_captures(stream, check_digests, limits, budget)
    else:
        yield from _warc_captures(stream, "WARC", check_digests, limits, budget)


def _wacz_captures(stream: BinaryIO, check_digests: bool, limits: Limits, budget: Budget) -> Iterator[Capture]:
    if not stream.seekable():
        raise WebArchiveError("a WACZ is a zip file and must be read from a seekable file, not a stream")
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise WebArchiveError(f"not a readable WACZ: the zip is damaged ({exc})") from exc
    with archive:
        entries = [info for info in archive.infolist() if _WACZ_WARC.fullmatch(info.filename)]
        if not entries:
            raise WebArchiveError("not a WACZ: the zip has no archive/*.warc or archive/*.warc.gz entry")
        # A zip says how large each entry is once inflated, and never gives more: refuse a bomb before reading.
        for info in entries:
            bounds.check_expansion(info.file_size, info.compress_size, f"WACZ entry {info.filename}", limits)
        stream.seek(0, io.SEEK_END)
        bounds.check_expansion(sum(info.file_size for info in entries), stream.tell(), "WACZ", limits)
        for info in entries:
            try:
                member = archive.open(info)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, ValueError) as exc:
                raise WebArchiveError(f"WACZ entry {info.filename} cannot be opened: {exc}") from exc
            with member:
                yield from _warc_captures(member, f"WACZ entry {info.filename}", check_digests, limits, budget)


def _warc_captures(stream: BinaryIO, where: str, check_digests: bool, limits: Limits,
                   budget: Budget) -> Iterator[Capture]:
    records = BoundedArchive(stream, where, limits, budget)
    number = 0
    while True:
        number += 1
        with budget.record(f"{where}: record {number}"):
            try:
                record = next(records, None)
            except Refused:
                raise
            except _READ_ERRORS as exc:
                if records.err_count:
                    raise _overrun(where, number - 1) from exc
                raise WebArchiveError(f"{where}: record {number} is unreadable: {_reason(exc)}") from exc
            if records.err_count:
                raise _overrun(where, number - 1)
            if record is None:
                break
            _check_headers(record, f"{where}: record {number}")
            if record.rec_type not in CAPTURE_TYPES:
                continue  # read through, bounded, when the next record is asked for
            capture = _capture(record, f"{where}: record {number}", check_digests, limits, budget)
            try:
                yield capture
            finally:
                if capture.record is not None:
                    capture.record.close()


def _overrun(where: str, number: int) -> WebArchiveError:
    # warcio only counts an error when the bytes after a record's block are not the blank lines that end it.
    return WebArchiveError(
        f"{where}: record {number} does not end where its Content-Length says; the archive is corrupt"
    )


def _check_headers(record: ArcWarcRecord, where: str) -> None:
    """Refuse what only looks like a WARC record: every record has a type and a length (WARC 1.1, 4)."""
    if record.format != "warc":
        raise WebArchiveError(f"{where} is not a WARC record ({record.format})")
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not (length.isascii() and length.isdigit()):
        raise WebArchiveError(f"{where} has no valid Content-Length (found {length[:40]!r})")
    if not record.rec_type:
        raise WebArchiveError(f"{where} has no WARC-Type")


def _capture(record: ArcWarcRecord, where: str, check_digests: bool, limits: Limits, budget: Budget) -> Capture:
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or ""
    where = f"{where} ({url[:200]})" if url else where
    facts = {"url": url, "captured_at": _warc_date(headers.get_header("WARC-Date")),
             "record_id": headers.get_header("WARC-Record-ID") or ""}
    if record.length > limits.max_record_bytes:
        return Capture(**facts, status=None, content_type="", record=None, payload=None, skipped=(
            f"{where} is {size_words(record.length)}, over LITOPYS_MAX_RECORD_BYTES "
            f"({size_words(limits.max_record_bytes)}): kept in the archive, not extracted; raise the limit to "
            "extract it"))
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY)
    try:
        head = headers.to_bytes(encoding="utf-8")
        spool.write(head)
        declared = headers.get_header("WARC-Block-Digest") if check_digests else None
        hasher = _hasher(declared)
        size = 0
        try:
            while chunk := record.raw_stream.read(BLOCK):
                spool.write(chunk)
                size += len(chunk)
                if hasher:
                    hasher.update(chunk)
        except Refused:
            raise
        except (*_READ_ERRORS, HeaderTooLong) as exc:
            raise WebArchiveError(f"{where} is unreadable after {size} bytes: {_reason(exc)}") from exc
        if size != record.length:
            raise WebArchiveError(
                f"{where} is truncated: Content-Length is {record.length}, only {size} bytes are there")
        if hasher and not _digest_matches(declared, hasher.digest()):
            raise WebArchiveError(
                f"{where} does not match its WARC-Block-Digest: the archive is damaged or was altered")
        spool.write(b"\r\n\r\n")
        spool.seek(len(head))
        try:
            http, body = http_message(spool, size, record.rec_type, url)
            payload, note = body_bytes(http, body, limits, budget)
        except (*_READ_ERRORS, HeaderTooLong) as exc:
            if isinstance(exc, Refused):
                raise
            raise WebArchiveError(f"{where} has an unreadable HTTP message: {_reason(exc)}") from exc
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return Capture(
        **facts,
        status=_status(http.get_statuscode()) if http else None,
        content_type=(http.get_header("Content-Type") if http else headers.get_header("Content-Type")) or "",
        record=spool,
        record_size=len(head) + size + 4,
        payload=payload,
        payload_note=f"{where}: {note}" if note else "",
    )


def _hasher(declared: str | None):
    if not declared:
        return None
    algorithm = declared.strip().partition(":")[0].lower().replace("-", "")
    try:
        return hashlib.new(algorithm)
    except ValueError:
        return None  # an algorithm Python does not know: the digest cannot be checked


def _digest_matches(declared: str, digest: bytes) -> bool:
    """Check a `WARC-Block-Digest` in any of the encodings crawlers use."""
    value = declared.strip().partition(":")[2]
    return (
        value.upper().rstrip("=") == base64.b32encode(digest).decode().rstrip("=")
        or value.lower() == digest.hex()
        or value == base64.b64encode(digest).decode()
    )


def _warc_date(value: str | None) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value or "")
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _status(code: str | None) -> int | None:
    return int(code) if code and code.isdigit() else None


def _reason(exc: BaseException) -> str:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return reason if len(reason) <= 200 else reason[:197] + "..."


class _Prefixed(io.RawIOBase):
    """A stream that gives back bytes already read from an unseekable stream, then the rest of it."""

    def __init__(self, prefix: bytes, rest: BinaryIO):
        self._prefix, self._rest = prefix, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._prefix:
            data, self._prefix = self._prefix[: len(buffer)], self._prefix[len(buffer) :]
        else:
            data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _peek(fileobj: BinaryIO, size: int) -> tuple[BinaryIO, bytes]:
    if getattr(fileobj, "seekable", lambda: False)():
        start = fileobj.tell()
        head = fileobj.read(size)
        fileobj.seek(start)
        return fileobj, head
    head = fileobj.read(size)
    return io.BufferedReader(_Prefixed(head, fileobj)), head
