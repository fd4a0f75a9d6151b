"""The jobs app's panel on the staff home: work running, queued, and what failed lately."""

from django.urls import reverse
from django.utils.translation import gettext as _

from litopys.core.staff import Panel
from litopys.jobs.models import JobState
from litopys.jobs.selectors import jobs_for


def jobs_panel(request):
    if not request.user.has_perm("jobs.view_job"):
        return None
    jobs = jobs_for(request.user)
    states = JobState
    running = jobs.filter(state__in=[states.QUEUED, states.RUNNING]).count()
    failed = list(jobs.filter(state__in=[states.FAILED, states.PARTIAL]).order_by("-pk")[:5])
    if not running and not failed and not jobs.exists():
        return None
    rows = [(_("%(title)s: %(state)s — %(reason)s") % {"title": job.title, "state": job.get_state_display(),
                                                       "reason": job.failure or "—"},
             reverse("jobs:detail", args=[job.pk])) for job in failed]
    return Panel(title=_("Jobs"), summary=_("%(n)d running or queued.") % {"n": running}, rows=rows,
                 link=reverse("jobs:list"), link_label=_("All jobs"), urgent=bool(failed), order=20)
