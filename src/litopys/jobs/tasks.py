"""The one task the queue runs: do the work of a job, recording its outcome on the job."""

import logging

from django.utils.module_loading import import_string
from django_tasks import task

from litopys.jobs import actions
from litopys.jobs.context import JobContext, JobFailed, one_line
from litopys.jobs.models import Job, JobState

logger = logging.getLogger(__name__)

#: The worker running in this process (set by `litopys worker`); other backends name the process.
CURRENT_WORKER = {"name": "", "job": None}


@task()
def run_job(job_id: int) -> str:
    """Run the handler of a job; its failure is recorded on the job, never raised to the queue."""
    job = Job.objects.select_related("owner").filter(pk=job_id).first()
    if job is None:
        return "gone"
    if job.is_finished:
        return job.state
    actions.start(job, CURRENT_WORKER["name"] or actions.worker_name())
    CURRENT_WORKER["job"] = job.pk
    context = JobContext(job)
    try:
        handler = import_string(job.handler)
        result = handler(context, **job.arguments)
    except JobFailed as exc:
        actions.finish(job, JobState.FAILED, failure=one_line(exc))
    except Exception as exc:  # noqa: BLE001 - a bug in a handler is still one line on the job
        logger.exception("job %s failed", job.pk)
        actions.finish(job, JobState.FAILED, failure=f"{type(exc).__name__}: {one_line(exc)}")
    else:
        state = JobState.PARTIAL if context.errors else JobState.SUCCEEDED
        actions.finish(job, state, result=result if isinstance(result, dict) else {"value": result})
    finally:
        CURRENT_WORKER["job"] = None
    return job.state
