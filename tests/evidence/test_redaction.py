"""Redaction: spans of a text, rectangles of a picture or a PDF page, faces suggested by OpenCV's bundled
cascade; each redaction a derived item with a custody event, the original untouched.

Every picture here is drawn by the test; every text is synthetic."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFilter

from litopys.evidence import redaction, sealed
from litopys.evidence.actions import redact
from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.models import CustodyEvent, Item
from litopys.evidence.selectors import public_copy, public_quote, redacted_copy

NAME = "Hanna Synthetic-Doe"
TEXT = f"Synthetic statement. {NAME} counted 12 bodies; {NAME.upper()} then left for Kharkiv.\n"


def test_text_redaction_keeps_the_length_and_the_line_breaks():
    assert redaction.redact_text("ab\ncd", [(1, 4)]) == "a█\n█d"
    spans = redaction.phrase_spans(TEXT, NAME)
    assert len(spans) == 2  # case is ignored
    redacted = redaction.redact_text(TEXT, spans)
    assert len(redacted) == len(TEXT) and NAME.lower() not in redacted.lower()


def test_a_quote_is_redacted_by_its_offsets_or_by_its_words():
    start = TEXT.index(NAME)
    spans = [(start, start + len(NAME))]
    quote = TEXT[start - 10:start + len(NAME) + 8]
    shown = redaction.redact_quote(quote, start - 10, start + len(NAME) + 8, TEXT, spans)
    assert NAME not in shown and shown.startswith(TEXT[start - 10:start]) and "█" * len(NAME) in shown
    edited = f"as {NAME} said"  # offsets no longer fit: the redacted words are found in it
    assert redaction.redact_quote(edited, 0, 5, TEXT, spans) == "as " + "█" * len(NAME) + " said"


@pytest.mark.parametrize("bad", ["3", "5:2", "a:b"])
def test_a_bad_span_names_the_fix(bad):
    with pytest.raises(redaction.RedactionError, match="START:END"):
        redaction.parse_span(bad)


@pytest.mark.parametrize("bad", ["1,2,3", "1,2,0,4", "x,y,w,h"])
def test_a_bad_rectangle_names_the_fix(bad):
    with pytest.raises(redaction.RedactionError, match="X,Y,WIDTH,HEIGHT|empty"):
        redaction.parse_box(bad)


def synthetic_face(size: int = 400) -> Image.Image:
    """A drawn face — oval, brows, eyes, nose, mouth, blurred — that OpenCV's frontal cascade recognises."""
    picture = Image.new("L", (size, size), 200)
    draw = ImageDraw.Draw(picture)
    cx = cy = size // 2
    draw.ellipse([cx - 110, cy - 140, cx + 110, cy + 150], fill=170)
    draw.rectangle([cx - 80, cy - 75, cx - 25, cy - 62], fill=60)
    draw.rectangle([cx + 25, cy - 75, cx + 80, cy - 62], fill=60)
    draw.ellipse([cx - 75, cy - 50, cx - 30, cy - 25], fill=40)
    draw.ellipse([cx + 30, cy - 50, cx + 75, cy - 25], fill=40)
    draw.polygon([(cx, cy - 20), (cx - 18, cy + 40), (cx + 18, cy + 40)], fill=140)
    draw.rectangle([cx - 20, cy + 38, cx + 20, cy + 46], fill=110)
    draw.ellipse([cx - 50, cy + 70, cx + 50, cy + 95], fill=80)
    return picture.filter(ImageFilter.GaussianBlur(4))


def scene() -> Image.Image:
    """A street scene: a light background, a face at (450, 120)–(850, 520), a red car at the lower left."""
    picture = Image.new("RGB", (900, 600), (230, 230, 230))
    picture.paste(synthetic_face().convert("RGB"), (450, 120))
    ImageDraw.Draw(picture).rectangle([40, 450, 240, 560], fill=(200, 30, 30))
    return picture


def test_the_bundled_face_detector_finds_the_drawn_face_and_nothing_in_a_blank_picture():
    faces = redaction.suggest_faces(scene())
    assert faces, "OpenCV's frontal face cascade found no face"
    box = faces[0]
    assert 450 <= box.x + box.w // 2 <= 850 and 120 <= box.y + box.h // 2 <= 520
    assert redaction.suggest_faces(Image.new("RGB", (600, 400), (230, 230, 230))) == []


pytestmark_db = pytest.mark.django_db


def ingest_one(tmp_path, name: str, data: bytes, sensitivity: str = "restricted") -> Item:
    path = tmp_path / name
    path.write_bytes(data)
    [result] = ingest_paths([str(path)], SourceFacts(collected_by="collector-synthetic", sensitivity=sensitivity))
    assert result.status == "new", result.message
    return Item.objects.get(sha256=result.digest)


def png(picture: Image.Image, exif: bool = False) -> bytes:
    out = io.BytesIO()
    if exif:
        info = Image.Exif()
        info[0x010E] = "Synthetic camera note with a name"  # ImageDescription
        picture.save(out, format="JPEG", exif=info.tobytes())
    else:
        picture.save(out, format="PNG")
    return out.getvalue()


def opened(vault, item: Item) -> Image.Image:
    with vault.open(item.sha256) as handle:
        return Image.open(io.BytesIO(handle.read())).convert("RGB")


@pytestmark_db
def test_litopys_redact_span_and_phrase_make_a_derived_text_with_a_custody_event(vault, tmp_path):
    item = ingest_one(tmp_path, "statement.txt", TEXT.encode())
    out = io.StringIO()
    call_command("redact", item.sha256, "--span", "0:9", "--actor", "redactor-synthetic", stdout=out)
    first = redacted_copy(item)
    assert first.text.startswith("█" * 9 + " statement") and first.derived_from == item
    call_command("redact", item.sha256[:20], "--phrase", NAME, stdout=out)
    copy = redacted_copy(item)
    assert copy != first and copy.text.startswith("█" * 9)  # the marks add up
    assert NAME.lower() not in copy.text.lower() and len(copy.text) == len(TEXT)
    with vault.open(copy.sha256) as handle:
        assert handle.read().decode() == copy.text
    event = CustodyEvent.objects.get(item_hash=first.sha256)
    assert event.action == "derived" and event.actor == "redactor-synthetic"
    assert event.details["derivation"] == "redacted" and event.details["spans"] == [[0, 9]]
    assert NAME not in str(CustodyEvent.objects.get(item_hash=copy.sha256).details)  # offsets, never the words
    with vault.open(item.sha256) as handle:
        assert handle.read() == TEXT.encode()  # the original is untouched
    assert public_copy(item) == copy
    assert "1 span blacked out" in out.getvalue()


@pytestmark_db
def test_a_rectangle_really_blacks_out_pixels_and_drops_the_metadata(vault, tmp_path):
    item = ingest_one(tmp_path, "street.jpg", png(scene(), exif=True))
    call_command("redact", item.sha256, "--box", "40,450,201,111", stdout=io.StringIO())
    copy = redacted_copy(item)
    assert copy.media_type == "image/png" and copy.metadata["redaction"]["boxes"] == [[40, 450, 201, 111]]
    picture = opened(vault, copy)
    assert picture.getpixel((41, 451)) == (0, 0, 0) and picture.getpixel((140, 500)) == (0, 0, 0)
    assert picture.getpixel((240, 560)) == (0, 0, 0) and picture.getpixel((300, 500)) != (0, 0, 0)
    with vault.open(copy.sha256) as handle:
        data = handle.read()
    assert b"Synthetic camera note" not in data and not Image.open(io.BytesIO(data)).getexif()


@pytestmark_db
def test_faces_found_are_blacked_out(vault, tmp_path):
    item = ingest_one(tmp_path, "street.png", png(scene()))
    out = io.StringIO()
    call_command("redact", item.sha256, "--suggest-faces", stdout=out)
    [line, *_] = out.getvalue().split()
    x, y, w, h = map(int, line.split(","))
    call_command("redact", item.sha256, "--faces", stdout=io.StringIO())
    copy = redacted_copy(item)
    assert copy.metadata["redaction"]["faces_found"] >= 1
    assert opened(vault, copy).getpixel((x + w // 2, y + h // 2)) == (0, 0, 0)
    assert opened(vault, copy).getpixel((20, 20)) == (230, 230, 230)


@pytestmark_db
def test_a_pdf_page_is_rendered_and_redacted(vault, tmp_path):
    pages = [Image.new("RGB", (600, 800), "white"), scene()]
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=72)
    item = ingest_one(tmp_path, "report.pdf", out.getvalue())
    call_command("redact", item.sha256, "--page", "2", "--box", "0,0,100,100", stdout=io.StringIO())
    copy = redacted_copy(item)
    picture = opened(vault, copy)
    assert abs(picture.width - 900 * redaction.PAGE_DPI / 72) <= 1 and abs(picture.height - 1250) <= 1
    assert picture.getpixel((50, 50)) == (0, 0, 0) and copy.metadata["redaction"]["page"] == 2
    with pytest.raises(CommandError, match="has 2 page"):
        call_command("redact", item.sha256, "--page", "3", "--box", "0,0,10,10")


@pytestmark_db
def test_bad_requests_are_one_line_errors(vault, tmp_path):
    text = ingest_one(tmp_path, "statement.txt", TEXT.encode())
    picture = ingest_one(tmp_path, "blank.png", png(Image.new("RGB", (300, 200), "white")))
    cases = [((text.sha256,), "Nothing to redact"),
             ((text.sha256, "--span", "0:5000"), "past the end of the text"),
             ((text.sha256, "--phrase", "nowhere-synthetic"), "None of the phrases"),
             ((text.sha256, "--box", "0,0,5,5"), "rectangles apply to pictures"),
             ((picture.sha256, "--box", "400,10,5,5"), "outside the picture"),
             ((picture.sha256, "--faces"), "No face was found"),
             ((picture.sha256, "--span", "0:1", "--box", "0,0,5,5"), "one at a time")]
    for arguments, message in cases:
        with pytest.raises(CommandError, match=message):
            call_command("redact", *arguments)
    assert not Item.objects.filter(derivation="redacted").exists()


@pytestmark_db
def test_the_redacted_copy_of_a_confidential_item_is_sealed(vault, tmp_path, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item = ingest_one(tmp_path, "witness.txt", TEXT.encode(), sensitivity="confidential")
        copy = redact(item, "redactor-synthetic", phrases=[NAME])
    assert sealed.sealed_copy(copy) is not None
    everything = b"".join(p.read_bytes() for p in Path(vault.root).rglob("*") if p.is_file())
    assert b"Synthetic statement" not in everything and b"counted 12 bodies" not in everything


@pytest.fixture
def people(db):
    from django.contrib.auth.models import Group

    from litopys.core.roles import ensure_roles

    ensure_roles()
    users = get_user_model().objects
    reviewer = users.create_user("reviewer-synthetic", password="synthetic-pass-123", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="reviewer"))
    editor = users.create_user("editor-synthetic", password="synthetic-pass-123", is_staff=True)
    editor.groups.add(Group.objects.get(name="editor"))
    return reviewer, editor


@pytestmark_db
def test_the_staff_page_suggests_faces_and_makes_the_copy(vault, tmp_path, people, client):
    reviewer, editor = people
    item = ingest_one(tmp_path, "street.png", png(scene()))
    secret = ingest_one(tmp_path, "witness.png", png(synthetic_face()), sensitivity="confidential")
    url = reverse("admin:evidence_item_redact", args=[item.pk])
    client.force_login(editor)
    assert client.get(url).status_code == 403  # editors do not redact
    client.force_login(reviewer)
    assert client.get(reverse("admin:evidence_item_redact", args=[secret.pk])).status_code == 404
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    face = redaction.suggest_faces(scene())[0]
    body = page.content.decode()
    assert f"{face.x},{face.y},{face.w},{face.h}" in body and "1 face suggested" in body and "900 × 600" in body
    preview = client.get(reverse("admin:evidence_item_redaction_preview", args=[item.pk]))
    assert preview["Content-Type"] == "image/png"
    assert CustodyEvent.objects.filter(action="accessed", item_hash=item.sha256).count() == 1
    answer = client.post(url, {"boxes": f"{face.x},{face.y},{face.w},{face.h}\n40,450,200,110"})
    copy = redacted_copy(item)
    assert answer.status_code == 302 and answer["Location"] == reverse("admin:evidence_item_change",
                                                                        args=[copy.pk])
    assert CustodyEvent.objects.get(item_hash=copy.sha256).actor == "reviewer-synthetic"
    answer = client.post(url, {"boxes": "nonsense"}, HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 200 and "X,Y,WIDTH,HEIGHT" in answer.content.decode()


@pytestmark_db
def test_public_quotes_black_out_what_the_redaction_blacks_out(vault, tmp_path):
    from litopys.evidence.models import Source

    item = ingest_one(tmp_path, "bulletin.txt", TEXT.encode())
    source = Source.objects.get(item=item)
    start = TEXT.index("counted") - len(NAME) - 1
    quote = TEXT[start:TEXT.index(";")]
    assert public_quote(source, quote, start, start + len(quote)) == quote
    redact(item, "redactor-synthetic", phrases=[NAME])
    assert public_quote(source, quote, start, start + len(quote)) == "█" * len(NAME) + " counted 12 bodies"
