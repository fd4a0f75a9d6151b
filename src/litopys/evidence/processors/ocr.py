"""Text read from pictures: images, and PDF pages that carry no text layer (scans), with Tesseract.

Tesseract is Debian's `tesseract-ocr` with the ukr, rus and eng data, called through pytesseract; PDF
pages are rendered with pypdfium2. The text becomes the item's text (so claims are extracted from it and
their quotes point into it) and a derived `ocr-text` item; every word with its confidence and box is kept
as a second derivative, `ocr-words` (JSON, with each word's character span in the text).
"""

from __future__ import annotations

import json
import math
import struct

from PIL import Image

from litopys.evidence import limits
from litopys.evidence.processors.base import Processor, Subject
from litopys.evidence.processors.pdf import PAGE_BREAK
from litopys.evidence.processors.text import UTF8_TEXT

WORDS_JSON = "application/json"


def _setting(name: str, default):
    try:
        from django.conf import settings

        return getattr(settings, name, default)
    except Exception:  # noqa: BLE001 - used without Django too
        return default


class Ocr(Processor):
    """Read the words of an image, or of every page of a PDF without a text layer."""

    name = "ocr"
    media_types = ("image/", "application/pdf")
    #: Tesseract languages, joined with "+"; LITOPYS_OCR_LANGUAGES overrides.
    languages: str = "ukr+rus+eng"
    #: Pages read from one PDF at most; LITOPYS_OCR_MAX_PAGES overrides.
    max_pages: int = 200
    #: Resolution PDF pages are rendered at for reading.
    dpi: int = 300
    #: Largest picture read (width x height); a bigger one is scaled down first.
    max_pixels: int = 40_000_000

    def applies_to(self, subject: Subject) -> bool:
        return super().applies_to(subject) and not subject.media_type.startswith("image/svg")

    def process(self, subject: Subject) -> None:
        if subject.media_type == "application/pdf":
            if any(error["step"] == "pdf-text" for error in subject.errors):
                return  # a PDF that cannot be read already has its one line
            if (subject.text or "").strip(PAGE_BREAK).strip():
                return  # it has a text layer: nothing to read from pictures
            # Pages are rendered one at a time (each is tens of megabytes), again for a second reading.
            def pages():
                return self._pdf_pages(subject)
        else:
            picture = self._image(subject)
            if picture is None:
                return  # the image steps say, in one line, why it cannot be read

            def pages():
                return iter([picture])
        languages = _setting("LITOPYS_OCR_LANGUAGES", self.languages)
        text, texts, words = self._read(pages(), languages)
        # Tesseract favours its first language: when the text is in another one, read it again with that first.
        first = _language_of(text, languages)
        if first and first != languages.split("+")[0]:
            languages = "+".join([first] + [code for code in languages.split("+") if code != first])
            text, texts, words = self._read(pages(), languages)
        import pytesseract

        confidences = [word["conf"] for word in words]
        subject.metadata["ocr"] = {
            "engine": f"tesseract {tesseract_version(pytesseract)}", "languages": languages,
            "pages": len(texts), "words": len(words),
            "mean_confidence": round(sum(confidences) / len(confidences), 1) if confidences else None}
        if not text.strip(PAGE_BREAK).strip():
            subject.metadata["ocr_note"] = "no text found: the picture holds no writing Tesseract can read"
            return
        subject.text = text
        subject.derive("ocr-text", text.encode("utf-8"), UTF8_TEXT)
        subject.derive("ocr-words", json.dumps({"languages": languages, "words": words}, ensure_ascii=False)
                       .encode("utf-8"), WORDS_JSON)

    def _read(self, pages, languages: str) -> tuple[str, list[str], list[dict]]:
        texts, words = [], []
        offset = 0
        for number, picture in enumerate(pages, start=1):
            limits.check_time()
            page_text, page_words = read_words(picture, languages, offset, number)
            texts.append(page_text)
            words.extend(page_words)
            offset += len(page_text) + len(PAGE_BREAK)
        return PAGE_BREAK.join(texts), texts, words

    def _image(self, subject: Subject) -> Image.Image | None:
        cap = limits.current().max_image_pixels
        try:
            with subject.open() as handle:
                picture = Image.open(handle)
                if picture.width * picture.height > cap:
                    return None  # the image steps refuse it, in one line
                if picture.width * picture.height > self.max_pixels:
                    picture.draft("L", (picture.width // 2, picture.height // 2))  # JPEG: decode at half size
                picture.load()
        except (OSError, ValueError, SyntaxError, struct.error, EOFError, Image.DecompressionBombError):
            return None
        if picture.width * picture.height > self.max_pixels:
            picture.thumbnail((8000, 8000))
        return picture

    def _pdf_pages(self, subject: Subject):
        import pypdfium2

        pixels = min(self.max_pixels, limits.current().max_image_pixels)
        with subject.open() as handle:
            try:
                document = pypdfium2.PdfDocument(handle)
            except pypdfium2.PdfiumError as exc:
                name = subject.name or "this PDF"
                raise ValueError(f"{name}: malformed PDF, its pages cannot be rendered ({exc})") from exc
            try:
                limit, setting = min((_setting("LITOPYS_OCR_MAX_PAGES", self.max_pages), "LITOPYS_OCR_MAX_PAGES"),
                                     (limits.current().max_pdf_pages, "LITOPYS_MAX_PDF_PAGES"))
                count = len(document)
                if count > limit:
                    subject.metadata["ocr_note"] = f"only the first {limit} of {count} pages were read ({setting})"
                for index in range(min(count, limit)):
                    page = document[index]
                    # A page can declare any size: render it at `dpi`, or smaller when that would pass `pixels`.
                    width, height = (max(1.0, abs(side)) for side in page.get_size())
                    scale = min(self.dpi / 72, math.sqrt(pixels / (width * height)) * 0.999)  # 0.999: rounding
                    yield page.render(scale=scale, grayscale=True).to_pil()
                    page.close()
            finally:
                document.close()


_LINGUA = {"ukr": "UKRAINIAN", "rus": "RUSSIAN", "eng": "ENGLISH"}


def _language_of(text: str, languages: str) -> str:
    """Return the Tesseract code of the text's language among `languages`, or "" when unsure."""
    names = tuple(_LINGUA[code] for code in languages.split("+") if code in _LINGUA)
    if len(names) < 2 or len(text.strip()) < 20:
        return ""
    from litopys.evidence.processors.language import language_detector

    best = language_detector(names).compute_language_confidence_values(text[:5000])[0]
    if best.value < 0.5:
        return ""
    return {name: code for code, name in _LINGUA.items()}[best.language.name]


_TESSERACT_VERSION: list[str] = []


def tesseract_version(pytesseract) -> str:
    """Tesseract's version, asked once per process (each ask starts the program)."""
    if not _TESSERACT_VERSION:
        _TESSERACT_VERSION.append(str(pytesseract.get_tesseract_version()))
    return _TESSERACT_VERSION[0]


def is_blank(picture: Image.Image) -> bool:
    """Tell whether a picture is one colour throughout (every band the same everywhere): it holds no writing."""
    try:
        extrema = picture.getextrema()
    except (OSError, ValueError):
        return False
    bands = extrema if extrema and isinstance(extrema[0], tuple) else (extrema,)
    return all(low == high for low, high in bands)


def read_words(picture: Image.Image, languages: str, offset: int = 0, page: int = 1) -> tuple[str, list[dict]]:
    """Return the text of one picture, lines and paragraphs kept, and its words with confidence and span.

    A picture of one colour (a blank page, a placeholder image) is not handed to Tesseract: it has no words."""
    if is_blank(picture):
        return "", []
    import pytesseract

    data = pytesseract.image_to_data(picture, lang=languages, output_type=pytesseract.Output.DICT)
    text = ""
    words = []
    previous = None
    for index, word in enumerate(data["text"]):
        word = word.strip()
        if not word:
            continue
        where = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
        if previous is not None:
            if where[:2] != previous[:2]:
                text += "\n\n"
            elif where != previous:
                text += "\n"
            else:
                text += " "
        previous = where
        start = len(text)
        text += word
        words.append({"text": word, "conf": round(float(data["conf"][index]), 1), "page": page,
                      "start": offset + start, "end": offset + len(text),
                      "box": [data["left"][index], data["top"][index], data["width"][index], data["height"][index]]})
    return text, words
