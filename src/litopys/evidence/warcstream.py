"""Read WARC records with every read bounded: header lines, header sections, decompression, bodies and time.

warcio's `ArchiveIterator` does the parsing; what it reads through is `BoundedReader`, which refuses a
line longer than `MAX_LINE` (warcio would grow it without end, in quadratic time), a header section longer
than `MAX_HEADER`, gzip that expands past `LITOPYS_MAX_EXPANSION_RATIO`, and a record or item out of time.
HTTP bodies are de-chunked by warcio and decompressed here, never past `LITOPYS_MAX_RECORD_BYTES`.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader, DecompressingBufferedReader
from warcio.limitreader import LimitReader
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser

from litopys.evidence.limits import Budget, Limits, check_expansion, size_words

#: Longest line read where WARC or HTTP headers are expected.
MAX_LINE = 256 * 1024
#: Longest header section (all its lines) of a WARC record or an HTTP message.
MAX_HEADER = 1024 * 1024
#: Bytes read at a time from a record's block or body.
BLOCK = 64 * 1024


class HeaderTooLong(ValueError):
    """Where headers were expected there is a line, or a section, longer than any real header."""


class Counted:
    """A stream that counts the bytes read from it: the compressed side of a gzipped WARC."""

    def __init__(self, stream: BinaryIO):
        self.stream, self.count = stream, 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count


class BoundedReader(DecompressingBufferedReader):
    """warcio's reader with bounded lines, bounded header sections, an expansion check and a clock."""

    def __init__(self, stream: Counted, where: str, limits: Limits, budget: Budget):
        super().__init__(stream)
        self.counted, self.where, self.limits, self.budget = stream, where, limits, budget
        self.header_bytes = 0

    def readline(self, length=None):
        # warcio's own readline joins the pieces of a line with `+=` (quadratic) and miscounts its limit.
        cap = MAX_LINE if length is None else min(length, MAX_LINE)
        pieces, got = [], 0
        while got < cap:
            self._fillbuff()
            if self.empty():
                break
            piece = self.buff.readline(cap - got)
            pieces.append(piece)
            got += len(piece)
            if piece.endswith(b"\n"):
                break
        line = b"".join(pieces)
        self.header_bytes += len(line)
        if len(line) >= MAX_LINE and not line.endswith(b"\n"):
            raise HeaderTooLong(f"a line of more than {size_words(MAX_LINE)} where WARC headers were expected")
        if self.header_bytes > MAX_HEADER:
            raise HeaderTooLong(f"more than {size_words(MAX_HEADER)} of WARC headers")
        return line

    def read(self, length=None):
        self.header_bytes = 0  # a block is being read: the next header section starts afresh
        return super().read(length)

    def _process_read(self, data):
        super()._process_read(data)
        check_expansion(self.num_read, self.counted.count, self.where, self.limits)
        self.budget.check()


class BoundedArchive(ArchiveIterator):
    """warcio's iterator over a `BoundedReader`, without its warnings on stderr."""

    def __init__(self, stream: BinaryIO, where: str, limits: Limits, budget: Budget):
        counted = Counted(stream)
        super().__init__(counted, no_record_parse=True)
        self.reader = BoundedReader(counted, where, limits, budget)

    def _consume_blanklines(self):
        # As warcio's, but a record that does not end with blank lines only counts as an error: warcio
        # would also print the bytes found there (anything, control characters too) on stderr.
        empty_size = 0
        first_line = True
        while True:
            line = self.reader.readline()
            if not line:
                return None, empty_size
            if not line.rstrip() or first_line:
                empty_size += len(line)
                if line.rstrip():
                    self.err_count += 1
                first_line = False
                continue
            return line, empty_size


class _Lines:
    """A stream whose lines are bounded too: HTTP headers inside a record's block."""

    def __init__(self, stream):
        self.stream, self.total = stream, 0

    def readline(self, length=None):
        line = self.stream.readline(MAX_LINE if length is None else min(length, MAX_LINE))
        self.total += len(line)
        if (len(line) >= MAX_LINE and not line.endswith(b"\n")) or self.total > MAX_HEADER:
            raise HeaderTooLong(f"HTTP headers longer than {size_words(MAX_HEADER)} or a header line longer "
                                f"than {size_words(MAX_LINE)}")
        return line

    def read(self, length=None):
        return self.stream.read(length)


_HTTP = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False)


def http_message(block: BinaryIO, length: int, rec_type: str, url: str) -> tuple[StatusAndHeaders | None, LimitReader]:
    """Parse the HTTP headers at the start of a response record's block; return them and a reader of the body.

    Raise EOFError when the block holds no headers at all.
    """
    body = LimitReader(block, length)
    if rec_type != "response" or not url.startswith(("http:", "https:")) or not length:
        return None, body
    return _HTTP.parse(_Lines(body)), body


def body_bytes(http: StatusAndHeaders | None, body, limits: Limits, budget: Budget) -> tuple[bytes | None, str]:
    """Read a body de-chunked and decompressed, up to `max_record_bytes`; None and the reason past that."""
    encoding = ""
    if http is not None:
        encoding = (http.get_header("Content-Encoding") or "").strip().lower()
        if (http.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
            body = ChunkedDataReader(body)  # de-chunks only: decompression is bounded below
    limit = limits.max_record_bytes
    decoder = _Decoder(encoding)
    out = bytearray()
    note = ""
    while chunk := body.read(BLOCK):
        budget.check()
        try:
            out += decoder.decode(chunk, limit + 1 - len(out))
        except zlib.error as exc:
            note = f"its {encoding} compression is damaged after {len(out)} bytes ({exc}); the body is cut there"
            break
        if len(out) > limit:
            return None, (f"its body is over {size_words(limit)} once decoded (LITOPYS_MAX_RECORD_BYTES): "
                          "stored, not read")
        if decoder.done:
            break
    return bytes(out), note


class _Decoder:
    """Content-Encoding undone with zlib, each call's output bounded; an unknown encoding passes as is.

    As browsers (and warcio) do, a body that does not start as the declared compression is taken as it is.
    """

    WBITS = {"gzip": (16 + zlib.MAX_WBITS,), "x-gzip": (16 + zlib.MAX_WBITS,),
             "deflate": (zlib.MAX_WBITS, -zlib.MAX_WBITS)}

    def __init__(self, encoding: str):
        self.options = list(self.WBITS.get(encoding, ()))
        self.zlib = zlib.decompressobj(self.options.pop(0)) if self.options else None
        self.started = False
        self.done = False

    def decode(self, data: bytes, room: int) -> bytes:
        if self.zlib is None:
            return data
        try:
            out = bytearray(self.zlib.decompress(data, room))
            while self.zlib.unconsumed_tail and len(out) < room and not self.zlib.eof:
                out += self.zlib.decompress(self.zlib.unconsumed_tail, room - len(out))
        except zlib.error:
            if self.started:
                raise
            if self.options:  # deflate without its zlib header
                self.zlib = zlib.decompressobj(self.options.pop(0))
                return self.decode(data, room)
            self.zlib = None
            return data
        self.started = True
        self.done = self.zlib.eof
        return bytes(out)
