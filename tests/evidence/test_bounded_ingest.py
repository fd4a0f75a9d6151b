"""Ingest cannot be bombed: web archives read record by record within limits, and caps on everything extracted.

The inputs are synthetic (zeros, random bytes, made-up pages), written streaming by `tests/evidence/bombs.py`.
"""

import io
import os
import resource
import subprocess
import zlib
from pathlib import Path

import pytest
from PIL import Image

from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.limits import Refused
from litopys.evidence.models import Item, Source
from litopys.evidence.processors.base import Subject, run_pipeline
from litopys.evidence.processors.images import ImageMetadata, PerceptualHash
from litopys.evidence.processors.ocr import Ocr
from litopys.evidence.processors.pdf import PdfText
from litopys.evidence.processors.text import PlainText
from litopys.evidence.processors.webpage import HtmlText
from litopys.evidence.webarchive import WebArchiveError, iter_captures
from tests.evidence import bombs
from tests.evidence.test_processors import encoded, pdf_bytes
from tests.evidence.test_webarchive import warc_bytes

MIB = bombs.MIB
#: The memory one ingest may use on any input.
MEMORY_LIMIT = 512 * MIB


def ingest(*paths):
    return list(ingest_paths([str(p) for p in paths], SourceFacts(collected_by="tester")))


def run_measured(env, *args, timeout=60) -> tuple[int, str, str, int]:
    """Run `litopys ARGS` in a child with its address space capped at 3 GiB; return (code, out, err, peak RSS).

    The cap only keeps a failing run from taking the machine; the peak resident memory is what is asserted.
    """
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (3 * 1024 * MIB, 3 * 1024 * MIB))

    home = Path(env["LITOPYS_HOME"])
    peak = home / "peak.txt"
    result = subprocess.run(bombs.peak_command(peak, "litopys", *args), env=env, capture_output=True, text=True,
                            timeout=timeout, preexec_fn=cap)
    return result.returncode, result.stdout, result.stderr, bombs.read_peak(peak)


@pytest.fixture
def home(tmp_path):
    """A new LITOPYS_HOME (the first `ingest` sets up its SQLite database)."""
    env = {**os.environ, "LITOPYS_HOME": str(tmp_path / "home"), "LITOPYS_CLI_LANGUAGE": "en"}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    os.makedirs(env["LITOPYS_HOME"])
    return env


@pytest.mark.slow  # about 30 s: a new database, then the refusal
def test_a_2_gib_record_is_refused_in_bounded_memory(home, tmp_path):
    bomb = bombs.zero_record_warc_gz(tmp_path / "one-record.warc.gz")  # 2 GiB of zeros in ~2 MB
    assert bombs.size_of(bomb) < 3 * MIB
    code, out, err, peak = run_measured(home, "ingest", str(bomb), timeout=120)  # a new database first: ~10 s
    assert code == 1, (out, err)
    lines = out.splitlines()
    assert lines[0].endswith(f"  new  {bomb}"), out  # preserved as bytes, under its hash
    assert "captured page" not in out
    assert "refused as a possible decompression bomb" in lines[1] and "LITOPYS_MAX_EXPANSION_RATIO" in lines[1]
    assert "Traceback" not in err
    assert peak < MEMORY_LIMIT, f"peak memory {peak / MIB:.0f} MiB"


def test_a_wacz_of_zeros_is_refused_before_its_entry_is_read(tmp_path):
    wacz = bombs.zeros_wacz(tmp_path / "zeros.wacz")  # ~100 KB holding 100 MB of zeros
    with open(wacz, "rb") as handle, pytest.raises(Refused, match=r"^WACZ entry archive/data.warc: .* expand to"):
        next(iter_captures(handle))


def test_gzip_is_refused_once_it_expands_past_the_floor_by_more_than_the_ratio(settings, tmp_path):
    zeros = bombs.zero_record_warc_gz(tmp_path / "zeros.warc.gz", 16 * MIB)  # ~1,000 times smaller
    with open(zeros, "rb") as handle:  # under the floor (64 MiB): read
        [payload] = [len(capture.payload) for capture in iter_captures(handle)]
    assert payload == 16 * MIB
    settings.LITOPYS_EXPANSION_FLOOR_BYTES = 4 * MIB
    with open(zeros, "rb") as handle, pytest.raises(Refused, match="over 100 times, LITOPYS_MAX_EXPANSION_RATIO"):
        list(iter_captures(handle))
    settings.LITOPYS_MAX_EXPANSION_RATIO = 2000
    with open(zeros, "rb") as handle:
        assert [len(capture.payload) for capture in iter_captures(handle)] == [16 * MIB]


def test_a_warc_header_followed_by_garbage_is_not_a_valid_web_archive(vault, db, tmp_path):
    fake = bombs.header_then_garbage(tmp_path / "fake.warc")
    [result] = ingest(fake)
    assert result.status == "new" and result.captures == 0 and result.media_type == "application/warc"
    assert any("not a valid web archive: WARC: record 1" in warning for warning in result.warnings), result.warnings
    item = Item.objects.get(sha256=result.digest)
    assert item.size == bombs.size_of(fake)  # the bytes are kept, with the reason
    assert "not a valid web archive" in item.processing_errors[0]["error"]
    assert not Source.objects.filter(parent__item=item).exists()


def test_a_line_that_never_ends_is_refused_at_its_limit(tmp_path):
    endless = bombs.endless_line(tmp_path / "endless.warc", 64 * MIB)
    with open(endless, "rb") as handle, pytest.raises(WebArchiveError, match="a line of more than 256 KiB"):
        list(iter_captures(handle))


def test_a_record_over_the_limit_is_skipped_and_the_others_extracted(vault, db, settings, tmp_path):
    big = bombs.zero_record_warc_gz(tmp_path / "big.warc.gz", 2 * MIB).read_bytes()
    archive = tmp_path / "mixed.warc.gz"
    archive.write_bytes(warc_bytes(gzipped=True) + big)  # two pages (in six records), then a 2 MiB file
    settings.LITOPYS_MAX_RECORD_BYTES = MIB
    [result] = ingest(archive)
    assert result.captures == 2
    assert len(result.warnings) == 1 and "record 7 (https://example.org/zeros.bin) is 2.0 MiB, over " \
        "LITOPYS_MAX_RECORD_BYTES (1 MiB): kept in the archive, not extracted" in result.warnings[0]
    item = Item.objects.get(sha256=result.digest)
    assert item.metadata["captures"] == 2 and item.metadata["records_skipped"] == 1


def test_a_gzip_bomb_in_an_http_body_is_stored_not_decoded(tmp_path):
    page = bombs.http_gzip_bomb(tmp_path / "page.warc", 256 * MIB)  # 256 KB inflating to 256 MiB
    with open(page, "rb") as handle:
        [(capture, record)] = [(c, c.record_bytes()) for c in iter_captures(handle)]
    assert capture.payload is None and "over 32 MiB once decoded (LITOPYS_MAX_RECORD_BYTES)" in capture.payload_note
    assert len(record) == capture.record_size < MIB


def test_a_record_out_of_time_is_refused(settings):
    settings.LITOPYS_RECORD_SECONDS = 0
    with pytest.raises(Refused, match=r"WARC: record 1: reading it took more than 0 s \(LITOPYS_RECORD_SECONDS\)"):
        list(iter_captures(io.BytesIO(warc_bytes(gzipped=True))))


def test_an_item_out_of_time_keeps_its_bytes_and_says_why(vault, db, settings, tmp_path):
    settings.LITOPYS_ITEM_SECONDS = 0
    path = tmp_path / "note.txt"
    path.write_text("Synthetic note: a shelter was hit.\n")
    [result] = ingest(path)
    assert result.status == "new" and Item.objects.filter(sha256=result.digest).exists()
    assert result.warnings and all("LITOPYS_ITEM_SECONDS" in warning for warning in result.warnings)


class TestCaps:
    def test_text_is_read_up_to_its_cap(self, settings):
        settings.LITOPYS_MAX_TEXT_BYTES = 1000
        subject = run_pipeline(Subject.from_bytes("Ї".encode() * 5000, "text/plain"), [PlainText()])
        assert subject.errors == [] and subject.text == "Ї" * 500
        assert subject.metadata["limits"] == ["only the first 1000 bytes of the text were read "
                                              "(LITOPYS_MAX_TEXT_BYTES)"]

    def test_html_is_read_up_to_its_cap_and_its_text_cut(self, settings):
        settings.LITOPYS_MAX_HTML_BYTES = 10_000
        settings.LITOPYS_MAX_TEXT_BYTES = 2_000
        page = ("<html><body>" + "<p>Synthetic paragraph about a damaged school.</p>" * 1000 + "</body></html>")
        subject = run_pipeline(Subject.from_bytes(page.encode(), "text/html"), [HtmlText()])
        assert subject.errors == [] and len(subject.text.encode()) <= 2_000
        assert "only the first 9.8 KiB of the HTML were read (LITOPYS_MAX_HTML_BYTES)" in subject.metadata["limits"]
        assert any("LITOPYS_MAX_TEXT_BYTES" in note for note in subject.metadata["limits"])

    def test_pdf_pages_are_read_up_to_their_cap(self, settings):
        settings.LITOPYS_MAX_PDF_PAGES = 2
        subject = run_pipeline(Subject.from_bytes(pdf_bytes(["one", "two", "three"]), "application/pdf"),
                               [PdfText()])
        assert subject.errors == [] and subject.text == "one\ftwo" and subject.metadata["pages"] == 3
        assert subject.metadata["limits"] == ["the text of only the first 2 of 3 pages was read "
                                              "(LITOPYS_MAX_PDF_PAGES)"]

    def test_images_over_the_pixel_cap_are_refused_before_decoding(self, settings):
        settings.LITOPYS_MAX_IMAGE_PIXELS = 10_000
        subject = run_pipeline(Subject.from_bytes(encoded(Image.new("RGB", (200, 100))), "image/png"),
                               [ImageMetadata(), PerceptualHash()])
        assert [error["error"] for error in subject.errors] == [
            "Refused: refused as a possible decompression bomb: 200x100 pixels is over the limit of 10000 "
            "(LITOPYS_MAX_IMAGE_PIXELS)"] * 2

    def test_a_huge_pdf_page_is_rendered_for_ocr_within_the_pixel_cap(self):
        pdf = pdf_bytes([""]).replace(b"/MediaBox [0 0 612 792]", b"/MediaBox [0 0 14400 14400]")
        pages = list(Ocr()._pdf_pages(Subject.from_bytes(pdf, "application/pdf")))
        assert len(pages) == 1
        assert pages[0].width * pages[0].height <= Ocr.max_pixels  # 300 dpi would be 60000 x 60000
        assert pages[0].width > 5000


def test_the_reference_archive_reads_in_full(tmp_path):
    reference = bombs.pages_warc_gz(tmp_path / "pages.warc.gz", MIB // 4)
    with open(reference, "rb") as handle:
        captures = [(c.url, len(c.payload), c.skipped) for c in iter_captures(handle)]
    assert len(captures) > 20 and all(size > 30_000 and not skipped for _, size, skipped in captures)


def test_deflate_bodies_with_and_without_their_zlib_header(tmp_path):
    body = b"Synthetic page body. " * 100
    for compressed in (zlib.compress(body), zlib.compress(body)[2:-4]):
        http = (b"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nContent-Length: %d\r\n\r\n" % len(compressed)
                + compressed)
        record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:d>\r\n"
                  b"WARC-Target-URI: https://example.org/d\r\nContent-Length: %d\r\n\r\n" % len(http) + http
                  + b"\r\n\r\n")
        [capture] = [(c.payload, c.payload_note) for c in iter_captures(io.BytesIO(record))]
        assert capture == (body, "")
