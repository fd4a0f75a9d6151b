"""Redaction: spans of a text and rectangles of a picture blacked out, and faces suggested. Plain Python.

A text keeps its length: every redacted character becomes a full block (line breaks stay), so character
offsets into the original — the quote spans of claims — still point at the same place in the redacted copy.
A picture is re-encoded as PNG with the rectangles filled black; nothing of the original's metadata (EXIF,
GPS) is carried over. A PDF page is rendered to a picture first (`PAGE_DPI`), and its rectangles are in the
pixels of that picture.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from PIL import Image, ImageDraw

BLOCK = "█"
#: Resolution a PDF page is rendered at for redaction; rectangles on a page are in these pixels.
PAGE_DPI = 150
#: The face detector: OpenCV's bundled Haar cascade (shipped in the opencv-python-headless wheel).
FACE_CASCADE = "haarcascade_frontalface_default.xml"
#: Largest picture redacted (width x height), against decompression bombs.
MAX_PIXELS = 80_000_000


class RedactionError(ValueError):
    """A span, rectangle or page that cannot be applied; the message names it and the fix."""


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int

    def as_list(self) -> list[int]:
        return [self.x, self.y, self.w, self.h]


def parse_span(text: str) -> tuple[int, int]:
    """Read "a:b" (characters a up to b, counted from 0)."""
    match = re.fullmatch(r"\s*(\d+)\s*:\s*(\d+)\s*", text)
    if not match:
        raise RedactionError(f"span {text!r} is not START:END, e.g. 120:135 (character offsets, from 0)")
    start, end = int(match[1]), int(match[2])
    if end <= start:
        raise RedactionError(f"span {text!r} ends before it starts; give START:END with END > START")
    return start, end


def parse_box(text: str) -> Box:
    """Read "x,y,w,h" (pixels from the top left corner)."""
    match = re.fullmatch(r"\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*", text)
    if not match:
        raise RedactionError(f"rectangle {text!r} is not X,Y,WIDTH,HEIGHT in pixels, e.g. 40,60,120,150")
    box = Box(*(int(part) for part in match.groups()))
    if box.w == 0 or box.h == 0:
        raise RedactionError(f"rectangle {text!r} is empty; give a width and a height above 0")
    return box


def phrase_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """Return the spans of every occurrence of a phrase, ignoring case."""
    if not phrase.strip():
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(phrase.strip()), text, flags=re.IGNORECASE)]


def check_spans(spans, length: int) -> list[tuple[int, int]]:
    for start, end in spans:
        if end > length:
            raise RedactionError(f"span {start}:{end} reaches past the end of the text ({length} characters)")
    return sorted(set(spans))


def redact_text(text: str, spans) -> str:
    """Return text with every character in the spans blacked out (line breaks kept), its length unchanged."""
    chars = list(text)
    for start, end in spans:
        for index in range(start, min(end, len(chars))):
            if chars[index] not in "\r\n":
                chars[index] = BLOCK
    return "".join(chars)


def redact_quote(quote: str, start: int, end: int, original: str, spans) -> str:
    """Black out of a quote (characters start..end of `original`) what the spans black out of the text."""
    if original[start:end] == quote:
        local = [(max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start]
        return redact_text(quote, local)
    # The quote was edited since: black out every redacted passage wherever it appears in it.
    for a, b in spans:
        passage = original[a:b].strip()
        if passage:
            quote = re.sub(re.escape(passage), lambda m: redact_text(m[0], [(0, len(m[0]))]), quote,
                           flags=re.IGNORECASE)
    return quote


def open_picture(data: bytes, name: str = "the picture") -> Image.Image:
    try:
        picture = Image.open(io.BytesIO(data))
        if picture.width * picture.height > MAX_PIXELS:
            raise RedactionError(f"{name} is {picture.width}x{picture.height} pixels, more than {MAX_PIXELS} "
                                 "can be redacted here; scale it down first")
        picture.load()
    except (OSError, Image.DecompressionBombError, ValueError) as exc:
        raise RedactionError(f"{name} cannot be read as a picture ({exc})") from None
    return picture


def render_page(data: bytes, page: int, name: str = "the PDF") -> Image.Image:
    """Render page `page` (from 1) of a PDF at PAGE_DPI."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise RedactionError(f"{name} is a malformed PDF; its pages cannot be rendered ({exc})") from None
    try:
        if not 1 <= page <= len(document):
            raise RedactionError(f"{name} has {len(document)} page(s); give --page from 1 to {len(document)}")
        handle = document[page - 1]
        picture = handle.render(scale=PAGE_DPI / 72).to_pil()
        handle.close()
        return picture
    finally:
        document.close()


def black_out(picture: Image.Image, boxes) -> bytes:
    """Return the picture as PNG with the rectangles filled black; no metadata of the original is kept."""
    for box in boxes:
        if box.x >= picture.width or box.y >= picture.height:
            raise RedactionError(f"rectangle {box.x},{box.y},{box.w},{box.h} lies outside the picture "
                                 f"({picture.width}x{picture.height} pixels)")
    clean = picture.convert("RGBA" if "A" in picture.getbands() else "RGB")
    draw = ImageDraw.Draw(clean)
    for box in boxes:
        draw.rectangle([box.x, box.y, box.x + box.w - 1, box.y + box.h - 1], fill="black")
    out = io.BytesIO()
    clean.save(out, format="PNG")
    return out.getvalue()


def suggest_faces(picture: Image.Image) -> list[Box]:
    """Return rectangles where OpenCV's bundled face detector sees a face (front view), largest first.

    A suggestion to check by eye, not a guarantee: faces in profile, small, dark or covered are missed.
    """
    import cv2
    import numpy

    detector = cv2.CascadeClassifier(cv2.data.haarcascades + FACE_CASCADE)
    if detector.empty():
        raise RedactionError(f"OpenCV's face cascade {FACE_CASCADE} is missing; reinstall opencv-python-headless<5")
    grey = numpy.asarray(picture.convert("L"))
    found = detector.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(24, 24))
    boxes = [Box(int(x), int(y), int(w), int(h)) for x, y, w, h in found]
    return sorted(boxes, key=lambda box: box.w * box.h, reverse=True)
