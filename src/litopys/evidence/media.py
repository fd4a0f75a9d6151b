"""Tell what bytes are from their content alone: media type and text encoding.

A file name or a declared type is what somebody said; the bytes are what arrived. Both
functions here look only at a head of the file (`HEAD_SIZE` bytes), so they are cheap
enough to run on every ingested item.
"""

from __future__ import annotations

import codecs
import json
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO

import charset_normalizer
import puremagic

#: How much of a file the detectors need; more is ignored.
HEAD_SIZE = 64 * 1024

OCTET_STREAM = "application/octet-stream"

#: Below this many bytes, a guessed text encoding is noted as uncertain.
SURE_GUESS_SIZE = 200

#: Share of control characters above which decoded bytes are not text but binary.
MAX_CONTROL_RATIO = 0.01

# C0 controls except tab, newlines, form feed and escape; DEL; C1 controls (mojibake).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# WHATWG MIME sniffing: a document opening with one of these (case-insensitive, then a space or ">")
# is HTML.
_HTML_OPENINGS = re.compile(
    r"<(!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p)[\s>]"
)
_COMMENT = re.compile(r"\s*<!--.*?-->", re.DOTALL)
_XML_ROOT = re.compile(r"<(?![?!])(?:[\w.-]+:)?([A-Za-z_][\w.-]*)")
_FTYP_TYPES = {
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"heim": "image/heic",
    b"heis": "image/heic",
    b"hevc": "image/heic-sequence",
    b"hevx": "image/heic-sequence",
    b"avif": "image/avif",
    b"avis": "image/avif",
    b"qt  ": "video/quicktime",
    b"M4A ": "audio/mp4",
    b"M4B ": "audio/mp4",
}
_OOXML_FOLDERS = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
_MEDIA_TYPE = re.compile(r"[a-z]+/[\w.+-]+")


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, with the encoding that fitted and, when it was guessed, why."""

    text: str
    encoding: str
    note: str = ""


def detect_media_type(head: bytes) -> str:
    """Return the media type of a file from its first bytes (8-64 KiB are plenty)."""
    head = head[:HEAD_SIZE]
    if not head:
        return OCTET_STREAM
    media_type = _binary_type(head)
    if media_type:
        return media_type
    decoded = decode_text(head, partial=True)
    if decoded is not None:
        return _text_type(decoded.text)
    try:
        guesses = puremagic.magic_string(head)
    except (puremagic.PureError, ValueError):
        guesses = []
    return next((guess.mime_type for guess in guesses if guess.mime_type), OCTET_STREAM)


def detect_file_media_type(fileobj: BinaryIO) -> str:
    """Return the media type of an open, seekable file; for a zip, consult its central directory too."""
    start = fileobj.tell()
    media_type = detect_media_type(fileobj.read(HEAD_SIZE))
    fileobj.seek(start)
    if media_type == "application/zip":
        try:
            with zipfile.ZipFile(fileobj) as archive:
                media_type = _zip_type(archive.namelist(), mimetype=None) or media_type
        except (zipfile.BadZipFile, OSError, EOFError):
            pass  # a broken zip is still a zip; reading it will say what is wrong
        finally:
            fileobj.seek(start)
    return media_type


def decode_text(data: bytes, *, partial: bool = False) -> DecodedText | None:
    """Decode bytes that are text: UTF-8 or a byte-order mark as declared, else by detection; None if not text.

    With `partial`, `data` is a head cut anywhere, so a character split at its end is dropped.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            note = "" if encoding == "utf-8-sig" else f"{encoding.upper()} with a byte-order mark"
            return _checked(_decode(data, encoding, partial), "utf-8" if encoding == "utf-8-sig" else encoding, note)
    text = _decode(data, "utf-8", partial)
    if text is not None:
        return _checked(text, "utf-8", "")
    if b"\x00" in data:
        return None  # binary; legacy 8-bit text encodings have no NUL
    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        return None
    equals = [name for name in match.could_be_from_charset if name != match.encoding]
    note = f"not valid UTF-8; decoded as {match.encoding} by charset detection"
    if equals:
        note += f" ({', '.join(equals)} would give the same text)"
    if len(data) < SURE_GUESS_SIZE:
        note += f"; only {len(data)} bytes, so the guess is uncertain"
    return _checked(str(match), match.encoding, note)


def _decode(data: bytes, encoding: str, partial: bool) -> str | None:
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(data, final=not partial)
    except UnicodeDecodeError:
        return None


def _checked(text: str | None, encoding: str, note: str) -> DecodedText | None:
    if text is None or len(_CONTROL.findall(text)) > len(text) * MAX_CONTROL_RATIO:
        return None
    return DecodedText(text=text, encoding=encoding, note=note)


def _binary_type(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")):
        return "image/tiff"
    if head.startswith(b"RIFF") and len(head) >= 12:
        return {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}.get(head[8:12])
    if head[4:8] == b"ftyp":
        return _ftyp_type(head)
    if head[4:8] in (b"moov", b"mdat", b"wide") and struct.unpack(">I", head[:4])[0] >= 8:
        return "video/quicktime"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm" if b"webm" in head[:64] else "video/x-matroska"
    if head.startswith(b"ID3") and head[3:4] in (b"\x02", b"\x03", b"\x04"):
        return "audio/mpeg"
    if head.startswith(b"OggS\x00"):
        return "video/ogg" if head[28:35] == b"\x80theora" else "audio/ogg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"WARC/1."):
        return "application/warc"
    if head.startswith(b"\x1f\x8b"):
        return _gzip_type(head)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_type(*_zip_local_entries(head)) or "application/zip"
    return None


def _ftyp_type(head: bytes) -> str:
    box_size = struct.unpack(">I", head[:4])[0]
    major = head[8:12]
    brands = [major] + [head[i : i + 4] for i in range(16, min(box_size, len(head)) - 3, 4)]
    if major in (b"mif1", b"msf1"):
        return next((_FTYP_TYPES[b] for b in brands if b in (b"heic", b"heix", b"avif")), "image/heif")
    return _FTYP_TYPES.get(major) or ("video/3gpp" if major.startswith((b"3gp", b"3g2")) else "video/mp4")


def _gzip_type(head: bytes) -> str:
    try:
        first = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
    except zlib.error:
        return "application/gzip"
    return "application/warc" if first.startswith(b"WARC/1.") else "application/gzip"


def _zip_local_entries(head: bytes) -> tuple[list[str], bytes | None]:
    """Walk the local file headers inside `head`; return the entry names and a stored `mimetype` entry."""
    names: list[str] = []
    mimetype = None
    offset = 0
    while head[offset : offset + 4] == b"PK\x03\x04" and offset + 30 <= len(head):
        flags, method, _, _, _, size, _, name_len, extra_len = struct.unpack(
            "<HHHHIIIHH", head[offset + 6 : offset + 30]
        )
        name = head[offset + 30 : offset + 30 + name_len].decode("utf-8", "replace")
        data_start = offset + 30 + name_len + extra_len
        if name == "mimetype" and not names and method == 0:
            mimetype = head[data_start : data_start + size]
        names.append(name)
        if flags & 0x08 or size == 0xFFFFFFFF:
            break  # the size follows the data (or is in zip64 extras): the next header cannot be found
        offset = data_start + size
    return names, mimetype


def _zip_type(names: list[str], mimetype: bytes | None) -> str | None:
    if mimetype and _MEDIA_TYPE.fullmatch(declared := mimetype.decode("ascii", "replace").strip()):
        return declared  # OpenDocument, EPUB
    if "datapackage.json" in names or any(re.fullmatch(r"archive/[^/]+\.warc(\.gz)?", name) for name in names):
        return "application/wacz"
    if "[Content_Types].xml" in names:
        return next((t for folder, t in _OOXML_FOLDERS.items() if any(n.startswith(folder) for n in names)), None)
    return None


def _text_type(text: str) -> str:
    stripped = text.lstrip()
    if stripped[:5].lower() == "<?xml":
        return _xml_type(stripped)
    opening = _COMMENT.sub("", stripped[:1024].lower(), count=8).lstrip()
    if _HTML_OPENINGS.match(opening + " ") or opening.startswith("<!--") or (not opening and stripped[:1] == "<"):
        return "text/html"
    if opening.startswith(("<svg", "<!doctype svg")) or (opening.startswith("<") and "xmlns" in opening):
        return _xml_type(opening)
    if stripped[:1] in ("{", "["):
        return _json_type(stripped)
    return "text/plain"


def _xml_type(text: str) -> str:
    root = _XML_ROOT.search(_COMMENT.sub("", text[:4096]))
    name = root.group(1).lower() if root else ""
    return {"html": "text/html", "svg": "image/svg+xml"}.get(name, "application/xml")


def _json_type(text: str) -> str:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            first_line = text.partition("\n")[0]
            lines = _parses(first_line) and text[exc.pos :].lstrip()[:1] in ("{", "[")
            return "application/x-ndjson" if lines else "text/plain"
        # A document cut off by the end of the head fails only at its very end (or inside a long string).
        if exc.msg.startswith("Unterminated string") or exc.pos >= len(text) - 8:
            return "application/json"
        return "text/plain"
    return "application/json"


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True
