"""A link becomes evidence: WACZ, screenshot, PDF, rendered text and images, each an item with custody."""

import io
import json
import zipfile

import pytest
from warcio.archiveiterator import ArchiveIterator

from litopys.capture.models import CaptureFile, CaptureState, Change
from litopys.capture.selectors import rendered_text, text_diff
from litopys.capture.wacz import check_wacz
from litopys.evidence.integrity import verify
from litopys.evidence.models import CustodyEvent
from litopys.evidence.vault import get_vault
from litopys.incidents.models import Claim
from litopys.jobs.models import JobState
from tests.capture.helpers import capture

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def files_of(capture_):
    return {row.role: row for row in capture_.files.select_related("item")}


def test_a_page_becomes_wacz_screenshot_pdf_text_and_images(site, capture_settings, chromium):
    [job], [done] = capture(site.url + "/page")
    assert job.state == JobState.SUCCEEDED, list(job.lines.values_list("message", flat=True))
    assert done.state == CaptureState.COMPLETE and done.http_status == 200
    roles = sorted(row.role for row in done.files.all())
    assert roles == ["media", "media", "pdf", "screenshot", "text", "wacz"]
    rows = files_of(done)
    wacz = rows["wacz"].item
    assert wacz.media_type == "application/wacz" and wacz.derived_from is None
    for row in done.files.exclude(role="wacz").select_related("item"):
        assert row.item.derived_from_id == wacz.pk
        events = CustodyEvent.objects.filter(item_hash=row.item.sha256, action="collected")
        assert events.exists() and events.first().details["url"].startswith(site.url)
    assert CustodyEvent.objects.get(item_hash=wacz.sha256, action="collected").details["url"] == site.url + "/page"
    assert rows["screenshot"].item.media_type == "image/png"
    assert rows["pdf"].item.media_type == "application/pdf"
    text = rows["text"].item.text
    assert "14 bodies were found" in text and "Written by a script after loading." in text  # after rendering
    claims = Claim.objects.filter(source=rows["text"].source)
    assert [(c.kind, c.min) for c in claims] == [("bodies", 14)]
    assert text[claims[0].start:claims[0].end] == claims[0].quote
    assert {row.item.media_type for row in done.files.filter(role="media").select_related("item")} == {"image/png"}
    assert done.metadata["tools"]["chromium"].startswith("Chromium ")
    assert done.metadata["captured_by"] == "synthetic-collector"
    assert verify().intact


def test_the_wacz_validates_and_holds_request_and_response_records(site, capture_settings, chromium):
    _, [done] = capture(site.url + "/hop/1")
    assert done.final_url == site.url + "/page"
    wacz = files_of(done)["wacz"].item
    with get_vault().open(wacz.sha256) as handle:
        data = handle.read()
    assert check_wacz(io.BytesIO(data)) == []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        package = json.loads(archive.read("datapackage.json"))
        index = archive.read("indexes/index.cdxj").decode()
        pages = archive.read("pages/pages.jsonl").decode().splitlines()
        warc = archive.read("archive/data.warc.gz")
    assert {r["path"] for r in package["resources"]} == {"archive/data.warc.gz", "indexes/index.cdxj",
                                                        "pages/pages.jsonl"}
    assert json.loads(pages[1])["url"] == site.url + "/page" and "14 bodies" in json.loads(pages[1])["text"]
    assert "/img/red.png" in index
    records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(io.BytesIO(warc))]
    assert records[0][0] == "warcinfo"
    for hop in ("/hop/1", "/hop/2", "/hop/3", "/page"):
        assert ("request", site.url + hop) in records and ("response", site.url + hop) in records
    # A package whose pages were edited after it was made no longer validates.
    edited = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as original, zipfile.ZipFile(edited, "w") as copy:
        for info in original.infolist():
            body = original.read(info.filename)
            if info.filename == "pages/pages.jsonl":
                body = body.replace(b"14 bodies", b"41 bodies")
            copy.writestr(info, body)
    assert check_wacz(io.BytesIO(edited.getvalue())) == [
        "pages/pages.jsonl does not match its digest in datapackage.json"]


def test_recapture_makes_a_new_version_flags_changes_and_stores_same_bytes_once(site, capture_settings, chromium):
    site.version = 1
    _, [first] = capture(site.url + "/changing", screenshots=False)
    _, [same] = capture(site.url + "/changing", screenshots=False)
    site.version = 2
    _, [changed] = capture(site.url + "/changing", screenshots=False)
    assert first.change == Change.FIRST
    assert same.change == Change.UNCHANGED and same.previous == first
    assert files_of(same)["text"].item == files_of(first)["text"].item  # unchanged bytes stored once
    assert changed.change == Change.CHANGED and changed.previous == same and changed.flagged
    diff = text_diff(rendered_text(same), rendered_text(changed))
    assert ("-", "Version 1: 10 bodies were reported by the synthetic council.") in diff
    assert ("+", "Version 2: 20 bodies were reported by the synthetic council.") in diff


def test_a_deleted_page_is_flagged(site, capture_settings, chromium):
    _, [first] = capture(site.url + "/gone", screenshots=False)
    _, [again] = capture(site.url + "/gone", screenshots=False)
    assert first.http_status == 404 and again.change == Change.GONE and again.flagged


@pytest.mark.parametrize(("path", "reason"), [
    ("/loop/a", "redirect loop"),
    ("/never", "no answer within 3 s"),
])
def test_a_page_that_cannot_be_fetched_fails_in_one_line(site, capture_settings, path, reason):
    [job], [done] = capture(site.url + path)
    assert job.state == JobState.FAILED
    assert reason in job.failure and site.url in job.failure and "\n" not in job.failure
    assert done.state == CaptureState.FAILED


def test_bad_addresses_fail_in_one_line_and_the_batch_goes_on(site, capture_settings, chromium):
    jobs, captures = capture("file:///etc/passwd", "http://127.0.0.1:1/", "http://no-such-host.invalid/",
                             site.url + "/page", screenshots=False)
    reasons = [job.failure for job in jobs]
    assert "not an http(s) address" in reasons[0]
    assert "connection was refused" in reasons[1]
    assert "does not resolve" in reasons[2]
    assert jobs[3].state == JobState.SUCCEEDED and captures[3].state == CaptureState.COMPLETE


def test_a_response_over_the_limit_is_kept_partial_and_truncated(site, capture_settings):
    [job], [done] = capture(site.url + "/huge")
    assert job.state == JobState.PARTIAL and done.state == CaptureState.PARTIAL
    [line] = job.lines.filter(level="error").values_list("message", flat=True)
    assert "larger than LITOPYS_CAPTURE_MAX_BYTES" in line and site.url + "/huge" in line
    wacz = files_of(done)["wacz"].item
    with get_vault().open(wacz.sha256) as handle, zipfile.ZipFile(handle) as archive:
        warc = archive.read("archive/data.warc.gz")
    [response] = [r for r in ArchiveIterator(io.BytesIO(warc)) if r.rec_type == "response"]
    assert response.rec_headers.get_header("WARC-Truncated") == "length"
    assert done.metadata["truncated"] is True


def test_a_file_that_is_not_html_is_stored_itself_with_one_line(site, capture_settings):
    [job], [done] = capture(site.url + "/report.pdf")
    assert job.state == JobState.PARTIAL
    assert any("not an HTML page (application/pdf)" in line for line in
               job.lines.filter(level="error").values_list("message", flat=True))
    assert sorted(files_of(done)) == ["file", "wacz"]


def test_robots_and_consent_decision_is_recorded(site, capture_settings, chromium):
    _, [done] = capture(site.url + "/changing", screenshots=False)
    assert "not consulted" in done.metadata["robots"] and "no cookies" in done.metadata["consent"]


def test_the_capture_files_are_listed_on_the_job(site, capture_settings, chromium):
    [job], [done] = capture(site.url + "/page", screenshots=False)
    assert job.result["capture"] == done.pk
    assert {row["role"] for row in job.result["files"]} == {"wacz", "pdf", "text", "media"}
    assert CaptureFile.objects.filter(capture=done).count() == len(job.result["files"])


def test_robots_txt_is_obeyed_when_asked(site, capture_settings):
    capture_settings.LITOPYS_CAPTURE_ROBOTS = True
    [job], [done] = capture(site.url + "/private/page")
    assert job.state == JobState.FAILED
    assert job.failure == f"{site.url}/private/page: the site's robots.txt does not allow it (LITOPYS_CAPTURE_ROBOTS=1)"
