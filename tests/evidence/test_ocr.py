"""OCR: words read back from pictures we render ourselves (SYNTHETIC text, DejaVu font), claims from a scan."""

import io
import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from litopys.evidence.processors.base import Subject, run_pipeline
from litopys.evidence.processors.ocr import Ocr, is_blank
from litopys.evidence.processors.pdf import PdfText

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

pytestmark = pytest.mark.skipif(not FONT.exists(), reason=f"{FONT} is absent (apt-get install fonts-dejavu-core)")

TEXTS = {
    "uk": "Поліція повідомила, що в Ізюмі виявлено 447 тіл.",
    "ru": "Полиция сообщила, что в лесу найдены тела людей.",
    "en": "The police said that searchers found many bodies.",
}


def render(lines: list[str], size=(1700, 400)) -> Image.Image:
    picture = Image.new("L", size, 255)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(str(FONT), 40)
    for number, line in enumerate(lines):
        draw.text((60, 60 + number * 70), line, fill=0, font=font)
    return picture


def encoded(picture: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    picture.convert("RGB").save(out, format=kind, **({"resolution": 150} if kind == "PDF" else {}))
    return out.getvalue()


def ocr(data: bytes, media_type: str) -> Subject:
    return run_pipeline(Subject.from_bytes(data, media_type, name="synthetic"), [PdfText(), Ocr()])


def words(text: str) -> set[str]:
    return {word.strip(".,").lower() for word in text.split()}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_words_come_back_from_a_png(language):
    subject = ocr(encoded(render([TEXTS[language]]), "PNG"), "image/png")
    assert not subject.errors
    assert words(TEXTS[language]) <= words(subject.text)
    used = subject.metadata["ocr"]["languages"].split("+")
    assert sorted(used) == ["eng", "rus", "ukr"]
    assert used[0] == {"uk": "ukr", "ru": "rus", "en": "eng"}[language]  # the text's own language read first


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_words_come_back_from_an_image_only_pdf(language):
    subject = ocr(encoded(render([TEXTS[language]]), "PDF"), "application/pdf")
    assert subject.metadata["text_note"].startswith("no text layer")  # pypdf found nothing: a scan
    assert words(TEXTS[language]) <= words(subject.text)


def test_each_word_keeps_its_confidence_and_its_span_in_the_text():
    subject = ocr(encoded(render([TEXTS["en"]]), "PNG"), "image/png")
    kinds = {d.kind: d for d in subject.derivatives}
    assert set(kinds) == {"ocr-text", "ocr-words"}
    assert kinds["ocr-text"].data.decode() == subject.text
    found = json.loads(kinds["ocr-words"].data)["words"]
    assert [w["text"] for w in found] == subject.text.split()
    for word in found:
        assert subject.text[word["start"]:word["end"]] == word["text"]
        assert 0 <= word["conf"] <= 100 and len(word["box"]) == 4


def test_a_picture_without_text_is_one_note():
    subject = ocr(encoded(Image.new("RGB", (400, 300), (120, 160, 200)), "PNG"), "image/png")
    assert not subject.errors and not subject.derivatives
    assert subject.metadata["ocr_note"].startswith("no text found")


def test_a_picture_with_no_writing_but_many_colours_is_read_and_is_one_note():
    gradient = Image.linear_gradient("L").resize((400, 300)).convert("RGB")  # not one colour: Tesseract reads it
    assert not is_blank(gradient)
    subject = ocr(encoded(gradient, "PNG"), "image/png")
    assert not subject.errors and not subject.derivatives
    assert subject.metadata["ocr_note"].startswith("no text found")
    assert subject.metadata["ocr"]["pages"] == 1 and subject.metadata["ocr"]["words"] == 0


def test_only_a_picture_of_one_colour_counts_as_blank():
    assert is_blank(Image.new("RGB", (40, 30), (120, 160, 200)))
    assert is_blank(Image.new("RGBA", (40, 30), (1, 2, 3, 4)))
    assert is_blank(Image.new("L", (40, 30), 255))
    one_dot = Image.new("RGB", (40, 30), "white")
    one_dot.putpixel((39, 29), (254, 255, 255))
    assert not is_blank(one_dot)
    text = render([TEXTS["en"]])
    assert not is_blank(text)


def test_a_corrupt_pdf_is_one_line():
    subject = ocr(b"%PDF-1.4\n1 0 obj <<>> garbage and no end", "application/pdf")
    assert len(subject.errors) == 1 and "malformed PDF" in subject.errors[0]["error"]


def test_a_pdf_of_500_pages_is_read_up_to_the_page_limit(settings):
    settings.LITOPYS_OCR_MAX_PAGES = 2
    first = render(["Synthetic page one says hello."], size=(900, 200)).convert("RGB")
    blank = Image.new("RGB", (200, 100), "white")
    out = io.BytesIO()
    first.save(out, format="PDF", save_all=True, append_images=[blank] * 499, resolution=150)
    subject = ocr(out.getvalue(), "application/pdf")
    assert subject.metadata["ocr_note"] == "only the first 2 of 500 pages were read (LITOPYS_OCR_MAX_PAGES)"
    assert subject.metadata["ocr"]["pages"] == 2
    assert "hello" in subject.text


@pytest.mark.django_db
def test_an_image_only_pdf_of_a_ukrainian_text_yields_its_words_and_claim(vault):
    from litopys.evidence.ingest import SourceFacts, ingest_stream
    from litopys.evidence.models import Item
    from litopys.incidents.models import Claim

    scan = encoded(render(["Харківська обласна прокуратура повідомила:", "в Ізюмі виявлено 447 тіл."]), "PDF")
    result = ingest_stream(io.BytesIO(scan), "synthetic-scan.pdf", SourceFacts(published=None))
    item = Item.objects.get(sha256=result.digest)
    assert "виявлено 447 тіл" in item.text
    assert item.language == "uk"
    [claim] = Claim.objects.filter(source_id=result.source_id)
    assert (claim.kind, claim.min, claim.max) == ("bodies", 447, 447)
    assert item.text[claim.start:claim.end] == claim.quote
    ocr_text = item.derivatives.get(derivation="ocr-text")
    assert ocr_text.media_type.startswith("text/plain")
    with vault.open(ocr_text.sha256) as handle:
        assert handle.read().decode("utf-8") == item.text  # the quote points into the derived text too
    assert item.derivatives.filter(derivation="ocr-words").exists()
