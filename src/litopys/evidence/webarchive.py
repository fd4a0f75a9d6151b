"""Web archives: the pages and files captured in a WARC or WACZ, each as a standalone one-record WARC.

A capture is evidence of what a server sent at a moment. Its `record` keeps the WARC record's
block (HTTP headers and body) byte for byte, so the crawler's `WARC-Block-Digest` still
verifies; `payload` is the body as a browser would see it (de-chunked, decompressed).
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

#: Record types that hold something captured; requests, metadata and revisits are skipped.
CAPTURE_TYPES = ("response", "resource")

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
    """One captured page or file."""

    url: str
    captured_at: datetime | None
    status: int | None
    content_type: str
    record: bytes
    payload: bytes
    record_id: str


def iter_captures(fileobj: BinaryIO, *, check_digests: bool = True) -> Iterator[Capture]:
    """Yield the response and resource records of a WARC (plain or gzipped) or a WACZ, in order.

    With `check_digests`, a record whose block does not match its `WARC-Block-Digest` stops the
    reading with a `WebArchiveError`, as any other damaged record does.
    """
    stream, head = _peek(fileobj, 4)
    if not head:
        raise WebArchiveError("empty file: expected a WARC or WACZ web archive")
    if head.startswith(b"PK"):
        yield from _wacz_captures(stream, check_digests)
    else:
        yield from _warc_captures(stream, "WARC", check_digests)


def _wacz_captures(stream: BinaryIO, check_digests: bool) -> Iterator[Capture]:
    if not stream.seekable():
        raise WebArchiveError("a WACZ is a zip file and must be read from a seekable file, not a stream")
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise WebArchiveError(f"not a readable WACZ: the zip is damaged ({exc})") from exc
    with archive:
        names = [name for name in archive.namelist() if _WACZ_WARC.fullmatch(name)]
        if not names:
            raise WebArchiveError("not a WACZ: the zip has no archive/*.warc or archive/*.warc.gz entry")
        for name in names:
            try:
                member = archive.open(name)
            except (zipfile.BadZipFile, NotImplementedError, OSError) as exc:
                raise WebArchiveError(f"WACZ entry {name} cannot be opened: {exc}") from exc
            with member:
                yield from _warc_captures(member, f"WACZ entry {name}", check_digests)


def _warc_captures(stream: BinaryIO, where: str, check_digests: bool) -> Iterator[Capture]:
    records = ArchiveIterator(stream, no_record_parse=True)
    number = 0
    while True:
        number += 1
        try:
            record = next(records, None)
        except _READ_ERRORS as exc:
            if records.err_count:
                raise _overrun(where, number - 1) from exc
            raise WebArchiveError(f"{where}: record {number} is unreadable: {_reason(exc)}") from exc
        if records.err_count:
            raise _overrun(where, number - 1)
        if record is None:
            break
        if record.rec_type in CAPTURE_TYPES:
            yield _capture(record, f"{where}: record {number}", check_digests)


def _overrun(where: str, number: int) -> WebArchiveError:
    # warcio only warns on stderr when the bytes after a record's block are not the blank lines that end it.
    return WebArchiveError(
        f"{where}: record {number} does not end where its Content-Length says; the archive is corrupt"
    )


def _capture(record: ArcWarcRecord, where: str, check_digests: bool) -> Capture:
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or ""
    block = record.raw_stream.read()
    if record.length is not None and len(block) != record.length:
        raise WebArchiveError(
            f"{where} ({url}) is truncated: Content-Length is {record.length}, only {len(block)} bytes are there"
        )
    digest = headers.get_header("WARC-Block-Digest")
    if check_digests and digest and _digest_matches(digest, block) is False:
        raise WebArchiveError(
            f"{where} ({url}) does not match its WARC-Block-Digest: the archive is damaged or was altered"
        )
    raw = headers.to_bytes(encoding="utf-8") + block + b"\r\n\r\n"
    try:
        parsed = next(ArchiveIterator(io.BytesIO(raw)))
        payload = parsed.content_stream().read()
    except (*_READ_ERRORS, StopIteration) as exc:
        raise WebArchiveError(f"{where} ({url}) has an unreadable HTTP message: {_reason(exc)}") from exc
    http = parsed.http_headers if record.rec_type == "response" else None
    return Capture(
        url=url,
        captured_at=_warc_date(headers.get_header("WARC-Date")),
        status=_status(http.get_statuscode()) if http else None,
        content_type=(http.get_header("Content-Type") if http else headers.get_header("Content-Type")) or "",
        record=raw,
        payload=payload,
        record_id=headers.get_header("WARC-Record-ID") or "",
    )


def _digest_matches(declared: str, block: bytes) -> bool | None:
    """Check a `WARC-Block-Digest` in any of the encodings crawlers use; None for an unknown algorithm."""
    algorithm, _, value = declared.strip().partition(":")
    try:
        digest = hashlib.new(algorithm.lower().replace("-", ""), block).digest()
    except ValueError:
        return None
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
