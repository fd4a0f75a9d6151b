"""Write the public site as static files for a CDN, by crawling it through Django's test client.

Every public URL reachable from the home page, robots.txt, sitemap.xml and the record's pages is fetched
as an anonymous reader would fetch it and written where a static host looks for it: ``path/index.html``
for a URL ending in a slash, the path itself otherwise. Static files are collected with the staticfiles
finders; media files a page uses are fetched through the site like pages, so the export holds exactly
what an anonymous reader gets (files of published posts only, images without their metadata). Nothing
under /staff/ is visited.

Only forms change: comment and rating forms post to LITOPYS_DYNAMIC_URL when it is set, or are replaced
by a note that sends the reader to the main site; search goes to the dynamic site or is left out, and
the language switch is left out, since a copy is written in one language. The export is built beside its target and
renamed into place, so a failed run never leaves a half-written export where a good one was.
"""

from __future__ import annotations

import html
import json
import logging
import os
import posixpath
import secrets
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.test.utils import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from litopys.exchange.static_pages import file_for, links_in, rewrite_forms

#: Written into every export, so that a later run knows the folder is one it may replace.
MARKER = ".litopys-export"
#: Never visited: the staff site, the language switch (a POST), and the admin's static files.
EXCLUDED = ("/staff/", "/i18n/")
EXCLUDED_STATIC = ("admin/",)
#: Fetched if the site has them; a 404 there is not a broken link.
OPTIONAL_SEEDS = ("/robots.txt", "/sitemap.xml")
RECORD_SEEDS = ("record:incidents", "record:map", "exchange:map_geojson", "record:timeline", "record:statistics",
                "exchange:statistics_csv")
class ExportError(Exception):
    """The export cannot be written; the message names the folder and what to do."""


@dataclass
class ExportResult:
    target: Path
    pages: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    #: (url, status, the page that linked to it)
    broken: list[tuple[str, int, str]] = field(default_factory=list)
    #: Links a static host cannot serve (query strings), with the page that linked to them.
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.pages} pages, {self.files} files, {self.bytes} bytes in {self.seconds:.1f} s "
                f"to {self.target}")

    def to_dict(self) -> dict:
        return {"target": str(self.target), "pages": self.pages, "files": self.files, "bytes": self.bytes,
                "seconds": round(self.seconds, 2),
                "broken": [{"url": u, "status": s, "linked_from": r} for u, s, r in self.broken],
                "skipped": [{"url": u, "linked_from": r} for u, r in self.skipped]}


def safe_join(root: Path, relative: str) -> Path:
    normal = posixpath.normpath("/" + relative).lstrip("/")
    if normal.startswith("..") or not normal:
        raise ExportError(f"refusing to write outside the export: {relative!r}")
    return root / normal


class Crawl:
    """Fetch pages breadth first, write them, and follow their links within the site."""

    def __init__(self, root: Path, host: str, secure: bool, language: str, dynamic_url: str, main_site: str,
                 progress: Callable[[int, int], None] | None):
        self.root, self.host, self.secure = root, host, secure
        self.dynamic_url, self.main_site, self.progress = dynamic_url, main_site, progress
        self.client = Client(raise_request_exception=False, HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE=language,
                             HTTP_X_LITOPYS_EXPORT="static")
        self.queue: deque[tuple[str, str]] = deque()
        self.seen: set[str] = set()
        self.media: dict[str, str] = {}
        self.static: dict[str, str] = {}
        self.result: ExportResult | None = None

    def add(self, url: str, referrer: str) -> None:
        parts = urlsplit(urljoin(referrer, url))
        if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != self.host):
            return
        path = parts.path or "/"
        if path.startswith(EXCLUDED):
            return
        if parts.query:
            self.result.skipped.append((url, referrer))
            return
        static_url, media_url = "/" + settings.STATIC_URL.lstrip("/"), "/" + settings.MEDIA_URL.lstrip("/")
        if path.startswith(static_url):
            self.static.setdefault(unquote(path[len(static_url):]), referrer)
        elif path.startswith(media_url):
            self.media.setdefault(unquote(path[len(media_url):]), referrer)
        elif path not in self.seen:
            self.seen.add(path)
            self.queue.append((path, referrer))

    def run(self, seeds: list[str]) -> None:
        for seed in seeds:
            self.add(seed, "/")
        done = 0
        while self.queue:
            path, referrer = self.queue.popleft()
            self.fetch(path, referrer)
            done += 1
            if self.progress:
                self.progress(done, done + len(self.queue))

    def fetch(self, path: str, referrer: str) -> None:
        response = self.client.get(path, secure=self.secure)
        status = response.status_code
        if status in (301, 302, 303, 307, 308):
            location = response["Location"]
            self.write(file_for(path, "text/html"), redirect_page(urljoin(path, location)).encode())
            self.add(location, path)
            return
        if status != 200:
            if not (status == 404 and path in OPTIONAL_SEEDS and referrer == "/"):
                self.result.broken.append((path, status, referrer))
            return
        content_type = response.get("Content-Type", "")
        content = b"".join(response) if response.streaming else response.content
        for url in links_in(content, content_type):
            self.add(url.strip(), path)
        if "html" in content_type:
            content = rewrite_forms(content.decode("utf-8"), path, self.dynamic_url, self.main_site).encode()
            self.result.pages += 1
        self.write(file_for(path, content_type), content)

    def write(self, relative: str, content: bytes) -> None:
        destination = safe_join(self.root, relative)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(content)
        self.result.files += 1
        self.result.bytes += len(content)

    def copy_static(self) -> None:
        """Copy every static file the finders know (as collectstatic would), then check what pages used."""
        prefix = settings.STATIC_URL.strip("/")
        written = set()
        for finder in finders.get_finders():
            for name, storage in finder.list(["CVS", ".*", "*~"]):
                name = name.replace(os.sep, "/")
                if name in written or name.startswith(EXCLUDED_STATIC):
                    continue
                written.add(name)
                with storage.open(name) as handle:
                    self.write(f"{prefix}/{name}", handle.read())
        for name, referrer in sorted(self.static.items()):
            if name not in written:
                self.result.broken.append(("/" + prefix + "/" + name, 404, referrer))

    def copy_media(self) -> None:
        """Fetch each media file a page uses as an anonymous reader gets it (only files a published post
        shows, images without their metadata), exactly as the live site serves it."""
        prefix = settings.MEDIA_URL.strip("/")
        for name, referrer in sorted(self.media.items()):
            response = self.client.get(quote(f"/{prefix}/{name}"), secure=self.secure)
            if response.status_code == 200:
                self.write(f"{prefix}/{name}", b"".join(response) if response.streaming else response.content)
            else:
                self.result.broken.append((f"/{prefix}/{name}", response.status_code, referrer))


def record_seeds() -> list[str]:
    """Return the record's overview URLs, which the crawl starts from as well as from the home page."""
    seeds = []
    for name in RECORD_SEEDS:
        try:
            seeds.append(reverse(name))
        except NoReverseMatch:
            continue
    return seeds


def redirect_page(location: str) -> str:
    escaped = html.escape(location, quote=True)
    return (f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={escaped}">'
            f'<link rel="canonical" href="{escaped}"><a href="{escaped}">{escaped}</a>\n')


def prepare(target: Path) -> Path:
    """Check the target and return a fresh build folder beside it."""
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} is a file; give a folder for the export")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise ExportError(f"{target} is not empty and holds no earlier export ({MARKER} is missing); "
                          "give a new or empty folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        build = Path(tempfile.mkdtemp(prefix=f"{target.name}.tmp-", dir=target.parent))
    except OSError as exc:
        raise ExportError(f"cannot write to {target} ({exc.strerror}); give a folder you can write to") from None
    build.chmod(0o755)
    return build


def swap(build: Path, target: Path) -> None:
    """Put the finished export in place of the target; the old export goes only once the new one is there."""
    if not target.exists():
        os.rename(build, target)
        return
    old = target.with_name(f"{target.name}.old-{secrets.token_hex(4)}")
    os.rename(target, old)
    os.rename(build, target)
    shutil.rmtree(old, ignore_errors=True)


def export_site(target, base_url: str = "", language: str = "", strict: bool = False,
                progress: Callable[[int, int], None] | None = None) -> ExportResult:
    """Export the public site into ``target``; return what was written."""
    started = time.monotonic()
    target = Path(target).expanduser().absolute()
    base = (base_url or settings.LITOPYS_SITE_URL).rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
        raise ExportError(f"--base-url {base_url!r} must be an origin like https://chronicle.example.org "
                          "(the export is served from the root of its host)")
    language = language or settings.LANGUAGE_CODE
    dynamic = settings.LITOPYS_DYNAMIC_URL.strip()
    dynamic = "" if dynamic.lower() == "off" else dynamic.rstrip("/")
    main_site = settings.LITOPYS_SITE_URL if settings.LITOPYS_SITE_URL.rstrip("/") != base else ""
    build = prepare(target)
    requests_log = logging.getLogger("django.request")
    level = requests_log.level
    requests_log.setLevel(logging.ERROR)  # a 404 is reported as a broken link, not as a warning per page
    try:
        hosts = [*settings.ALLOWED_HOSTS, parts.hostname]
        with override_settings(ALLOWED_HOSTS=hosts, LITOPYS_SITE_URL=base), translation.override(language):
            crawl = Crawl(build, parts.netloc, parts.scheme == "https", language, dynamic, main_site, progress)
            crawl.result = ExportResult(target)
            crawl.run(["/", *OPTIONAL_SEEDS, *record_seeds()])
            crawl.copy_static()
            crawl.copy_media()
        result = crawl.result
        if strict and result.broken:
            url, status, referrer = result.broken[0]
            raise ExportError(f"{len(result.broken)} broken links, e.g. {url} ({status}) linked from "
                              f"{referrer or 'the seeds'}; the previous export is kept")
        result.seconds = time.monotonic() - started
        # The marker is served with the copy: it says what was exported, not where from.
        summary = {key: value for key, value in result.to_dict().items() if key != "target"}
        (build / MARKER).write_text(json.dumps({**summary, "base_url": base}, indent=1) + "\n")
        swap(build, target)
        return result
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    finally:
        requests_log.setLevel(level)
