"""Every change of a job's state: queue, start, log, progress, finish, and requeue after a lost worker."""

import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from litopys.jobs.models import Job, JobLine, JobState, Worker


def queue_job(kind: str, title: str, handler: str, arguments: dict | None = None, *, owner=None,
              actor: str = "", run_after=None) -> Job:
    """Record a job and put its task on the queue (`run_after`: not before this time)."""
    from litopys.jobs.tasks import run_job

    job = Job.objects.create(kind=kind, title=title[:500], handler=handler, arguments=arguments or {},
                             owner=owner, actor=actor or (owner.get_username() if owner else ""),
                             run_after=run_after)
    task = run_job.using(run_after=run_after) if run_after else run_job
    result = task.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.task_id = str(result.id)
    return job


def log(job: Job, message: str, level: str = JobLine.Level.INFO) -> JobLine:
    """Add one line to a job's log (and count it as a sign of life)."""
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
    return JobLine.objects.create(job=job, level=level, message=message)


def set_progress(job: Job, done: int, total: int | None = None) -> None:
    job.done = done
    fields = {"done": done, "heartbeat_at": timezone.now()}
    if total is not None:
        job.total = fields["total"] = total
    Job.objects.filter(pk=job.pk).update(**fields)


def start(job: Job, worker: str) -> None:
    now = timezone.now()
    job.state, job.worker, job.started_at, job.heartbeat_at = JobState.RUNNING, worker, now, now
    job.attempts += 1
    job.save(update_fields=["state", "worker", "started_at", "heartbeat_at", "attempts"])


def finish(job: Job, state: str, *, failure: str = "", result: dict | None = None) -> None:
    job.state, job.failure, job.finished_at = state, failure, timezone.now()
    if result is not None:
        job.result = result
    job.save(update_fields=["state", "failure", "finished_at", "result"])
    if failure:
        log(job, failure, JobLine.Level.ERROR)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def register_worker(name: str) -> Worker:
    worker, _ = Worker.objects.update_or_create(
        name=name, defaults={"host": socket.gethostname(), "pid": os.getpid(), "heartbeat_at": timezone.now(),
                             "stopped_at": None})
    return worker


def beat(worker_name_: str, job_id: int | None) -> None:
    """Say that a worker, and the job it runs, are alive."""
    now = timezone.now()
    Worker.objects.filter(name=worker_name_).update(heartbeat_at=now)
    if job_id:
        Job.objects.filter(pk=job_id, state=JobState.RUNNING).update(heartbeat_at=now)


def stop_worker(name: str) -> None:
    Worker.objects.filter(name=name).update(stopped_at=timezone.now())


def live_workers():
    """Return the workers that have shown a sign of life within the lease and have not stopped."""
    since = timezone.now() - timedelta(seconds=settings.LITOPYS_JOB_LEASE)
    return Worker.objects.filter(stopped_at__isnull=True, heartbeat_at__gte=since)


def _process_gone(name: str) -> bool:
    """Tell whether a worker on this host has died (a worker elsewhere is judged by its lease alone)."""
    host, _, pid = name.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def requeue_lost() -> list[Job]:
    """Queue again the jobs whose worker stopped midway (killed, machine lost); fail those out of attempts.

    A job is lost when its worker's process is gone from this host or it has shown no sign of life for
    LITOPYS_JOB_LEASE seconds. Its task row is locked while it is put back, so two workers never both
    requeue it, and a job still running is never touched.
    """
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    since = timezone.now() - timedelta(seconds=settings.LITOPYS_JOB_LEASE)
    requeued = []
    for job in Job.objects.filter(state=JobState.RUNNING).only("pk", "worker", "heartbeat_at"):
        stale = job.heartbeat_at is None or job.heartbeat_at < since
        if not (stale or _process_gone(job.worker)):
            continue
        with transaction.atomic():
            job = Job.objects.select_for_update().get(pk=job.pk)
            if job.state != JobState.RUNNING:
                continue
            task = DBTaskResult.objects.select_for_update().filter(pk=job.task_id).first() if job.task_id else None
            lost = f"the worker {job.worker} stopped midway through attempt {job.attempts}"
            if job.attempts >= settings.LITOPYS_JOB_ATTEMPTS or task is None:
                finish(job, JobState.FAILED, failure=f"{lost}; no attempts left (LITOPYS_JOB_ATTEMPTS="
                                                     f"{settings.LITOPYS_JOB_ATTEMPTS})")
                if task is not None and task.status == TaskResultStatus.RUNNING:
                    task.set_failed(RuntimeError(lost))
                continue
            job.state, job.worker = JobState.QUEUED, ""
            job.save(update_fields=["state", "worker"])
            log(job, f"{lost}; queued again", JobLine.Level.WARNING)
            if task.status == TaskResultStatus.RUNNING:
                task.status = TaskResultStatus.READY
                task.save(update_fields=["status"])
            requeued.append(job)
    return requeued
