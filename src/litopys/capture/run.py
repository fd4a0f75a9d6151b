"""One capture run of one URL, as a job: fetch and record (WARC), render, package (WACZ), store, compare."""

from __future__ import annotations

import hashlib
import io
import json
import platform
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from warcio.warcwriter import WARCWriter

import litopys
from litopys.capture import wacz
from litopys.capture.browser import Rendered, Renderer, Visit
from litopys.capture.client import Client, Exchange, Policy
from litopys.capture.models import Capture, CaptureState
from litopys.capture.netpolicy import Refused, check_url
from litopys.capture.profiles import load_profiles, profile_for
from litopys.capture.recording import compare_with_previous, finish_capture, store_files
from litopys.evidence.media import detect_media_type
from litopys.jobs.context import JobContext, JobFailed

HTML_TYPES = ("text/html", "application/xhtml+xml")
STEPS = 5  # fetch, render, media, package, store


def policy() -> Policy:
    return Policy(timeout=settings.LITOPYS_CAPTURE_TIMEOUT, max_bytes=settings.LITOPYS_CAPTURE_MAX_BYTES,
                  user_agent=settings.LITOPYS_CAPTURE_USER_AGENT, proxy=settings.LITOPYS_CAPTURE_PROXY,
                  allow_private=settings.LITOPYS_CAPTURE_ALLOW_PRIVATE,
                  max_redirects=settings.LITOPYS_CAPTURE_MAX_REDIRECTS)


def capture_url(ctx: JobContext, url: str, recursive_media: bool = False, screenshots: bool = True,
                schedule: int | None = None) -> dict:
    """The job handler: capture `url` once; a failed step is one line on the job and the rest goes on."""
    if ctx.attempt > 1:
        Capture.objects.filter(job=ctx.job, state=CaptureState.RUNNING).update(
            state=CaptureState.PARTIAL, finished_at=timezone.now(),
            errors=[f"{url}: the worker stopped midway; this attempt was not finished"])
    capture = Capture.objects.create(url=url[:2000], owner=ctx.owner, actor=ctx.actor, job=ctx.job)
    ctx.progress(0, STEPS)
    try:
        check_url(url)
    except Refused as exc:
        finish_capture(capture, CaptureState.FAILED, [str(exc)])
        raise JobFailed(str(exc)) from None
    try:
        with tempfile.TemporaryDirectory(prefix="litopys-capture-") as folder:
            return _capture(ctx, capture, url, Path(folder), recursive_media, screenshots, schedule)
    finally:
        if schedule:
            from litopys.capture.actions import queue_next

            queue_next(schedule)


def _capture(ctx, capture: Capture, url: str, folder: Path, recursive_media: bool, screenshots: bool,
             schedule: int | None) -> dict:
    rules = policy()
    profile = profile_for(url, load_profiles(getattr(settings, "LITOPYS_CAPTURE_PROFILES", None)))
    visit = Visit(url=url)
    profile.prepare(visit)
    started = datetime.now(UTC)
    warc_path = folder / "data.warc.gz"
    rendered: Rendered | None = None
    media: list[Exchange] = []
    robots = robots_decision()
    with open(warc_path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("data.warc.gz", {
            "software": f"litopys {litopys.__version__}", "format": "WARC File Format 1.0",
            "http-header-user-agent": rules.user_agent, "robots": robots["robots"]}))
        client = Client(rules, writer)
        if settings.LITOPYS_CAPTURE_ROBOTS and not robots_allow(client, visit.url):
            reason = f"{url}: the site's robots.txt does not allow it (LITOPYS_CAPTURE_ROBOTS=1)"
            finish_capture(capture, CaptureState.FAILED, [reason])
            raise JobFailed(reason)
        chain, final, failure = fetch(client, visit.url)
        if final is None:
            finish_capture(capture, CaptureState.FAILED, [failure], gone=True)
            raise JobFailed(failure)
        if failure:
            ctx.error(failure)
        ctx.log(f"{url}: HTTP {final.status} from {final.url} ({final.size} bytes)")
        ctx.progress(1)
        is_html = final.content_type in HTML_TYPES and not final.truncated
        if is_html:
            visit.url = final.url  # the browser is handed the page the redirects led to
            with ctx.step(f"{url}: rendering in Chromium"):
                rendered = Renderer.shared(settings.LITOPYS_CHROMIUM).render(
                    visit, client, screenshot=screenshots, pdf=True, timeout=rules.timeout)
                for error in rendered.errors:
                    ctx.error(error)
        elif not final.truncated:
            ctx.error(f"{final.url}: not an HTML page ({final.content_type or 'no Content-Type'}); the file "
                      "itself is stored, there is no page to render")
        ctx.progress(2)
        if rendered:
            media = fetch_media(ctx, client, rendered, recursive_media)
        ctx.progress(3)
        facts = capture_facts(capture, url, chain, final, rendered, robots, started, profile.name, rules)
        data = json.dumps(facts, ensure_ascii=False, indent=1, default=str).encode()
        writer.write_record(writer.create_warc_record(final.url, "metadata", payload=io.BytesIO(data),
                                                      length=len(data), warc_content_type="application/json"))
    page = wacz.Page(url=(rendered.final_url if rendered and rendered.final_url else final.url), ts=started,
                     title=rendered.title if rendered else "", text=rendered.text if rendered else "")
    wacz_path = folder / "capture.wacz"
    wacz.write_wacz(wacz_path, warc_path, [page], title=f"Capture of {url}",
                    software=facts["tools"]["litopys"], created=started)
    ctx.progress(4)
    downloads = []
    if recursive_media:
        downloads = download_media(ctx, url, rendered, folder, rules, facts)
    files = store_files(ctx, capture, url, wacz_path, final, rendered, media, downloads, facts)
    compare_with_previous(capture, rendered)
    state = CaptureState.PARTIAL if ctx.errors else CaptureState.COMPLETE
    finish_capture(capture, state, ctx.errors)
    ctx.progress(STEPS)
    return {"capture": capture.pk, "state": state, "url": url, "final_url": capture.final_url,
            "http_status": capture.http_status, "change": capture.change, "files": files}


def fetch(client: Client, url: str) -> tuple[list[Exchange], Exchange | None, str]:
    """Fetch the page, following redirects; return (chain, final response or None, failure line)."""
    try:
        chain = client.fetch(url)
        return chain, chain[-1], ""
    except Refused as exc:
        kept = client.exchanges[-1] if client.exchanges else None
        if kept is not None and kept.location:
            kept = None  # a redirect loop: no page was reached
        return list(client.exchanges), kept, str(exc)


def fetch_media(ctx, client: Client, rendered: Rendered, recursive_media: bool) -> list[Exchange]:
    """The images the page embeds (and, with --recursive-media, its video and audio files)."""
    found = []
    for entry in rendered.media[: settings.LITOPYS_CAPTURE_MAX_MEDIA]:
        if entry["kind"] != "image" and not recursive_media:
            continue
        try:
            exchange = client.get(entry["url"])
        except Refused as exc:
            ctx.error(str(exc))
            continue
        if exchange.status >= 400:
            ctx.error(f"{entry['url']}: the page embeds it, but the server answered HTTP {exchange.status}")
            continue
        if entry["kind"] != "image" and not is_media(exchange.read()[:65536]):
            ctx.error(f"{entry['url']}: not a video or audio file that can be read "
                      f"({detect_media_type(exchange.read()[:65536])}); it stays in the WARC only")
            continue
        found.append(exchange)
    if len(rendered.media) > settings.LITOPYS_CAPTURE_MAX_MEDIA:
        ctx.warn(f"{len(rendered.media)} media files embedded; the first {settings.LITOPYS_CAPTURE_MAX_MEDIA} "
                 "kept (LITOPYS_CAPTURE_MAX_MEDIA)")
    return found


def download_media(ctx, url: str, rendered: Rendered | None, folder: Path, rules: Policy, facts: dict) -> list:
    """Video and audio through yt-dlp: the page itself, then each video or audio element it holds."""
    from litopys.capture import media

    facts["tools"]["yt-dlp"] = media.ytdlp_version()
    targets = [url] + [m["url"] for m in (rendered.media if rendered else []) if m["kind"] in ("video", "audio")]
    files = []
    target_folder = folder / "media"
    target_folder.mkdir(exist_ok=True)
    for number, target in enumerate(dict.fromkeys(targets)):
        try:
            got = media.download(target, target_folder, rules)
        except Refused as exc:
            if number:  # the page itself often has no video: only its video elements are worth a line
                ctx.error(str(exc))
            continue
        for path in got:
            with open(path, "rb") as handle:
                head = handle.read(65536)
            if is_media(head):
                files.append((target, path))
            else:
                ctx.error(f"{target}: yt-dlp fetched {path.name}, but it is not a video or audio file that can be "
                          f"read ({detect_media_type(head)}); not kept")
    return files


def is_media(head: bytes) -> bool:
    return detect_media_type(head).startswith(("video/", "audio/"))


def robots_allow(client: Client, url: str) -> bool:
    """Read the site's robots.txt through the client (recorded too); a missing or unreadable one allows."""
    from urllib.parse import urljoin
    from urllib.robotparser import RobotFileParser

    try:
        answer = client.get(urljoin(url, "/robots.txt"))
    except Refused:
        return True
    if answer.status >= 400:
        return True
    rules = RobotFileParser()
    rules.parse(answer.read().decode("utf-8", "replace").splitlines())
    return rules.can_fetch(client.policy.user_agent, url)


def robots_decision() -> dict:
    if settings.LITOPYS_CAPTURE_ROBOTS:
        return {"robots": "obeyed", "consent": "public page, no login, no cookies"}
    return {"robots": "not consulted: preserving evidence of what was published (LITOPYS_CAPTURE_ROBOTS=0)",
            "consent": "public page, no login, no cookies, no form sent"}


def capture_facts(capture, url, chain, final, rendered, robots, started, profile_name, rules) -> dict:
    from importlib.metadata import version

    tools = {"litopys": f"litopys {litopys.__version__}", "warcio": f"warcio {version('warcio')}",
             "python": f"Python {platform.python_version()}"}
    if rendered:
        tools["playwright"] = f"playwright {version('playwright')}"
        tools["chromium"] = f"Chromium {rendered.browser_version}"
    return {
        "requested_url": url, "final_url": rendered.final_url if rendered and rendered.final_url else final.url,
        "http_status": final.status, "headers": final.headers, "captured_at": started.isoformat(),
        "redirects": [{"url": e.url, "status": e.status, "location": e.location} for e in chain if e.location],
        "server_address": "" if rules.proxy else "resolved and checked per request", "tls": final.tls,
        "truncated": final.truncated, "captured_by": capture.actor, "profile": profile_name,
        "user_agent": rules.user_agent, "through_proxy": bool(rules.proxy), "tools": tools, **robots,
        "body_sha256": "sha256:" + hashlib.sha256(final.read()).hexdigest(),
    }
