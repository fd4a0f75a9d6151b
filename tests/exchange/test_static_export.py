"""The static export: every page is there, every link works when a plain web server serves it, nothing private
is in any file, forms go to the dynamic site or away, and a failed run never replaces a good export."""

import functools
import json
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from litopys.exchange import static_export
from litopys.exchange.static_export import MARKER, ExportError, export_site
from litopys.exchange.static_pages import rewrite_forms
from tests.record import test_pages as pages
from tests.record.test_pages import assert_nothing_private, public_urls

# The synthetic record and the URLconf fallback, shared with the pages' tests.
record = pages.record
record_urls = pages.record_urls

BASE = "https://chronicle.example.org"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def serve():
    servers = []

    def start(root) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def test_export_serves_every_page_with_no_broken_link_and_nothing_private(record, tmp_path, serve, settings):
    settings.LITOPYS_DYNAMIC_URL = "off"
    result = export_site(tmp_path / "site", base_url=BASE, language="en")
    assert result.broken == [], result.broken
    assert result.pages >= len(public_urls(record)) - 2 and result.files > result.pages and result.bytes > 0
    root = serve(tmp_path / "site")
    known = [*public_urls(record), "/", "/static/record/ukraine.geojson",
             "/static/record/vendor/leaflet/leaflet.js", "/static/record/vendor/leaflet/LICENSE"]
    queue, seen, broken = list(known), set(known), []
    while queue:
        path = queue.pop()
        status, body, content_type = fetch(root + path)
        if status != 200:
            broken.append((path, status))
            continue
        if "html" in content_type:
            parser = Links()
            parser.feed(body.decode("utf-8"))
            for url in parser.urls:
                parts = urlsplit(urljoin(path, url))
                if parts.netloc in ("", urlsplit(BASE).netloc) and parts.scheme in ("", "http", "https"):
                    if parts.path not in seen:
                        seen.add(parts.path)
                        queue.append(parts.path)
    assert broken == []
    assert not any(path.startswith("/staff/") for path in seen)
    for file in (tmp_path / "site").rglob("*"):
        if file.is_file() and file.suffix not in (".png", ".jpg", ".webp", ".gif", ".ico", ".woff2"):
            assert_nothing_private(file.read_text(encoding="utf-8", errors="replace"), str(file))
    # the map works from the copy: its layer is there, with pages to link to
    status, body, _ = fetch(root + reverse("exchange:map_geojson"))
    slugs = {f["properties"]["slug"] for f in json.loads(body)["features"]}
    assert status == 200 and slugs == {i.slug for i in record.published}


def test_a_second_export_replaces_the_first_atomically(record, tmp_path, monkeypatch):
    target = tmp_path / "site"
    export_site(target, base_url=BASE)
    (target / "stale.html").write_text("from the first export")
    export_site(target, base_url=BASE)
    assert not (target / "stale.html").exists() and (target / MARKER).exists()

    def broken_fetch(self, path, referrer):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(static_export.Crawl, "fetch", broken_fetch)
    with pytest.raises(RuntimeError):
        export_site(target, base_url=BASE)
    assert (target / "incidents" / "index.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no build folder left behind


def test_refuses_a_folder_that_is_not_an_export(db, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="not empty"):
        export_site(tmp_path, base_url=BASE)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_unwritable_folder_is_one_clear_line(db, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(CommandError) as error:
        call_command("publish", "--static", str(blocker / "site"))
    message = str(error.value)
    assert "cannot write to" in message and str(blocker / "site") in message and "\n" not in message


def test_command_prints_a_summary(record, tmp_path, capsys):
    call_command("publish", "--static", str(tmp_path / "out"), "--base-url", BASE, "--format", "json")
    summary = json.loads(capsys.readouterr().out)
    assert summary["pages"] > 0 and summary["files"] > summary["pages"] and summary["broken"] == []
    call_command("publish", "--static", str(tmp_path / "out"), "--base-url", BASE)
    assert capsys.readouterr().out.startswith("Exported ")


def test_bad_base_url_is_refused(db, tmp_path):
    with pytest.raises(ExportError, match="origin"):
        export_site(tmp_path / "out", base_url="https://example.org/sub/path")


FORM = ('<form method="post" action="/posts/a/comment/"><input type="hidden" name="csrfmiddlewaretoken" '
        'value="tok"><textarea name="body"></textarea><button>Send</button></form>'
        '<form method="get" action="/search/"><input name="q"></form>'
        '<form class="language-switch" action="/language/" method="post"><button>English</button></form>'
        '<form method="post" action="/posts/a/rate/"><button>5</button></form>')


def test_forms_post_to_the_dynamic_site():
    page = rewrite_forms(FORM, "/posts/a/", "https://live.example.org", "https://live.example.org")
    assert 'action="https://live.example.org/posts/a/comment/"' in page
    assert "csrfmiddlewaretoken" not in page and '<form method="get" action="https://live.example.org/search/">' in page
    assert "language-switch" not in page  # a static copy is in one language


def test_forms_are_left_out_without_a_dynamic_site():
    page = rewrite_forms(FORM, "/posts/a/", "", "https://live.example.org")
    assert "<textarea" not in page and "main site" in page and 'href="https://live.example.org/posts/a/"' in page
    assert "<form" not in page  # no search and no language switch where nothing can answer them
    assert page.count("litopys-static-note") == 1


def test_forms_of_an_exported_page_follow_the_setting(db, tmp_path, settings, monkeypatch):
    page = '<!doctype html><html><body>' + FORM + '</body></html>'
    monkeypatch.setattr(static_export, "RECORD_SEEDS", ())

    def view(path):
        from django.http import HttpResponse

        return HttpResponse(page)

    monkeypatch.setattr(static_export.Client, "get", lambda self, path, **kw: view(path))
    settings.LITOPYS_DYNAMIC_URL = "https://live.example.org/"
    export_site(tmp_path / "a", base_url=BASE)
    assert 'action="https://live.example.org/posts/a/comment/"' in (tmp_path / "a" / "index.html").read_text()
    settings.LITOPYS_DYNAMIC_URL = "off"
    export_site(tmp_path / "b", base_url=BASE)
    assert "<textarea" not in (tmp_path / "b" / "index.html").read_text()


def test_media_a_page_uses_is_fetched_as_an_anonymous_reader_gets_it(db, tmp_path, settings, monkeypatch):
    """The export serves media as `litopys serve` does: a published post's image without its metadata; an image
    only a draft shows is not exported (a broken link, as it is for readers)."""
    import io

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.http import HttpResponse
    from django.utils import timezone
    from PIL import Image

    from litopys.chronicle.models import Media, Post, PostStatus

    settings.MEDIA_ROOT = str(tmp_path / "media-root")

    def upload(title):
        picture, exif = io.BytesIO(), Image.Exif()
        exif[0x010F] = "SyntheticCam"
        Image.new("RGB", (8, 6), (10, 90, 10)).save(picture, "JPEG", exif=exif)
        media = Media(title=title)
        media.file.save(f"{title}.jpg", ContentFile(picture.getvalue()), save=False)
        media.save()
        return media

    shown, draft_only = upload("synthetic-shown"), upload("synthetic-draft-only")
    Post.objects.create(slug="synthetic-exported", title="Synthetic exported", status=PostStatus.PUBLISHED,
                        published_at=timezone.now(), featured_image=shown)
    Post.objects.create(slug="synthetic-draft", title="Synthetic draft", body=f"{{{{media {draft_only.pk}}}}}")
    page = (f'<!doctype html><img src="{shown.file.url}" alt=""><img src="{draft_only.file.url}" alt="">'
            '<img src="/media/chronicle/missing.png" alt="">')
    monkeypatch.setattr(static_export, "RECORD_SEEDS", ())
    real_get = static_export.Client.get
    monkeypatch.setattr(static_export.Client, "get", lambda self, path, **kw: real_get(self, path, **kw)
                        if path.startswith("/media/") else HttpResponse(page))
    result = export_site(tmp_path / "out", base_url=BASE)
    exported = (tmp_path / "out" / shown.file.url.lstrip("/")).read_bytes()
    with default_storage.open(shown.file.name) as stored:
        assert exported == stored.read() and b"SyntheticCam" not in exported
    assert not (tmp_path / "out" / draft_only.file.url.lstrip("/")).exists()
    assert (draft_only.file.url, 404, "/") in result.broken
    assert ("/media/chronicle/missing.png", 404, "/") in result.broken
