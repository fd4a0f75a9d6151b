"""The evidence app's panel on the staff home: the sources collected lately (a collector's own)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from litopys.core.staff import Panel
from litopys.evidence.access import readable_sources


def sources_panel(request):
    if not request.user.has_perm("evidence.view_source"):
        return None
    sources = readable_sources(request.user).order_by("-collected_at")[:6]
    rows = [(str(source), reverse("review:source-claims", args=[source.pk])) for source in sources]
    return Panel(title=_("Sources collected lately"), rows=rows,
                 summary="" if rows else _("No source yet: ingest files or capture a link."),
                 link=reverse("admin:evidence_source_changelist"), link_label=_("All sources"), order=30)
