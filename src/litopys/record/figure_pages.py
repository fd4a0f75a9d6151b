"""A page per figure, stable and citable, and the list of corrections with its feed."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from litopys.evidence.selectors import public_quote, redacted_item_ids
from litopys.figures.models import Correction, Figure
from litopys.figures.naming import about_text
from litopys.figures.public import correction_note, is_public, project
from litopys.figures.selectors import cited_by, reviewed_status
from litopys.record import citations
from litopys.record.selectors import public_figure_view
from litopys.sitecache.http import public_page

CORRECTIONS_PER_PAGE = 30


def figure_context(row: Figure) -> dict:
    """Return what a figure's page shows, or raise Http404 when the public may not see it."""
    view = public_figure_view(row)
    if view is None:
        raise Http404(_("There is no such figure."))
    figure = project(view)
    about = about_text(view.incident, view.site, view.place, row.place_name)
    url = settings.LITOPYS_SITE_URL + reverse("record:figure", args=[row.pk])
    site, today = str(_("Litopys")), timezone.localdate()
    redacted = redacted_item_ids(claim.source.item_id for claim in view.claims)

    def quote(claim) -> str:
        if not is_public(claim):
            return ""
        if claim.source.item_id not in redacted:
            return claim.quote
        return public_quote(claim.source, claim.quote, claim.start, claim.end)

    claims = [{"claim": claim, "public": is_public(claim), "status": reviewed_status(claim),
               "kind": claim.source.get_kind_display(), "quote": quote(claim)}
              for claim in view.claims if claim.pk not in set(view.figure.rejected)]
    return {
        "figure": figure, "row": row, "view": view, "about": about, "claims": claims, "url": url,
        "posts": cited_by([row.pk]).get(row.pk, []),
        "cite": {"text": citations.plain(figure, about, url, site, today),
                 "bibtex": citations.bibtex(figure, about, url, site, today),
                 "csl": citations.csl_json(figure, about, url, site, today)},
    }


@public_page
def figure_detail(request, pk: int):
    """Show one figure: its number, range and status, every claim behind it, who cites it, how to cite it."""
    return render(request, "record/figure.html", figure_context(get_object_or_404(Figure, pk=pk)))


def public_corrections():
    """Return the corrections of figures the public may see, newest first."""
    shown = []
    for correction in Correction.objects.select_related("figure__incident", "figure__site", "figure__place"):
        view = public_figure_view(correction.figure)
        if view is not None:
            correction.about = about_text(view.incident, view.site, view.place, correction.figure.place_name)
            correction.public = project(view)
            correction.note = correction_note(correction)
            shown.append(correction)
    return shown


@public_page
def corrections(request, page: int = 1):
    """List every correction of a published figure: when, what it was, what it is, and why."""
    paginator = Paginator(public_corrections(), CORRECTIONS_PER_PAGE, allow_empty_first_page=True)
    if page > paginator.num_pages:
        raise Http404(_("There is no page %(number)s.") % {"number": page})
    return render(request, "record/corrections.html", {"page_obj": paginator.page(page)})


class CorrectionsFeed(Feed):
    title = gettext_lazy("Litopys — corrections")
    description = gettext_lazy("Every change to a published figure: what it was, what it is now, and why.")

    def link(self):
        return settings.LITOPYS_SITE_URL + reverse("record:corrections")

    def items(self):
        return public_corrections()[:30]

    def item_title(self, correction):
        return _("%(figure)s, %(about)s: was %(was)s, now %(now)s") % {
            "figure": correction.public.label, "about": correction.about, "was": correction.note.was,
            "now": correction.note.now}

    def item_description(self, correction):
        return correction.reason

    def item_link(self, correction):
        return settings.LITOPYS_SITE_URL + reverse("record:figure", args=[correction.figure_id])

    def item_guid(self, correction):
        return f"{self.link()}#correction-{correction.pk}"

    def item_pubdate(self, correction):
        return correction.at


corrections_feed = public_page(CorrectionsFeed())
