"""Jobs (captures, OCR, long imports) with their state, progress and log: your own, or all with the right."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from litopys.exchange.api import auth
from litopys.exchange.api.paging import PageQuery, page_schema, paginate
from litopys.exchange.api.schemas import Input, answers, require
from litopys.jobs.models import JobState
from litopys.jobs.selectors import as_dict, jobs_for

router = Router(tags=["staff: jobs"], auth=auth.read)


class LogLine(Schema):
    at: datetime
    level: str
    message: str


class JobOut(Schema):
    id: int
    kind: str
    title: str
    state: str
    done: int
    total: int
    failure: str
    attempts: int
    worker: str
    owner: str
    result: dict[str, Any]
    created_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None


class JobDetail(JobOut):
    log: list[LogLine]


class JobFilters(Input):
    state: JobState = None


JobPage = page_schema("JobPage", JobOut)


def job_data(job) -> dict:
    return as_dict(job, lines=False)


@router.get("/jobs", response=answers(JobPage), summary="Jobs you may see")
def list_jobs(request, filters: Query[JobFilters], page: Query[PageQuery]):
    require(request, "jobs.view_job")
    jobs = jobs_for(request.user)
    if filters.state:
        jobs = jobs.filter(state=filters.state)
    return paginate(request, jobs, page, job_data)


@router.get("/jobs/{job_id}", response=answers(JobDetail), summary="One job with its log")
def get_job(request, job_id: int):
    require(request, "jobs.view_job")
    return as_dict(get_object_or_404(jobs_for(request.user), pk=job_id))
