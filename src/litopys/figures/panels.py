"""The figures app's panel on the staff home: the latest public corrections."""

from django.urls import reverse
from django.utils.translation import gettext as _

from litopys.core.staff import Panel
from litopys.figures.models import Correction
from litopys.figures.public import correction_note


def corrections_panel(request):
    if not request.user.has_perm("figures.view_figure"):
        return None
    rows = []
    for correction in Correction.objects.select_related("figure__incident", "figure__site", "figure__place")[:5]:
        note = correction_note(correction)
        rows.append((_("%(figure)s: was %(was)s, now %(now)s") % {
            "figure": correction.figure, "was": note.was, "now": note.now},
            reverse("admin:figures_correction_change", args=[correction.pk])))
    if not rows:
        return None
    return Panel(title=_("Latest corrections"), rows=rows, link=reverse("record:corrections"),
                 link_label=_("The public list of corrections"), order=45)
