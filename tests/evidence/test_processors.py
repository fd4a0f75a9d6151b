"""The processor steps on fixtures made here: text, web pages, PDFs, language, images, web archives."""

import io
import json
import random
import struct
import zlib

import pytest
from PIL import Image, ImageDraw, ImageEnhance
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from litopys.evidence.processors import DEFAULT_PROCESSORS, load_processors
from litopys.evidence.processors.archives import WebArchiveSummary
from litopys.evidence.processors.base import Processor, Subject, run_pipeline
from litopys.evidence.processors.images import ImageMetadata, PerceptualHash
from litopys.evidence.processors.language import Language, language_detector
from litopys.evidence.processors.pdf import PdfText
from litopys.evidence.processors.text import PlainText
from litopys.evidence.processors.webpage import HtmlText
from litopys.evidence.similarity import hamming

UKRAINIAN = (
    "Свідок розповів, що обстріл почався о шостій ранку. Снаряд влучив у житловий будинок на вулиці "
    "Шевченка; загинули троє цивільних, серед них дитина. Їхні сусіди ґрунтовно описали, що бачили."
)
RUSSIAN = (
    "Свидетельница рассказала, что обстрел начался в шесть утра. Снаряд попал в жилой дом на улице "
    "Шевченко; погибли трое мирных жителей, среди них ребенок."
)
SENTENCES = {
    "uk": UKRAINIAN,
    "ru": RUSSIAN,
    "en": "The witness said the shelling began at six in the morning and hit an apartment building.",
    "pl": "Świadek powiedział, że ostrzał zaczął się o szóstej rano i trafił w budynek mieszkalny.",
    "de": "Der Zeuge sagte, der Beschuss habe um sechs Uhr morgens begonnen und ein Wohnhaus getroffen.",
    "fr": "Le témoin a déclaré que le bombardement avait commencé à six heures du matin.",
}
PAGE = """<!DOCTYPE html>
<html lang="uk"><head><meta charset="{charset}"><title>Обстріл Харкова 23 вересня</title></head>
<body><nav><a href="/">Головна</a> | <a href="/news">Новини</a> | <a href="/about">Про нас</a></nav>
<article><h1>Обстріл Харкова 23 вересня</h1>
<p>Уранці 23 вересня 2022 року російські війська обстріляли житловий квартал у Харкові. За словами голови
обласної адміністрації, загинули троє цивільних, ще дев'ятеро поранені.</p>
<p>Свідки розповіли, що перший вибух пролунав близько 6:40. Снаряд влучив у п'ятиповерховий будинок
на вулиці Шевченка.</p>
<p>Прокуратура відкрила провадження за статтею 438 Кримінального кодексу України.</p>
</article><footer>© 2022 Редакція</footer><script>var hidden = "це не текст статті";</script></body></html>
"""
PDF_PAGES = [
    "Report of the monitoring mission.\nThree civilians were killed in Izium.",
    "Обстріл Харкова 23 вересня 2022 року.\nЗагинули троє цивільних.",
]


class Marker(Processor):
    """A last step that only says it ran, to show that earlier failures do not stop the pipeline."""

    name = "marker"

    def process(self, subject: Subject) -> None:
        subject.metadata["marker"] = True


def pipeline() -> list[Processor]:
    return [*load_processors(), Marker()]


def pdf_bytes(pages: list[str], title: str = "Shelling report", author: str = "Monitoring mission") -> bytes:
    """Write a PDF by hand, one page per text; any script works through a ToUnicode map."""
    chars = sorted({char for page in pages for char in page if char != "\n"})
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Identity def "
        "1 begincodespacerange <0000> <FFFF> endcodespacerange "
        f"{len(chars)} beginbfchar {' '.join(f'<{ord(c):04X}> <{ord(c):04X}>' for c in chars)} endbfchar "
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
        f"<< /Title ({title}) /Author ({author}) >>".encode(),
    ]
    kids = []
    for text in pages:
        lines = [f"<{''.join(f'{ord(c):04X}' for c in line)}> Tj T*" for line in text.split("\n")]
        content = "\n".join(["BT /F1 12 Tf 72 720 Td 14 TL", *lines, "ET"]).encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {len(objects)} 0 R >>".encode()
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def photo_with_gps(latitude=(49.0, 12.0, 46.08), north="N", longitude=(37.0, 15.0, 24.12), east="E", below=False):
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS 5D Mark IV"
    exif[0x0112] = 6
    exif[0x8769] = {0x9003: "2022:09:23 06:40:12", 0x9011: "+03:00", 0xA431: "012345678"}
    exif[0x8825] = {1: north, 2: latitude, 3: east, 4: longitude, 5: b"\x01" if below else b"\x00", 6: 93.5}
    out = io.BytesIO()
    Image.new("RGB", (320, 240), "gray").save(out, "JPEG", exif=exif)
    return out.getvalue()


def scene(other: bool = False) -> Image.Image:
    image = Image.new("L", (256, 256), 0)
    draw = ImageDraw.Draw(image)
    for x in range(0, 256, 4):
        draw.line([(x, 0), (x, 255)], fill=x)
    if other:
        draw.ellipse([30, 30, 220, 220], fill=255)
        draw.rectangle([0, 100, 256, 140], fill=0)
    else:
        draw.rectangle([40, 60, 140, 200], fill=255)
        draw.polygon([(160, 40), (240, 120), (160, 200)], fill=30)
    return image


def encoded(image: Image.Image, fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def warc_bytes() -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, body in [
        ("https://example.org/a", PAGE.format(charset="utf-8").encode()),
        ("https://example.org/b", b"ok"),
    ]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


def run(data: bytes, media_type: str, name: str = "") -> Subject:
    return run_pipeline(Subject.from_bytes(data, media_type, name=name), pipeline())


class TestPlainText:
    def test_utf8_is_taken_as_is(self):
        subject = run(UKRAINIAN.encode(), "text/plain")
        assert subject.text == UKRAINIAN
        assert subject.metadata["encoding"] == "utf-8"
        assert "encoding_note" not in subject.metadata
        assert subject.derivatives == []  # the original already is UTF-8 text

    def test_a_utf8_byte_order_mark_is_allowed(self):
        assert run(b"\xef\xbb\xbf" + UKRAINIAN.encode(), "text/plain").text == UKRAINIAN

    @pytest.mark.parametrize(("text", "encoding"), [(UKRAINIAN, "cp1251"), (UKRAINIAN, "koi8_u"), (RUSSIAN, "cp1251")])
    def test_a_legacy_encoding_is_detected_and_copied_to_utf8(self, text, encoding):
        subject = run(text.encode(encoding), "text/plain")
        assert subject.errors == []
        assert subject.text == text
        assert subject.metadata["encoding"] == encoding
        assert subject.metadata["encoding_note"].startswith(f"not valid UTF-8; decoded as {encoding}")
        [copy] = subject.derivatives
        assert (copy.kind, copy.data, copy.media_type) == ("text", text.encode("utf-8"), "text/plain; charset=utf-8")

    def test_bytes_that_are_not_text_fail_clearly(self):
        subject = run(random.Random(5).randbytes(2048), "text/plain", name="scan.txt")
        assert subject.errors[0]["step"] == "plain-text"
        assert "scan.txt is not valid UTF-8 and no text encoding fits" in subject.errors[0]["error"]
        assert subject.metadata["marker"] is True


class TestHtmlText:
    def test_main_text_and_title(self):
        subject = run(PAGE.format(charset="utf-8").encode(), "text/html")
        assert subject.errors == []
        assert subject.metadata["title"] == "Обстріл Харкова 23 вересня"
        assert subject.metadata["text_extractor"] == "trafilatura"
        assert subject.text.startswith("Обстріл Харкова 23 вересня\n")
        assert "загинули троє цивільних" in subject.text
        assert "статтею 438 Кримінального кодексу" in subject.text
        assert "це не текст статті" not in subject.text  # scripts are not text
        assert subject.metadata["language"] == "uk"
        [copy] = subject.derivatives
        assert (copy.kind, copy.data.decode("utf-8"), copy.media_type) == (
            "text",
            subject.text,
            "text/plain; charset=utf-8",
        )

    def test_the_declared_charset_is_honoured(self):
        subject = run(PAGE.format(charset="windows-1251").encode("cp1251"), "text/html")
        assert "Свідки розповіли" in subject.text

    def test_a_fragment_too_small_for_trafilatura_falls_back_to_all_visible_text(self):
        subject = run(
            b"<html><head><title>Note</title><style>p{}</style></head><footer>Tiny footer</footer></html>", "text/html"
        )
        assert subject.errors == []
        assert subject.metadata["text_extractor"] == "lxml"
        assert subject.text == "Note\n\nTiny footer"

    @pytest.mark.parametrize("page", [b"", b"   \n", b"<html><body></body></html>", b"<script>x()</script>"])
    def test_a_page_without_text_fails_clearly(self, page):
        subject = run(page, "text/html")
        assert [error["step"] for error in subject.errors] == ["html-text"]
        assert "no text in this HTML" in subject.errors[0]["error"]
        assert subject.text is None and subject.derivatives == []
        assert subject.metadata["marker"] is True

    @pytest.mark.parametrize(
        "page",
        [b"<div>" * 50_000 + b"deep", b"<<<>>><p>a<b>c</p></i></html>" * 500, b"\x00\xff<html>\x00" * 1000],
        ids=["deep nesting", "tag soup", "binary"],
    )
    def test_malformed_html_yields_text_or_a_clear_error(self, page):
        subject = run(page, "text/html")
        assert subject.text or "no text in this HTML" in subject.errors[0]["error"]


class TestPdfText:
    def test_every_page_joined_with_form_feeds(self):
        subject = run(pdf_bytes(PDF_PAGES), "application/pdf")
        assert subject.errors == []
        assert subject.text == "\f".join(PDF_PAGES)
        assert subject.metadata["pages"] == 2
        assert subject.metadata["title"] == "Shelling report"
        assert subject.metadata["author"] == "Monitoring mission"
        assert [(d.kind, d.data.decode()) for d in subject.derivatives] == [("text", "\f".join(PDF_PAGES))]

    def test_a_pdf_without_text_is_noted_not_failed(self):
        subject = run(pdf_bytes([""]), "application/pdf")
        assert subject.errors == []
        assert subject.metadata["pages"] == 1
        assert "need OCR" in subject.metadata["text_note"]
        assert subject.derivatives == []

    @pytest.mark.parametrize(
        ("data", "says"),
        [
            (pdf_bytes(PDF_PAGES)[:900], "probably truncated"),
            (random.Random(9).randbytes(3000), "no %PDF- header"),
            (b"%PDF-1.4\n" + random.Random(9).randbytes(3000), "malformed PDF: "),
            (b"", "no %PDF- header"),
        ],
        ids=["truncated", "random bytes", "header then noise", "empty"],
    )
    def test_a_broken_pdf_is_reported_as_malformed(self, data, says):
        subject = run(data, "application/pdf")
        assert [error["step"] for error in subject.errors] == ["pdf-text"]
        assert subject.errors[0]["error"].startswith("ValueError: malformed PDF: ")
        assert says in subject.errors[0]["error"]
        assert subject.metadata["marker"] is True


class TestLanguage:
    @pytest.mark.parametrize("code", SENTENCES)
    def test_known_answers(self, code):
        subject = Subject.from_bytes(b"", "text/plain")
        subject.text = SENTENCES[code]
        Language().process(subject)
        assert subject.metadata["language"] == code
        assert 0.5 < subject.metadata["language_confidence"] <= 1

    @pytest.mark.parametrize(
        ("code", "phrase"),
        [("ru", "Мама мыла раму"), ("ru", "Да, это правда"), ("uk", "Так, це правда"), ("uk", "Харків під обстрілом")],
    )
    def test_short_russian_and_ukrainian_phrases_are_told_apart(self, code, phrase):
        subject = Subject.from_bytes(b"", "text/plain")
        subject.text = phrase
        Language().process(subject)
        assert subject.metadata["language"] == code

    def test_the_detector_is_built_once(self):
        assert language_detector(Language.languages) is language_detector(Language.languages)

    def test_only_the_opening_is_read(self):
        subject = Subject.from_bytes(b"", "text/plain")
        subject.text = (UKRAINIAN + " ") * 120 + SENTENCES["en"] * 2000
        assert len(subject.text) > 2 * Language.sample_chars
        Language().process(subject)
        assert subject.metadata["language"] == "uk"

    def test_no_text_no_language(self):
        for text in (None, "", "   "):
            subject = Subject.from_bytes(b"", "image/png")
            subject.text = text
            Language().process(subject)
            assert "language" not in subject.metadata

    def test_numbers_alone_are_undetermined(self):
        subject = Subject.from_bytes(b"", "text/plain")
        subject.text = "2022-09-23 06:40 — 3 / 9 / 438"
        Language().process(subject)
        assert "language" not in subject.metadata
        assert subject.metadata["language_note"].startswith("undetermined")

    def test_a_subclass_chooses_other_candidates(self):
        class Unknown(Language):
            languages = ("KLINGON",)

        subject = Subject.from_bytes(b"", "text/plain")
        subject.text = UKRAINIAN
        with pytest.raises(ValueError, match="no language named KLINGON"):
            Unknown().process(subject)


class TestImageMetadata:
    def test_exif_known_answers(self):
        subject = run(photo_with_gps(), "image/jpeg")
        assert subject.errors == []
        meta = subject.metadata
        assert (meta["width"], meta["height"], meta["image_format"]) == (320, 240, "JPEG")
        assert (meta["camera_make"], meta["camera_model"], meta["orientation"]) == ("Canon", "Canon EOS 5D Mark IV", 6)
        assert meta["taken_at"] == "2022-09-23T06:40:12+03:00"
        assert meta["gps"] == {"latitude": 49.2128, "longitude": 37.2567, "altitude": 93.5}
        assert subject.sensitive == {"gps", "camera_serial"}
        assert json.loads(json.dumps(meta)) == meta

    def test_southern_western_and_below_sea_level_are_negative(self):
        data = photo_with_gps(latitude=(33.0, 51.0, 0.0), north="S", longitude=(70.0, 30.0, 0.0), east="W", below=True)
        subject = run(data, "image/jpeg")
        assert subject.metadata["gps"] == {"latitude": -33.85, "longitude": -70.5, "altitude": -93.5}

    def test_an_impossible_position_is_not_recorded(self):
        subject = run(photo_with_gps(latitude=(149.0, 0.0, 0.0)), "image/jpeg")
        assert subject.errors == []
        assert "gps" not in subject.metadata and "gps" not in subject.sensitive
        assert "out of range" in subject.metadata["gps_note"]

    def test_an_image_without_exif_records_its_size_only(self):
        subject = run(encoded(scene()), "image/png")
        assert subject.errors == []
        assert (subject.metadata["width"], subject.metadata["height"]) == (256, 256)
        assert "gps" not in subject.metadata and subject.sensitive == set()

    def test_svg_is_not_a_photograph(self):
        svg = Subject.from_bytes(b"<svg/>", "image/svg+xml")
        assert not ImageMetadata().applies_to(svg) and not PerceptualHash().applies_to(svg)

    def test_heic_without_a_decoder_says_what_is_missing(self):
        heic = struct.pack(">I", 24) + b"ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
        subject = run(heic, "image/heic")
        assert {error["step"] for error in subject.errors} == {"image-metadata", "perceptual-hash"}
        assert "pillow-heif" in subject.errors[0]["error"]


class TestPerceptualHash:
    def test_known_answer(self):
        subject = run(encoded(scene()), "image/png")
        assert subject.phash == "phash:c03b3fc53ac0c53d"

    def test_near_duplicates_are_close_and_different_images_far(self):
        original = run(encoded(scene()), "image/png").phash
        altered = ImageEnhance.Brightness(scene()).enhance(1.1).resize((200, 200)).convert("RGB")
        copy = run(encoded(altered, "JPEG"), "image/jpeg").phash
        other = run(encoded(scene(other=True)), "image/png").phash
        assert hamming(original, copy) <= 4
        assert hamming(original, other) >= 20

    def test_hamming(self):
        assert hamming("phash:0000000000000000", "phash:000000000000000f") == 4
        assert hamming("ffff", "0000") == 16
        with pytest.raises(ValueError, match="different algorithms"):
            hamming("phash:00", "dhash:00")
        with pytest.raises(ValueError, match="not a hexadecimal hash"):
            hamming("phash:zz", "phash:00")

    def test_a_truncated_image_fails_clearly(self):
        data = encoded(scene().convert("RGB"), "JPEG")
        subject = run(data[: len(data) // 2], "image/jpeg")
        assert [error["step"] for error in subject.errors] == ["perceptual-hash"]
        assert "truncated or corrupt image" in subject.errors[0]["error"]
        assert subject.metadata["width"] == 256  # the header was still readable

    def test_a_decompression_bomb_is_refused(self):
        png = encoded(Image.new("L", (1, 1)))
        ihdr = b"IHDR" + struct.pack(">II", 30_000, 30_000) + png[24:29]
        bomb = png[:12] + ihdr + struct.pack(">I", zlib.crc32(ihdr)) + png[33:]
        subject = run(bomb, "image/png")
        assert {error["step"] for error in subject.errors} == {"image-metadata", "perceptual-hash"}
        assert all("decompression bomb" in error["error"] for error in subject.errors)

    def test_the_pixel_limit_is_a_class_attribute(self):
        class Small(PerceptualHash):
            max_pixels = 100

        subject = run_pipeline(Subject.from_bytes(encoded(scene()), "image/png"), [Small()])
        assert "256x256 pixels is over the limit of 100" in subject.errors[0]["error"]


class TestWebArchiveSummary:
    def test_counts_captures(self):
        subject = run(warc_bytes(), "application/warc")
        assert subject.errors == []
        assert subject.metadata["captures"] == 2
        assert subject.metadata["captured_from"] <= subject.metadata["captured_until"]

    def test_random_bytes_fail_on_the_item(self):
        subject = run(random.Random(2).randbytes(4096), "application/warc")
        assert [error["step"] for error in subject.errors] == ["web-archive"]
        assert "WebArchiveError: not a valid web archive: WARC: record 1 is unreadable" in subject.errors[0]["error"]
        assert subject.metadata["marker"] is True


class TestLoading:
    def test_default_order_puts_text_before_language(self):
        names = [processor.name for processor in load_processors()]
        assert names == [
            "plain-text",
            "html-text",
            "pdf-text",
            "ocr",
            "web-archive",
            "language",
            "image-metadata",
            "perceptual-hash",
        ]
        assert len(DEFAULT_PROCESSORS) == len(names)
        assert len({type(processor) for processor in load_processors()}) == len(names)

    def test_a_path_that_does_not_import_is_named(self):
        with pytest.raises(ValueError, match="'litopys.evidence.processors.nope.Thing' does not import"):
            load_processors(["litopys.evidence.processors.text.PlainText", "litopys.evidence.processors.nope.Thing"])
        with pytest.raises(ValueError, match="'PlainText' does not import"):
            load_processors(["PlainText"])

    def test_a_class_that_is_not_a_processor_is_refused(self):
        with pytest.raises(ValueError, match="is not a Processor subclass"):
            load_processors(["litopys.evidence.webarchive.Capture"])

    def test_every_step_has_a_name_and_a_docstring(self):
        for processor in load_processors():
            assert processor.name and type(processor).__doc__


def test_each_step_applies_to_its_own_media_types():
    subject = Subject.from_bytes(b"", "application/pdf")
    applicable = [p.name for p in load_processors() if p.applies_to(subject)]
    assert applicable == ["pdf-text", "ocr", "language"]
    assert [p.name for p in (PlainText(), HtmlText(), PdfText(), WebArchiveSummary()) if p.applies_to(subject)] == [
        "pdf-text"
    ]
