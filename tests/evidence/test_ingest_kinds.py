"""Ingest of web archives, images and HTML; near-duplicate images; staff downloads logged as custody."""

import json
import os

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from PIL import ImageFilter

from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.models import CustodyEvent, Item, Source
from tests.evidence.test_processors import encoded, photo_with_gps, scene
from tests.evidence.test_webarchive import warc_bytes

pytestmark = pytest.mark.django_db


def ingest(*paths):
    return list(ingest_paths([str(p) for p in paths], SourceFacts(collected_by="tester")))


def test_a_warc_becomes_one_source_per_captured_page(vault, tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes(gzipped=True))
    [result] = ingest(path)
    assert result.status == "new" and result.captures == 2, result
    archive = Source.objects.get(pk=result.source_id)
    assert archive.kind == "web_archive" and archive.item.media_type == "application/warc"
    pages = list(archive.parts.order_by("url"))
    assert [p.url for p in pages] == ["https://example.org/izium", "https://example.org/missing"]
    for page in pages:
        assert page.item.derived_from == archive.item and page.item.derivation == "capture"
        assert page.item.media_type == "application/warc"
        assert page.collected_at.year == 2022
    assert "Ізюма" in pages[0].item.text and pages[0].title == "Ізюм"
    assert verify_intact()


def verify_intact():
    from litopys.evidence.custody import checkpoint
    from litopys.evidence.integrity import verify

    checkpoint()  # as `litopys ingest` signs one after every batch
    report = verify()
    assert report.intact, report.problems
    return True


def test_photo_gps_is_kept_and_marked_sensitive(vault, tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(photo_with_gps())
    [result] = ingest(path)
    item = Item.objects.get(sha256=result.digest)
    assert item.media_type == "image/jpeg" and "gps" in item.sensitive_keys
    assert abs(item.metadata["gps"]["latitude"] - 49.2128) < 0.001
    assert Source.objects.get(pk=result.source_id).kind == "photo"


def test_near_duplicate_images_are_listed(vault, tmp_path, capsys):
    original = scene()
    (tmp_path / "a.png").write_bytes(encoded(original))
    (tmp_path / "b.jpg").write_bytes(encoded(original.filter(ImageFilter.GaussianBlur(1)), "JPEG"))
    (tmp_path / "c.png").write_bytes(encoded(scene(other=True)))
    ingest(tmp_path / "a.png", tmp_path / "b.jpg", tmp_path / "c.png")
    call_command("duplicates", "--format", "json")
    pairs = json.loads(capsys.readouterr().out)["pairs"]
    names = {frozenset(Item.objects.get(sha256=h).original_name for h in (p["a"], p["b"])) for p in pairs}
    assert names == {frozenset({"a.png", "b.jpg"})}


def test_html_text_is_extracted_into_a_derived_item(vault, tmp_path):
    path = tmp_path / "page.bin"
    path.write_text("<!doctype html><html><head><title>Synthetic report</title></head><body><article>"
                    "<p>Synthetic paragraph one, long enough to be read as the main text of the page.</p>"
                    "<p>Investigators counted 7 graves near a synthetic village in the test.</p>"
                    "</article></body></html>")
    [result] = ingest(path)
    item = Item.objects.get(sha256=result.digest)
    assert item.media_type == "text/html"
    text = item.derivatives.get(derivation="text")
    assert text.media_type.startswith("text/plain") and "7 graves" in item.text
    assert CustodyEvent.objects.filter(action="derived", item_hash=text.sha256).count() == 1
    assert Source.objects.get(pk=result.source_id).title == "Synthetic report"


def test_malformed_pdf_is_preserved_with_a_warning(vault, tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + os.urandom(200))
    [result] = ingest(path)
    assert result.status == "new" and result.warnings and not result.ok
    assert "pdf" in result.warnings[0].lower()
    assert Item.objects.get(sha256=result.digest).processing_errors


def test_staff_download_is_a_custody_event(vault, tmp_path, client):
    path = tmp_path / "statement.txt"
    path.write_text("Synthetic statement for a download test.\n")
    [result] = ingest(path)
    item = Item.objects.get(sha256=result.digest)
    staff = get_user_model().objects.create_superuser("archivist", password="synthetic-pass-123")
    client.force_login(staff)
    response = client.get(f"/staff/evidence/item/{item.pk}/download/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == path.read_bytes()
    event = CustodyEvent.objects.filter(action="accessed", item_hash=item.sha256).get()
    assert event.actor == "archivist"
    page = client.get(f"/staff/evidence/item/{item.pk}/change/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "ingested" in page and "accessed" in page and "readonly" in page
