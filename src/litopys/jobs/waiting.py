"""Wait for jobs a command queued; when no worker is alive, run them in this process."""

import time
from collections.abc import Callable

from litopys.jobs import actions
from litopys.jobs.models import Job


def wait_for(jobs: list[Job], on_finish: Callable[[Job], None] | None = None, poll: float = 0.5) -> list[Job]:
    """Return the jobs once every one has finished, calling `on_finish` for each as it does.

    A command that queued work waits for a worker to do it. With no worker alive (none started, or the
    embedded setup with no server at all), the command works off its own jobs itself, through the same
    row locks, so a worker that starts meanwhile never runs one twice.
    """
    from litopys.jobs.worker import JobWorker

    pending = {job.pk for job in jobs}
    while pending:
        for job in Job.objects.filter(pk__in=pending).order_by("pk"):
            if job.is_finished:
                pending.discard(job.pk)
                if on_finish:
                    on_finish(job)
        if not pending:
            break
        if not actions.live_workers().exists():
            actions.requeue_lost()
            task_ids = list(Job.objects.filter(pk__in=pending).values_list("task_id", flat=True))
            JobWorker(until_empty=True, interval=0, task_ids=task_ids, heartbeat=False).run()
            continue
        time.sleep(poll)
    return list(Job.objects.filter(pk__in=[job.pk for job in jobs]).order_by("pk"))
