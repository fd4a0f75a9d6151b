"""The editors' button: build an incident's evidence package on the staff site and download it as a ZIP."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django import forms
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from litopys.core.staff import Panel
from litopys.exchange.actions import export_package
from litopys.exchange.packages.build import PackageBuildError
from litopys.exchange.packages.contents import Scope, ScopeError
from litopys.incidents.models import Incident

#: Roles that may hand evidence out of the organisation.
EXPORTING_ROLES = ("editor", "administrator")


def may_export(user) -> bool:
    return bool(user.is_active and user.is_staff and (
        user.is_superuser or user.groups.filter(name__in=EXPORTING_ROLES).exists()))


class PackageForm(forms.Form):
    recipient = forms.CharField(label=gettext_lazy("Recipient"), max_length=300,
                                help_text=gettext_lazy("Who receives the package, e.g. the Office of the Prosecutor "
                                                       "General; the custody ledger records it."))
    include_confidential = forms.BooleanField(
        label=gettext_lazy("Include confidential sources I may read"), required=False,
        help_text=gettext_lazy("Left out otherwise, and counted in the package as withheld."))


@staff_member_required
def incident_package(request, slug: str):
    """Show the package form for an incident; on POST, build the package and send it as a ZIP."""
    if not may_export(request.user):
        raise PermissionDenied(_("Only editors and administrators hand evidence packages out."))
    incident = get_object_or_404(Incident, slug=slug)
    form = PackageForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        folder = Path(tempfile.mkdtemp(prefix="litopys-package-download-"))
        name = f"litopys-package-{slug}-{timezone.now():%Y%m%d-%H%M%S}.zip"
        try:
            export_package(Scope(incident=slug), request.user, form.cleaned_data["recipient"], folder / name,
                           include_confidential=form.cleaned_data["include_confidential"])
        except (ScopeError, PackageBuildError) as exc:
            error = str(exc)
        else:
            handle = open(folder / name, "rb")
            # The open file stays readable once unlinked; nothing is left behind when the download ends.
            os.unlink(folder / name)
            os.rmdir(folder)
            return FileResponse(handle, as_attachment=True, filename=name, content_type="application/zip")
        os.rmdir(folder)
    return render(request, "exchange/package/form.html", {
        "title": _("Evidence package: %(incident)s") % {"incident": incident.title}, "incident": incident,
        "form": form, "error": error})


def panel(request):
    """On the staff home, for editors: build an evidence package of an incident."""
    if not may_export(request.user):
        return None
    incidents = Incident.objects.order_by("-updated_at")[:8]
    return Panel(
        title=_("Evidence packages"),
        summary=_("Hand an incident's evidence to a prosecutor or a court as a package anyone can check."),
        rows=[(incident.title, reverse("exchange-packages:incident", args=[incident.slug])) for incident in incidents],
        order=70)


