"""Media types from content alone, and text decoding."""

import gzip
import io
import json
import random
import struct
import wave
import zipfile

import pytest
from PIL import Image

from litopys.evidence.media import HEAD_SIZE, decode_text, detect_file_media_type, detect_media_type

UKRAINIAN = "Свідки розповіли, що обстріл почався о шостій ранку; снаряд влучив у житловий будинок."
WARC_RECORD = (
    b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:0>\r\n"
    b"Content-Type: application/warc-fields\r\nContent-Length: 9\r\n\r\nsoftware:\r\n\r\n"
)


def image_bytes(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, fmt)
    return out.getvalue()


def wav_bytes() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\x00\x00" * 100)
    return out.getvalue()


def ftyp(major: bytes, *compatible: bytes) -> bytes:
    box = major + b"\x00\x00\x00\x00" + b"".join(compatible)
    return struct.pack(">I", 8 + len(box)) + b"ftyp" + box + b"\x00\x00\x00\x08free"


def zip_bytes(*entries: tuple[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return out.getvalue()


EBML = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84"

SIGNATURES = {
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf"),
    "png": (image_bytes("PNG"), "image/png"),
    "jpeg": (image_bytes("JPEG"), "image/jpeg"),
    "gif": (image_bytes("GIF"), "image/gif"),
    "webp": (image_bytes("WEBP"), "image/webp"),
    "tiff": (image_bytes("TIFF"), "image/tiff"),
    "heic": (ftyp(b"heic", b"mif1", b"heic"), "image/heic"),
    "heif via mif1": (ftyp(b"mif1", b"mif1", b"heic"), "image/heic"),
    "avif": (ftyp(b"avif", b"mif1"), "image/avif"),
    "mp4": (ftyp(b"isom", b"isom", b"iso2", b"mp41"), "video/mp4"),
    "quicktime": (ftyp(b"qt  ", b"qt  "), "video/quicktime"),
    "3gp": (ftyp(b"3gp5", b"3gp5"), "video/3gpp"),
    "webm": (EBML + b"webm" + b"\x00" * 32, "video/webm"),
    "matroska": (EBML[:-1] + b"\x88matroska" + b"\x00" * 32, "video/x-matroska"),
    "mp3 frame (puremagic)": (b"\xff\xfb\x90\x64" + b"\x00" * 400, "audio/mpeg"),
    "mp3 with id3": (b"ID3\x03\x00\x00\x00\x00\x00\x0a" + b"\x00" * 64, "audio/mpeg"),
    "ogg vorbis": (b"OggS\x00\x02" + b"\x00" * 22 + b"\x01vorbis" + b"\x00" * 30, "audio/ogg"),
    "wav": (wav_bytes(), "audio/wav"),
    "flac": (b"fLaC\x00\x00\x00\x22" + b"\x00" * 40, "audio/flac"),
    "zip": (zip_bytes(("notes.txt", b"hello")), "application/zip"),
    "wacz": (
        zip_bytes(("archive/data.warc.gz", gzip.compress(WARC_RECORD)), ("datapackage.json", b"{}")),
        "application/wacz",
    ),
    "wacz with datapackage only": (zip_bytes(("datapackage.json", b"{}")), "application/wacz"),
    "opendocument": (
        zip_bytes(("mimetype", b"application/vnd.oasis.opendocument.text")),
        "application/vnd.oasis.opendocument.text",
    ),
    "docx": (
        zip_bytes(
            ("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w/>"), compression=zipfile.ZIP_DEFLATED
        ),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "gzip": (gzip.compress(b"not a web archive"), "application/gzip"),
    "gzipped warc": (gzip.compress(WARC_RECORD), "application/warc"),
    "warc": (WARC_RECORD, "application/warc"),
    "warc 1.1": (WARC_RECORD.replace(b"WARC/1.0", b"WARC/1.1"), "application/warc"),
    "sqlite (puremagic)": (b"SQLite format 3\x00" + b"\x00" * 100, "application/x-sqlite3"),
}


@pytest.mark.parametrize("name", SIGNATURES)
def test_binary_formats_are_known_by_their_signature(name):
    head, expected = SIGNATURES[name]
    assert detect_media_type(head) == expected


TEXTS = {
    "doctype": (b"<!DOCTYPE html>\n<html><body>x</body></html>", "text/html"),
    "doctype after bom and blank lines": (b"\xef\xbb\xbf\n\n  <!doctype HTML>\n<p>x", "text/html"),
    "bare html": (b"<HTML>\n<BODY>x</BODY></HTML>", "text/html"),
    "head first": (b"  <head><title>t</title></head>", "text/html"),
    "body first": (b"<body>hi</body>", "text/html"),
    "comment first": (b"<!-- saved from url=(0014)about:internet -->\n<html>", "text/html"),
    "fragment": (b"<div class='post'><p>x</p></div>", "text/html"),
    "xhtml": (b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">', "text/html"),
    "xml feed": (b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel/></rss>', "application/xml"),
    "svg": (b'<svg xmlns="http://www.w3.org/2000/svg" width="1"/>', "image/svg+xml"),
    "json object": (b' {"incident": "shelling", "killed": 3}', "application/json"),
    "json array": (b'[{"a": 1}, {"a": 2}]', "application/json"),
    "json lines": (b'{"a": 1}\n{"a": 2}\n', "application/x-ndjson"),
    "footnote, not json": (b"[1] The prosecutor's office opened a case.", "text/plain"),
    "brace prose, not json": (b"{this is not json at all}", "text/plain"),
    "utf-8 ukrainian": (UKRAINIAN.encode(), "text/plain"),
    "cp1251 ukrainian": ((UKRAINIAN * 3).encode("cp1251"), "text/plain"),
    "koi8-u ukrainian": ((UKRAINIAN * 3).encode("koi8_u"), "text/plain"),
    "utf-16 with bom": (UKRAINIAN.encode("utf-16"), "text/plain"),
    "html in utf-16": ("<!DOCTYPE html><p>Привіт</p>".encode("utf-16"), "text/html"),
    "less-than prose": (b"<5 casualties were reported> in the first statement", "text/plain"),
}


@pytest.mark.parametrize("name", TEXTS)
def test_text_formats_are_known_by_their_opening(name):
    head, expected = TEXTS[name]
    assert detect_media_type(head) == expected


def test_a_json_document_cut_off_by_the_head_is_still_json():
    document = json.dumps([{"name": f"Особа {i}", "place": "Ізюм"} for i in range(5000)], ensure_ascii=False)
    head = document.encode()[:HEAD_SIZE]
    assert len(document.encode()) > HEAD_SIZE
    assert detect_media_type(head) == "application/json"


def test_utf8_text_cut_inside_a_character_is_still_text():
    data = (UKRAINIAN * 2000).encode()
    assert detect_media_type(data[: HEAD_SIZE - 1]) == "text/plain"  # Cyrillic letters are two bytes


@pytest.mark.parametrize(
    "head",
    [b"", random.Random(7).randbytes(HEAD_SIZE), b"\x00\x01\x02\x03" * 100, b"text with a NUL\x00 inside" * 10],
    ids=["empty", "random", "nul bytes", "text with nul"],
)
def test_what_is_nothing_known_is_an_octet_stream(head):
    assert detect_media_type(head) == "application/octet-stream"


def test_a_wacz_found_through_its_central_directory():
    filler = random.Random(1).randbytes(HEAD_SIZE + 1000)
    data = zip_bytes(("pages/screenshot.bin", filler), ("datapackage.json", b"{}"))
    assert detect_media_type(data[:HEAD_SIZE]) == "application/zip"  # the head alone cannot tell
    handle = io.BytesIO(data)
    handle.seek(3)
    handle.seek(0)
    assert detect_file_media_type(handle) == "application/wacz"
    assert handle.tell() == 0


def test_detect_file_media_type_leaves_other_files_where_they_were():
    handle = io.BytesIO(b"<html><body>x</body></html>")
    assert detect_file_media_type(handle) == "text/html"
    assert handle.tell() == 0


class TestDecodeText:
    def test_utf8_as_is(self):
        decoded = decode_text(UKRAINIAN.encode())
        assert (decoded.text, decoded.encoding, decoded.note) == (UKRAINIAN, "utf-8", "")

    def test_utf8_byte_order_mark_is_dropped(self):
        assert decode_text(b"\xef\xbb\xbf" + UKRAINIAN.encode()).text == UKRAINIAN

    @pytest.mark.parametrize("encoding", ["cp1251", "koi8_u"])
    def test_legacy_cyrillic_is_detected_and_noted(self, encoding):
        decoded = decode_text(UKRAINIAN.encode(encoding))
        assert decoded.text == UKRAINIAN
        assert decoded.encoding == encoding
        assert decoded.note.startswith(f"not valid UTF-8; decoded as {encoding}")

    def test_binary_is_not_text(self):
        assert decode_text(random.Random(3).randbytes(4096)) is None

    def test_partial_drops_a_split_character_only_when_asked(self):
        data = "Ї".encode() * 3
        assert decode_text(data[:-1], partial=True).text == "ЇЇ"
        whole = decode_text(data[:-1])
        assert whole is None or whole.encoding != "utf-8"  # without `partial`, a split character is not UTF-8

    def test_a_guess_on_a_few_bytes_is_noted_as_uncertain(self):
        assert "uncertain" in decode_text("Доброго ранку".encode("cp1251")).note
