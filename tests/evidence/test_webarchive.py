"""Reading captures out of WARC and WACZ files made here with warcio."""

import base64
import gzip
import hashlib
import io
import random
import zipfile
from datetime import UTC, datetime

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from litopys.evidence.webarchive import Capture, WebArchiveError, iter_captures

PAGE = "<html><head><title>Ізюм</title></head><body><p>Масове поховання в лісі біля Ізюма.</p></body></html>"
RESPONSES = [
    # url, status, content type, body, content-encoding, WARC-Date, record id
    ("https://example.org/izium", "200 OK", "text/html; charset=utf-8", PAGE.encode(), "gzip", "2022-09-23T10:15:00Z"),
    ("https://example.org/missing", "404 Not Found", "text/plain", b"not here", "", "2022-09-23T10:16:30.250000Z"),
]


def record_id(number: int) -> str:
    return f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>"


def warc_bytes(gzipped: bool) -> bytes:
    """A warcinfo record, then per page a request and a response; a revisit at the end."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "litopys tests"}))
    for number, (url, status, content_type, body, encoding, date) in enumerate(RESPONSES, 1):
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        headers = [("Content-Type", content_type)] + ([("Content-Encoding", encoding)] if encoding else [])
        payload = gzip.compress(body) if encoding else body
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request))
        writer.write_record(
            writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(payload),
                http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": record_id(number)},
            )
        )
    revisit = writer.create_revisit_record(
        RESPONSES[0][0], digest="sha1:AAAA", refers_to_uri=RESPONSES[0][0], refers_to_date="2022-09-23T10:15:00Z"
    )
    writer.write_record(revisit)
    return out.getvalue()


def handmade_record(block: bytes, *, length: int | None = None, digest: bytes | None = None) -> bytes:
    """A response record written byte by byte, with HTTP headers the way some servers send them."""
    if digest is None:
        digest = b"sha1:" + base64.b32encode(hashlib.sha1(block).digest())
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:hand>\r\n"
        b"WARC-Date: 2022-04-03T08:00:00Z\r\nWARC-Target-URI: https://example.org/bucha\r\n"
        b"Content-Type: application/http; msgtype=response\r\nWARC-Block-Digest: " + digest + b"\r\n"
        b"Content-Length: " + str(len(block) if length is None else length).encode() + b"\r\n\r\n" + block + b"\r\n\r\n"
    )


CHUNKED = (
    b"HTTP/1.1 200 OK\r\nContent-Type:text/plain\r\nX-Odd:   spaced  \r\nTransfer-Encoding: chunked\r\n\r\n"
    b"6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n"
)


def wacz_bytes(*warcs: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in warcs:
            archive.writestr(name, data)
        archive.writestr("pages/pages.jsonl", b'{"format": "json-pages-1.0"}\n')
        archive.writestr("datapackage.json", b'{"profile": "data-package", "wacz_version": "1.1.1"}')
    return out.getvalue()


class Unseekable(io.RawIOBase):
    def __init__(self, data: bytes):
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_responses_become_captures(gzipped):
    captures = list(iter_captures(io.BytesIO(warc_bytes(gzipped))))
    assert [(c.url, c.status, c.content_type, c.record_id) for c in captures] == [
        ("https://example.org/izium", 200, "text/html; charset=utf-8", record_id(1)),
        ("https://example.org/missing", 404, "text/plain", record_id(2)),
    ]
    assert captures[0].payload == PAGE.encode()  # gzip content-encoding undone
    assert captures[1].payload == b"not here"
    assert captures[0].captured_at == datetime(2022, 9, 23, 10, 15, tzinfo=UTC)
    assert captures[1].captured_at == datetime(2022, 9, 23, 10, 16, 30, 250000, tzinfo=UTC)
    assert all(isinstance(c, Capture) for c in captures)


def test_a_record_is_the_original_record_byte_for_byte():
    original = warc_bytes(gzipped=False)
    for capture in iter_captures(io.BytesIO(original)):
        record = capture.record_bytes()
        assert record in original and len(record) == capture.record_size
        assert record.startswith(b"WARC/1.0\r\n") and record.endswith(b"\r\n\r\n")


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_a_record_is_a_valid_standalone_warc(gzipped):
    for capture in iter_captures(io.BytesIO(warc_bytes(gzipped))):
        records = list(ArchiveIterator(io.BytesIO(capture.record_bytes()), check_digests="raise"))
        assert len(records) == 1
        assert records[0].rec_headers.get_header("WARC-Target-URI") == capture.url


def test_odd_http_headers_and_chunking_are_kept_and_the_digest_still_holds():
    [(capture, record)] = [(c, c.record_bytes()) for c in iter_captures(io.BytesIO(handmade_record(CHUNKED)))]
    assert capture.payload == b"hello world"
    assert CHUNKED in record  # not re-serialised: "Content-Type:text/plain" stays as sent
    assert capture.content_type == "text/plain"
    assert capture.captured_at == datetime(2022, 4, 3, 8, tzinfo=UTC)


def test_resource_records_are_captures_too():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    writer.write_record(
        writer.create_warc_record(
            "urn:screenshot:https://example.org/izium",
            "resource",
            payload=io.BytesIO(b"\x89PNG\r\n\x1a\nfake"),
            warc_content_type="image/png",
        )
    )
    [capture] = iter_captures(io.BytesIO(out.getvalue()))
    assert (capture.url, capture.status, capture.content_type) == (
        "urn:screenshot:https://example.org/izium",
        None,
        "image/png",
    )
    assert capture.payload == b"\x89PNG\r\n\x1a\nfake"


def test_an_unseekable_stream_can_be_read():
    captures = list(iter_captures(io.BufferedReader(Unseekable(warc_bytes(gzipped=True)))))
    assert [c.status for c in captures] == [200, 404]


def test_a_wacz_yields_the_captures_of_every_warc_inside():
    data = wacz_bytes(("archive/one.warc.gz", warc_bytes(True)), ("archive/two.warc", warc_bytes(False)))
    captures = list(iter_captures(io.BytesIO(data)))
    assert [c.url for c in captures] == [r[0] for r in RESPONSES] * 2
    assert captures[0].payload == captures[2].payload == PAGE.encode()


class TestDamage:
    def test_random_bytes(self):
        with pytest.raises(WebArchiveError, match=r"^WARC: record 1 is unreadable: Unknown archive format"):
            list(iter_captures(io.BytesIO(random.Random(4).randbytes(5000))))

    def test_random_gzip(self):
        with pytest.raises(WebArchiveError, match=r"^WARC: record 1 is unreadable"):
            list(iter_captures(io.BytesIO(gzip.compress(random.Random(4).randbytes(5000)))))

    def test_empty_file(self):
        with pytest.raises(WebArchiveError, match="empty file"):
            list(iter_captures(io.BytesIO(b"")))

    def test_a_bad_record_in_the_middle_stops_the_reading_and_is_named(self):
        data = warc_bytes(gzipped=False)
        starts = [i for i in range(len(data)) if data.startswith(b"WARC/1.0\r\n", i)]
        fourth = starts[3]  # the second request, after the first response
        captures = iter_captures(io.BytesIO(data[:fourth] + b"XXXX" + data[fourth + 4 :]))
        assert next(captures).url == "https://example.org/izium"
        with pytest.raises(WebArchiveError, match=r"^WARC: record 4 is unreadable: .*XXXX/1.0"):
            next(captures)

    def test_a_truncated_record(self):
        data = handmade_record(CHUNKED)
        with pytest.raises(WebArchiveError, match=r"record 1 \(https://example.org/bucha\) is truncated"):
            list(iter_captures(io.BytesIO(data[:-20])))

    def test_a_block_that_does_not_match_its_digest(self):
        data = handmade_record(CHUNKED).replace(b"hello", b"HELLO")
        with pytest.raises(WebArchiveError, match="does not match its WARC-Block-Digest"):
            list(iter_captures(io.BytesIO(data)))
        [capture] = iter_captures(io.BytesIO(data), check_digests=False)
        assert capture.payload == b"HELLO world"

    @pytest.mark.parametrize("encode", [lambda d: d.hex(), lambda d: base64.b64encode(d).decode()], ids=["hex", "b64"])
    def test_other_digest_encodings_are_understood(self, encode):
        digest = f"sha256:{encode(hashlib.sha256(CHUNKED).digest())}".encode()
        [capture] = iter_captures(io.BytesIO(handmade_record(CHUNKED, digest=digest)))
        assert capture.payload == b"hello world"

    def test_a_content_length_that_overruns_names_the_record(self):
        short = handmade_record(CHUNKED, length=len(CHUNKED) - 10)
        with pytest.raises(WebArchiveError, match="record 1 does not end where its Content-Length says"):
            list(iter_captures(io.BytesIO(short + handmade_record(CHUNKED)), check_digests=False))

    def test_a_zip_without_warcs_is_not_a_wacz(self):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("photo.jpg", b"\xff\xd8\xff")
        with pytest.raises(WebArchiveError, match=r"not a WACZ: the zip has no archive/\*\.warc"):
            list(iter_captures(io.BytesIO(out.getvalue())))

    def test_a_damaged_zip(self):
        with pytest.raises(WebArchiveError, match="the zip is damaged"):
            list(iter_captures(io.BytesIO(b"PK\x03\x04" + random.Random(1).randbytes(500))))

    def test_a_damaged_warc_inside_a_wacz_is_named(self):
        data = wacz_bytes(("archive/data.warc", random.Random(3).randbytes(1000)))
        with pytest.raises(WebArchiveError, match=r"^WACZ entry archive/data.warc: record 1 is unreadable"):
            list(iter_captures(io.BytesIO(data)))

    def test_a_wacz_must_be_seekable(self):
        data = wacz_bytes(("archive/data.warc", warc_bytes(False)))
        with pytest.raises(WebArchiveError, match="seekable"):
            list(iter_captures(io.BufferedReader(Unseekable(data))))
