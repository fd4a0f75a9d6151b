"""Staff pages: the jobs a person may see, and one job with its log."""

from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from litopys.jobs.models import JobState
from litopys.jobs.selectors import jobs_for


def _allowed(request):
    if not request.user.has_perm("jobs.view_job"):
        raise PermissionDenied


@staff_member_required
def job_list(request):
    """List jobs, newest first, with state, progress and failure reason."""
    _allowed(request)
    jobs = jobs_for(request.user)
    state = request.GET.get("state", "")
    if state in JobState.values:
        jobs = jobs.filter(state=state)
    page = Paginator(jobs, 50).get_page(request.GET.get("page"))
    context = {**admin.site.each_context(request), "title": _("Jobs"), "page": page, "jobs": page.object_list,
               "states": JobState.choices, "state": state,
               "busy": any(not job.is_finished for job in page.object_list)}
    return render(request, "jobs/list.html", context)


@staff_member_required
def job_detail(request, pk: int):
    _allowed(request)
    job = get_object_or_404(jobs_for(request.user), pk=pk)
    context = {**admin.site.each_context(request), "title": job.title, "job": job, "lines": job.lines.all(),
               "busy": not job.is_finished}
    return render(request, "jobs/detail.html", context)
