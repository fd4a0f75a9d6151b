"""Ask for captures: queue one job per URL, schedule re-captures, and queue a schedule's next run."""

from __future__ import annotations

import re
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from litopys.capture.models import Schedule
from litopys.jobs.actions import queue_job
from litopys.jobs.models import Job, JobState

HANDLER = "litopys.capture.run.capture_url"
_EVERY = re.compile(r"^\s*(\d+)\s*([smhdw]?)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
#: The shortest interval a schedule accepts: a capture is evidence, not a monitor.
MIN_EVERY = 60
#: The longest: a year (and well within the database's integer column).
MAX_EVERY = 366 * 86400


def parse_every(text: str) -> int:
    """Read an interval like 30m, 6h, 1d, 2w (seconds without a unit); raise ValueError with the fix."""
    found = _EVERY.match(text or "")
    if not found:
        raise ValueError(f"{text!r} is not an interval; write it like 30m, 6h, 1d or 2w")
    seconds = int(found[1]) * _UNITS[found[2].lower()]
    if seconds < MIN_EVERY:
        raise ValueError(f"{text!r} is too often; re-capture at most every {MIN_EVERY // 60} minute(s)")
    if seconds > MAX_EVERY:
        raise ValueError(f"{text!r} is too seldom to schedule; give at most 52w, or capture it again by hand")
    return seconds


def request_capture(urls: list[str], *, owner=None, actor: str = "", recursive_media: bool = False,
                    screenshots: bool = True, every: int | None = None) -> list[Job]:
    """Queue one capture job per URL (and a schedule each when `every` is given); return the jobs."""
    jobs = []
    for url in urls:
        url = url.strip()
        schedule = None
        if every:
            schedule = Schedule.objects.create(url=url[:2000], every=every, recursive_media=recursive_media,
                                               owner=owner, next_at=timezone.now() + timedelta(seconds=every))
        arguments = {"url": url, "recursive_media": recursive_media, "screenshots": screenshots}
        if schedule:
            arguments["schedule"] = schedule.pk
        jobs.append(queue_job("capture", f"Capture {url}", HANDLER, arguments, owner=owner, actor=actor))
    return jobs


def queue_next(schedule_id: int) -> Job | None:
    """Queue the next run of a schedule, once (a retried run does not queue a second one)."""
    with transaction.atomic():
        schedule = Schedule.objects.select_for_update().filter(pk=schedule_id, active=True).first()
        if schedule is None:
            return None
        waiting = Job.objects.filter(handler=HANDLER, state=JobState.QUEUED,
                                     arguments__schedule=schedule.pk).exists()
        if waiting:
            return None
        next_at = max(schedule.next_at, timezone.now())
        schedule.next_at = next_at + timedelta(seconds=schedule.every)
        schedule.save(update_fields=["next_at"])
        arguments = {"url": schedule.url, "recursive_media": schedule.recursive_media, "screenshots": True,
                     "schedule": schedule.pk}
        return queue_job("capture", f"Capture {schedule.url} (scheduled)", HANDLER, arguments,
                         owner=schedule.owner, actor=schedule.owner.get_username() if schedule.owner else "",
                         run_after=next_at)
