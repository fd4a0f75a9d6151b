"""Ask for captures of links (queued as jobs, as on the staff site's "Capture a link"), and list captures."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import ValidationError
from pydantic import StringConstraints

from litopys.capture.actions import request_capture
from litopys.capture.forms import CaptureForm
from litopys.capture.selectors import captures_for
from litopys.exchange.api import auth
from litopys.exchange.api.jobs import JobOut, job_data
from litopys.exchange.api.paging import PageQuery, page_schema, paginate
from litopys.exchange.api.schemas import Input, answers, require

router = Router(tags=["staff: ingest and capture"], auth=auth.read)


#: An http(s) address with a host name (and a port below 10000, if any); its path in ASCII, as on the wire.
Link = Annotated[str, StringConstraints(max_length=2000, pattern=r"^https?://[A-Za-z0-9][A-Za-z0-9.-]*(:[0-9]{1,4})?(/[!-~]*)?$")]


class CaptureRequest(Input):
    urls: list[Link] = Field(min_length=1, max_length=100, description="http(s) addresses, at most 100.")
    recursive_media: bool = Field(False, description="Keep video and audio too.")
    every: str = Field(None, pattern=r"^(?:[1-9][0-9]{0,3}m|[1-9][0-9]{0,2}h|[1-9][0-9]?d|[12][0-9]{2}d|3[0-5][0-9]d"
                                     r"|36[0-6]d|[1-9]w|[1-4][0-9]w|5[0-2]w)$",
                       description="Capture again every 30m, 6h, 1d, 2w… (needs the right to schedule).")


class Queued(Schema):
    jobs: list[JobOut]


class CaptureFileOut(Schema):
    role: str
    sha256: str
    url: str


class CaptureOut(Schema):
    id: int
    url: str
    final_url: str
    http_status: int | None
    state: str
    change: str
    started_at: datetime
    finished_at: datetime | None
    job: int | None
    source: int | None
    errors: list[str]
    files: list[CaptureFileOut]


CapturePage = page_schema("CapturePage", CaptureOut)


def capture_data(capture) -> dict:
    return {"id": capture.pk, "url": capture.url, "final_url": capture.final_url, "http_status": capture.http_status,
            "state": capture.state, "change": capture.change, "started_at": capture.started_at,
            "finished_at": capture.finished_at, "job": capture.job_id, "source": capture.source_id,
            "errors": [str(error) for error in capture.errors or []],
            "files": [{"role": f.role, "sha256": f.item.sha256, "url": f.url}
                      for f in capture.files.select_related("item")]}


@router.post("/captures", auth=auth.write, response=answers(Queued, status=202), summary="Capture links")
def capture(request, data: CaptureRequest):
    """Queue one capture job per link, as the staff site's "Capture a link" does; a worker runs them."""
    require(request, "capture.add_capture")
    form = CaptureForm({"urls": "\n".join(data.urls), "recursive_media": data.recursive_media,
                        "every": data.every or ""})
    if not form.is_valid():
        raise ValidationError([{"loc": ("body", "data", field), "msg": " ".join(problems)}
                               for field, problems in form.errors.items()])
    if form.cleaned_data["every"]:
        require(request, "capture.add_schedule")
    jobs = request_capture(form.cleaned_data["urls"], owner=request.user, actor=request.user.get_username(),
                           recursive_media=form.cleaned_data["recursive_media"], every=form.cleaned_data["every"])
    return Status(202, {"jobs": [job_data(job) for job in jobs]})


@router.get("/captures", response=answers(CapturePage), summary="Captures you may see")
def list_captures(request, page: Query[PageQuery]):
    require(request, "capture.view_capture")
    return paginate(request, captures_for(request.user), page, capture_data)


@router.get("/captures/{capture_id}", response=answers(CaptureOut), summary="One capture")
def get_capture(request, capture_id: int):
    require(request, "capture.view_capture")
    return capture_data(get_object_or_404(captures_for(request.user), pk=capture_id))
