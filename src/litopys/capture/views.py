"""Staff pages: "Capture a link", the captures a person may see, and one capture beside its previous version."""

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.capture.actions import request_capture
from litopys.capture.forms import CaptureForm
from litopys.capture.selectors import captures_for, rendered_text, text_diff


@staff_member_required
def capture_link(request):
    """The form to capture links, and the latest captures with changed or deleted pages flagged."""
    if not request.user.has_perm("capture.view_capture"):
        raise PermissionDenied
    form = CaptureForm()
    if request.method == "POST":
        if not request.user.has_perm("capture.add_capture"):
            raise PermissionDenied
        form = CaptureForm(request.POST)
        if form.is_valid():
            if form.cleaned_data["every"] and not request.user.has_perm("capture.add_schedule"):
                raise PermissionDenied
            jobs = request_capture(form.cleaned_data["urls"], owner=request.user,
                                   actor=request.user.get_username(),
                                   recursive_media=form.cleaned_data["recursive_media"],
                                   every=form.cleaned_data["every"])
            messages.success(request, ngettext("%(count)d capture queued; its job is listed below.",
                                               "%(count)d captures queued; their jobs are listed below.",
                                               len(jobs)) % {"count": len(jobs)})
            return redirect("jobs:list")
    captures = captures_for(request.user)
    if request.GET.get("flagged"):
        captures = captures.filter(change__in=["changed", "gone"])
    page = Paginator(captures, 50).get_page(request.GET.get("page"))
    context = {**admin.site.each_context(request), "title": _("Capture a link"), "form": form, "page": page,
               "captures": page.object_list, "flagged": bool(request.GET.get("flagged")),
               "may_add": request.user.has_perm("capture.add_capture")}
    return render(request, "capture/capture_link.html", context)


@staff_member_required
def capture_detail(request, pk: int):
    """One capture: its facts, its files, and the text changes since the previous capture."""
    if not request.user.has_perm("capture.view_capture"):
        raise PermissionDenied
    capture = get_object_or_404(captures_for(request.user), pk=pk)
    diff = None
    if capture.previous_id:
        diff = text_diff(rendered_text(capture.previous), rendered_text(capture))
    versions = captures_for(request.user).filter(url=capture.url).order_by("-pk")[:50]
    context = {**admin.site.each_context(request), "title": _("Capture of %(url)s") % {"url": capture.url},
               "capture": capture, "files": capture.files.select_related("item"), "diff": diff,
               "versions": versions}
    return render(request, "capture/capture_detail.html", context)
