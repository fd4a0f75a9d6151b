"""Fuzz the processors: 10,000 mutated WARC, WACZ, PDF, HTML, image and WordPress (WXR) inputs, fixed seed.

Each input is a synthetic seed file with a few mutations (bit flips, insertions, deletions, duplicated
runs, truncation, and tokens that matter to the format: lengths, chunk sizes, gzip, `%%EOF`). What must hold:

- **no crash**: a step either succeeds or raises a `ValueError` raised by Litopys itself (a clear refusal:
  malformed PDF, not a valid web archive, refused by a limit); anything else (a library's exception, a
  `MemoryError`, a `RecursionError`) fails the test;
- **no unbounded growth**: extracted text within `LITOPYS_MAX_TEXT_BYTES`, derivatives and metadata bounded,
  records within `LITOPYS_MAX_RECORD_BYTES`, and each input's peak resident memory at most 256 MiB over the
  memory before it (Linux's high-water mark, reset before each input).

Hypothesis runs derandomized (a fixed seed), without a database of examples, with no per-example deadline.
`EXAMPLES` splits the 10,000 inputs across the formats so that the whole test takes under a minute on one
core. OCR is left out: each call runs Tesseract (about 0.2 s); its inputs pass the same page and pixel limits.
"""

import functools
import gzip
import io
import json
import logging
import os
import traceback
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

import litopys
from litopys.evidence.limits import current
from litopys.evidence.media import detect_media_type
from litopys.evidence.processors import load_processors
from litopys.evidence.processors.base import Subject
from litopys.evidence.webarchive import iter_captures
from litopys.exchange.wordpress.blocks import convert
from litopys.exchange.wordpress.posts import footnotes_of
from litopys.exchange.wordpress.wxr import parse_wxr_bytes
from tests.evidence.test_processors import encoded, pdf_bytes, photo_with_gps, scene
from tests.evidence.test_webarchive import CHUNKED, handmade_record, wacz_bytes, warc_bytes

#: Inputs per format: 10,000 in all.
EXAMPLES = {"warc": 1700, "wacz": 1650, "pdf": 1650, "html": 1700, "image": 1650, "wxr": 1650}
assert sum(EXAMPLES.values()) == 10_000

PROCESSORS = load_processors([
    "litopys.evidence.processors.text.PlainText",
    "litopys.evidence.processors.webpage.HtmlText",
    "litopys.evidence.processors.pdf.PdfText",
    "litopys.evidence.processors.archives.WebArchiveSummary",
    "litopys.evidence.processors.language.Language",
    "litopys.evidence.processors.images.ImageMetadata",
    "litopys.evidence.processors.images.PerceptualHash",
])
OURS = os.path.dirname(litopys.__file__)
MAX_INPUT = 512 * 1024
MIB = 1024 * 1024

PAGES = [
    b"<!doctype html><html><head><meta charset='windows-1251'><title>\xd0\xe0\xef\xee\xf0\xf2</title></head>"
    b"<body><article><p>Synthetic report: \xf3 \xf1\xe5\xeb\xb3 two houses burned.</p></article></body></html>",
    "<html><body><div><div><table><tr><td>Синтетичний звіт: 3 загиблих</td></tr></table></div></div>"
    "<script>var x = '<p>';</script><p>Ще один абзац тексту.</p></body></html>".encode(),
    b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><head><title>T</title></head>"
    b"<body><p>Synthetic XHTML page.</p><!-- comment --></body></html>",
]
WXR = (Path(__file__).parent.parent / "exchange" / "data" / "synthetic-export.xml").read_bytes()


def _pdf_compressed() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(["Synthetic page one", "Сторінка два"]))))
    for page in writer.pages:
        page.compress_content_streams()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _images() -> list[bytes]:
    small = scene().resize((64, 64))
    return [encoded(small), photo_with_gps(), encoded(small, "GIF"), encoded(small, "TIFF"),
            encoded(small.convert("RGB"), "WEBP"), encoded(Image.new("RGBA", (16, 16), (1, 2, 3, 4)), "PNG")]


def _record(http: bytes) -> bytes:
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:fuzz>\r\nWARC-Date: 2022-09-23T10:00:00Z"
            b"\r\nWARC-Target-URI: https://example.org/fuzz\r\nContent-Length: %d\r\n\r\n" % len(http) + http
            + b"\r\n\r\n")


_DEFLATED = zlib.compress(b"Synthetic report: a bridge was hit at dawn.")
#: HTTP messages a rebuilt record carries: chunked, gzipped, deflated, plain text.
HTTP_SEEDS = [
    CHUNKED,
    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n\r\n"
    + gzip.compress("Синтетичний звіт: двоє поранених.".encode()),
    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: deflate\r\nTransfer-Encoding: chunked\r\n\r\n"
    + b"%x\r\n%s\r\n0\r\n\r\n" % (len(_DEFLATED), _DEFLATED),
    b"HTTP/1.0 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nnot here",
]
SEEDS = {
    "warc": [warc_bytes(False), warc_bytes(True), handmade_record(CHUNKED),
             _record(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                     + gzip.compress(PAGES[1]))],
    "wacz": [wacz_bytes(("archive/data.warc", warc_bytes(False))), wacz_bytes(("archive/data.warc.gz",
                                                                                warc_bytes(True)))],
    "pdf": [pdf_bytes(["Synthetic report", "Друга сторінка"]), _pdf_compressed()],
    "html": PAGES,
    "image": _images(),
    "wxr": [WXR],
}
MEDIA_TYPES = {"warc": "application/warc", "wacz": "application/wacz", "pdf": "application/pdf",
               "html": "text/html", "wxr": "application/xml"}

TOKENS = [b"\r\n\r\n", b"\r\n", b"\n", b"Content-Length: 99999999999\r\n", b"Content-Length: -1\r\n",
          b"Transfer-Encoding: chunked\r\n", b"Content-Encoding: gzip\r\n", b"Content-Encoding: deflate\r\n",
          b"WARC/1.0\r\n", b"WARC-Type: response\r\n", b"ffffffff\r\n", b"0\r\n\r\n", b"%%EOF", b"endstream",
          b" 0 obj", b"<<", b">>", b"/Length 999999999", b"xref", b"trailer", b"/Filter /FlateDecode",
          b"/Count 999999999", b"<div>" * 40, b"<![CDATA[", b"]]>", b"&amp;", b"&#x0;", b"\x00" * 64, b"\xff" * 16,
          b"PK\x03\x04", b"PK\x01\x02", gzip.compress(bytes(200_000)), b"\x1f\x8b\x08", zipfile.ZIP_DEFLATED.to_bytes(),
          b"<!--", b"<script>", "Їжак у тумані".encode(), b"IHDR", b"IDAT", b"IEND", b"Exif\x00\x00",
          b"\xff\xd8\xff\xe1", b"\xff\xff\xff\x7f", b"a:3:{i:0;s:99999:", b"<!-- wp:paragraph -->", b"[caption]"]
#: Inputs made from one Hypothesis example: each is its seed mutated by one program (see `mutate`).
BATCH = 5
#: A mutation program: every 4 bytes are one mutation (what, where, how much), as a fuzzer's data provider reads.
PROGRAMS = st.lists(st.binary(min_size=4, max_size=24), min_size=BATCH, max_size=BATCH)


def mutate(seed: bytes, program: bytes) -> bytes:
    """Apply a mutation program to seed: flips, insertions, deletions, duplicated runs, truncation, tokens."""
    data = bytearray(seed)
    for index in range(0, len(program) - 3, 4):
        what, high, low, amount = program[index : index + 4]
        at = ((high << 8) | low) * (len(data) + 1) // 65536
        operation = what % 7
        if operation == 0 and data:  # flip bits
            data[min(at, len(data) - 1)] ^= amount or 1
        elif operation == 1:  # insert bytes
            data[at:at] = bytes([amount]) * (1 + what // 7 % 16)
        elif operation == 2:  # delete a run
            del data[at : at + amount + 1]
        elif operation == 3:  # duplicate a run, several times
            data[at:at] = data[at : at + amount + 1] * (1 + what // 7 % 8)
        elif operation == 4:  # truncate
            del data[at:]
        elif operation == 5:  # insert a token that matters to some format
            data[at:at] = TOKENS[amount % len(TOKENS)]
        else:  # overwrite with a number's digits
            digits = str(amount * 1_000_003 ** (what % 4)).encode()
            data[at : at + len(digits)] = digits
        del data[MAX_INPUT:]
    return bytes(data)


def _high_water() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmHWM:", "VmRSS:")):
                _, value, _unit = line.split()
                if line.startswith("VmHWM:"):
                    return int(value) * 1024
    return 0


def _resident() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _reset_high_water() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


def check_ours(exc: BaseException, where: str) -> None:
    """Allow only a ValueError that Litopys itself raised (a clear refusal); fail on anything else."""
    frames = traceback.extract_tb(exc.__traceback__)
    raised_here = bool(frames) and frames[-1].filename.startswith(OURS)
    if not (isinstance(exc, ValueError) and raised_here and str(exc).strip()):
        raise AssertionError(f"{where} crashed: {type(exc).__name__}: {exc}") from exc


def check_bounded(subject: Subject) -> None:
    limits = current()
    assert subject.text is None or len(subject.text.encode("utf-8", "surrogatepass")) <= limits.max_text_bytes
    assert sum(len(d.data) for d in subject.derivatives) <= 3 * limits.max_text_bytes
    assert len(json.dumps(subject.metadata, default=str)) < MIB
    assert all(len(error["error"]) < 10_000 for error in subject.errors)


def process(data: bytes, media_type: str) -> None:
    subject = Subject.from_bytes(data, media_type, name="fuzz")
    for processor in PROCESSORS:
        if processor.applies_to(subject):
            try:
                processor.process(subject)
            except Exception as exc:  # noqa: BLE001 - judged by check_ours
                check_ours(exc, processor.name)
    check_bounded(subject)


def process_archive(data: bytes, media_type: str) -> None:
    """Run the processors on the archive, then on each capture's body, as ingest does."""
    process(data, media_type)
    try:
        for capture in iter_captures(io.BytesIO(data)):
            if capture.record is not None:
                assert capture.record_size <= current().max_record_bytes + 2 * MIB
            if capture.payload:
                process(capture.payload, detect_media_type(capture.payload[:65536]))
    except Exception as exc:  # noqa: BLE001 - judged by check_ours
        check_ours(exc, "iter_captures")


def process_wxr(data: bytes) -> None:
    try:
        export = parse_wxr_bytes(data, name="fuzz.xml")
    except Exception as exc:  # noqa: BLE001 - judged by check_ours
        check_ours(exc, "parse_wxr_bytes")
        return
    for item in export.items:
        try:
            result = convert(item.content, footnotes=footnotes_of(item))
        except Exception as exc:  # noqa: BLE001 - judged by check_ours
            check_ours(exc, f"convert (item {item.id})")
            continue
        assert len(result.markdown) <= 20 * len(item.content) + 10_000


def rebuilt_warc(http: bytes, program: bytes) -> bytes:
    """A record whose HTTP message is mutated but whose Content-Length stays right: the body decoders are reached."""
    data = _record(mutate(http, program))
    return gzip.compress(data) if program[0] % 2 else data


def rebuilt_wxr(program: bytes) -> bytes:
    """The export with one post's content mutated inside its CDATA: the XML stays well formed, the HTML does not."""
    starts = [i + 26 for i in range(len(WXR)) if WXR.startswith(b"<content:encoded><![CDATA[", i)]
    start = starts[program[0] % len(starts)]
    end = WXR.index(b"]]>", start)
    return WXR[:start] + mutate(WXR[start:end], program) + WXR[end:]


@pytest.fixture(scope="module", autouse=True)
def warm_up():
    """Load lingua's models once before the examples run; keep pypdf's warnings on broken files off the log."""
    for seed in PAGES:
        process(seed, "text/html")
    pypdf = logging.getLogger("pypdf")
    level, pypdf.level = pypdf.level, logging.ERROR
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's and pypdf's warnings on damaged files
        yield
    pypdf.level = level


def fuzz(fmt: str):
    return settings(max_examples=EXAMPLES[fmt] // BATCH, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


def measured(run, data: bytes):
    """Run one input; fail if its peak memory rose more than 256 MiB over the memory before it."""
    tracked = _reset_high_water()
    before = _resident()
    try:
        run(data)
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n(input of {len(data)} bytes: {data[:300]!r}…)") from exc
    if tracked:
        grew = _high_water() - before
        assert grew < 256 * MIB, f"one input took {grew / MIB:.0f} MiB more memory: {data[:300]!r}…"


@fuzz("warc")
@given(seeds=st.lists(st.sampled_from(range(len(SEEDS["warc"]))), min_size=BATCH, max_size=BATCH),
       programs=PROGRAMS)
def test_fuzz_warc(seeds, programs):
    for seed, program in zip(seeds, programs, strict=True):
        if program[0] % 3 == 0:
            data = rebuilt_warc(HTTP_SEEDS[seed % len(HTTP_SEEDS)], program[1:] or b"\0\0\0\0")
        else:
            data = mutate(SEEDS["warc"][seed], program)
        measured(lambda data: process_archive(data, "application/warc"), data)


@fuzz("wacz")
@given(seeds=st.lists(st.sampled_from(range(len(SEEDS["warc"]))), min_size=BATCH, max_size=BATCH),
       programs=PROGRAMS)
def test_fuzz_wacz(seeds, programs):
    for seed, program in zip(seeds, programs, strict=True):
        if program[0] % 2:  # a mutated WARC in a well-formed zip
            out = io.BytesIO()
            warc = SEEDS["warc"][seed]
            name = "archive/data.warc" + (".gz" if warc[:2] == b"\x1f\x8b" else "")
            with zipfile.ZipFile(out, "w", (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)[program[1] % 2]) as archive:
                archive.writestr(name, mutate(warc, program))
                archive.writestr("datapackage.json", b"{}")
            data = out.getvalue()
        else:  # the zip itself mutated
            data = mutate(SEEDS["wacz"][seed % len(SEEDS["wacz"])], program)
        measured(lambda data: process_archive(data, "application/wacz"), data)


def _process_as(media_type: str, data: bytes) -> None:
    process(data, media_type)


def _simple(fmt: str, media_type=None):
    @fuzz(fmt)
    @given(seeds=st.lists(st.sampled_from(range(len(SEEDS[fmt]))), min_size=BATCH, max_size=BATCH),
           programs=PROGRAMS)
    def run(seeds, programs):
        for seed, program in zip(seeds, programs, strict=True):
            data = mutate(SEEDS[fmt][seed], program)
            # Half the inputs are processed as what their bytes now look like, half as what they were.
            declared = detect_media_type(data) if program[-1] % 2 or media_type is None else media_type
            measured(functools.partial(_process_as, declared), data)

    return run


test_fuzz_pdf = _simple("pdf", "application/pdf")
test_fuzz_html = _simple("html", "text/html")
test_fuzz_image = _simple("image")


@fuzz("wxr")
@given(programs=PROGRAMS)
def test_fuzz_wxr(programs):
    for program in programs:
        data = rebuilt_wxr(program) if program[0] % 2 else mutate(WXR, program)
        measured(process_wxr, data)
