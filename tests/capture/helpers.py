from litopys.capture.actions import request_capture
from litopys.capture.models import Capture
from litopys.jobs.waiting import wait_for


def capture(*urls, **options):
    """Capture urls through the queue (in this process: no worker runs) and return (jobs, captures)."""
    jobs = wait_for(request_capture(list(urls), actor="synthetic-collector", **options))
    captures = [Capture.objects.filter(job=job).order_by("-pk").first() for job in jobs]
    return jobs, captures
