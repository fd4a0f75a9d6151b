"""Turn a file's bytes into text for extraction: UTF-8 (with or without BOM), UTF-16 with BOM, else a best guess."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

#: Signatures of common binary formats (and what to call them in a message).
SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF-": "PDF document",
    b"PK\x03\x04": "ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip archive",
    b"RIFF": "RIFF media file",
    b"\x00\x00\x00": "binary file",
}
#: How much of a file charset-normalizer looks at to guess its encoding.
GUESS_SAMPLE = 1 << 20


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str | None
    #: Why the text may be unusable ("PNG image", "guessed cp1251"); empty when it decoded cleanly.
    note: str = ""
    binary: bool = False


def decode(data: bytes) -> Decoded:
    """Decode ``data``; a binary file gives empty text and a note saying what it looks like."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, encoding in boms:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding)
    for signature, what in SIGNATURES.items():
        if data.startswith(signature):
            return Decoded("", None, what, binary=True)
    if b"\x00" in data[:8192]:
        return Decoded("", None, "binary file", binary=True)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:GUESS_SAMPLE]).best()
    if best is None or best.encoding is None:
        return Decoded(data.decode("utf-8", errors="replace"), None, "not UTF-8 and no encoding could be guessed")
    return Decoded(data.decode(best.encoding, errors="replace"), best.encoding, f"not UTF-8; read as {best.encoding}")
