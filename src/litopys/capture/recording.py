"""Keep what a capture run produced: each file a vault item with a `collected` event, and the versions."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from django.utils import timezone

from litopys.capture.models import Capture, CaptureFile, CaptureState, Change
from litopys.evidence.collect import collect
from litopys.evidence.ingest import SourceFacts
from litopys.evidence.models import SourceKind

UTF8_TEXT = "text/plain; charset=utf-8"


def _facts(capture: Capture, title: str, kind: str = "", method: str = "litopys capture") -> SourceFacts:
    return SourceFacts(kind=kind, title=title[:500], collected_by=capture.actor, collected_at=timezone.now(),
                       collection_method=method, sensitivity="restricted")


def store_files(ctx, capture: Capture, url: str, wacz_path: Path, final, rendered, media, downloads,
                facts: dict) -> list[dict]:
    """Store the WACZ first (the primary item), then what was derived from it; return one row per file."""
    rows = []
    owner = capture.owner
    with open(wacz_path, "rb") as handle:
        primary = collect(handle, "capture.wacz", url, _facts(capture, f"Capture of {url}", SourceKind.WEB_ARCHIVE),
                          actor=capture.actor, owner=owner, announce=False,
                          details={"capture": capture.pk, "final_url": facts["final_url"],
                                   "http_status": facts["http_status"]})
    capture.source = primary.source
    capture.save(update_fields=["source"])
    rows.append(_keep(capture, CaptureFile.Role.WACZ, primary, url))

    def derived(role, data: bytes, name: str, file_url: str, *, process=True, announce=False, title=""):
        with ctx.step(f"{url}: storing the {role}"):
            kept = collect(io.BytesIO(data), name, file_url, _facts(capture, title or f"{role} of {url}"),
                           actor=capture.actor, owner=owner, derived_from=primary.item, derivation=role,
                           parent=primary.source, process=process, announce=announce,
                           details={"capture": capture.pk})
            for warning in kept.warnings:
                ctx.warn(f"{name}: {warning}")
            if any(row["sha256"] == kept.item.sha256 for row in rows):
                return  # the same bytes reached twice (an element and yt-dlp): one file of the capture
            rows.append(_keep(capture, role, kept, file_url))

    page_url = facts["final_url"]
    if rendered is not None:
        if rendered.screenshot:
            derived(CaptureFile.Role.SCREENSHOT, rendered.screenshot, "screenshot.png", page_url, process=False)
        if rendered.pdf:
            derived(CaptureFile.Role.PDF, rendered.pdf, "page.pdf", page_url, process=False)
        if rendered.text.strip():
            derived(CaptureFile.Role.TEXT, rendered.text.encode("utf-8"), "page.txt", page_url, announce=True,
                    title=rendered.title or f"Text of {url}")
    elif final is not None and final.size and not final.truncated:
        derived(CaptureFile.Role.FILE, final.read(), Path(final.url.split("?")[0]).name or "file", final.url,
                announce=True)
    for exchange in media:
        name = Path(exchange.url.split("?")[0]).name or "media"
        derived(CaptureFile.Role.MEDIA, exchange.read(), name, exchange.url, announce=True)
    for source_url, path in downloads:
        with open(path, "rb") as handle:
            data = handle.read()
        derived(CaptureFile.Role.MEDIA, data, path.name, source_url, announce=False)
    capture.metadata = {**facts, "files": [{"role": row["role"], "sha256": row["sha256"], "url": row["url"]}
                                           for row in rows]}
    capture.save(update_fields=["metadata"])
    return rows


def _keep(capture: Capture, role: str, kept, url: str) -> dict:
    CaptureFile.objects.create(capture=capture, role=role, item=kept.item, source=kept.source, url=url[:2000])
    return {"role": role, "sha256": kept.item.sha256, "size": kept.item.size, "media_type": kept.item.media_type,
            "new": kept.created, "url": url}


def compare_with_previous(capture: Capture, rendered) -> None:
    """Mark the capture first, unchanged, changed or gone against the latest earlier one of the same URL."""
    metadata = capture.metadata
    capture.final_url = (metadata.get("final_url") or "")[:2000]
    capture.http_status = metadata.get("http_status")
    capture.body_digest = metadata.get("body_sha256", "")
    if rendered is not None and rendered.text:
        capture.text_digest = "sha256:" + hashlib.sha256(rendered.text.encode("utf-8")).hexdigest()
    previous = (Capture.objects.filter(url=capture.url, pk__lt=capture.pk)
                .exclude(state=CaptureState.RUNNING).order_by("-pk").first())
    capture.previous = previous
    if previous is None:
        capture.change = Change.FIRST
    elif (capture.http_status or 0) >= 400:
        capture.change = Change.GONE
    elif capture.text_digest and capture.text_digest == previous.text_digest:
        capture.change = Change.UNCHANGED
    elif not capture.text_digest and capture.body_digest == previous.body_digest:
        capture.change = Change.UNCHANGED
    else:
        capture.change = Change.CHANGED
    capture.save(update_fields=["final_url", "http_status", "body_digest", "text_digest", "previous", "change"])


def finish_capture(capture: Capture, state: str, errors: list[str], gone: bool = False) -> None:
    capture.state, capture.errors, capture.finished_at = state, list(errors), timezone.now()
    fields = ["state", "errors", "finished_at"]
    if gone:
        previous = (Capture.objects.filter(url=capture.url, pk__lt=capture.pk)
                    .exclude(state=CaptureState.RUNNING).order_by("-pk").first())
        if previous is not None:
            capture.previous, capture.change = previous, Change.GONE
            fields += ["previous", "change"]
    capture.save(update_fields=fields)
