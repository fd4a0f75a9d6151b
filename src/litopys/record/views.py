"""Public record pages: incidents, the map, the timeline and statistics of verified figures."""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from litopys.incidents.models import RecordStatus
from litopys.record import presentation, selectors
from litopys.record.statistics import statistics_charts
from litopys.sitecache.http import public_page
from litopys.vocab.choices import label

INCIDENTS_PER_PAGE = 50
TIMELINE_PER_PAGE = 20


def pin_context(pin) -> dict:
    return {"point": pin[0], "precision": pin[1]} if pin else {"point": None, "precision": ""}


def map_settings() -> dict:
    return {"tile_url": settings.LITOPYS_TILE_URL, "tile_attribution": settings.LITOPYS_TILE_ATTRIBUTION}


def page_of(items, number: int, per_page: int):
    try:
        return Paginator(items, per_page, allow_empty_first_page=True).page(number)
    except InvalidPage:
        raise Http404(_("There is no page %(number)s.") % {"number": number}) from None


@public_page
def incident_list(request, page: int = 1):
    """List published incidents, newest first, with their verified headline figures."""
    page_obj = page_of(selectors.public_incidents(), page, INCIDENTS_PER_PAGE)
    figures = selectors.verified_figures([incident.pk for incident in page_obj])
    cards = [presentation.card(incident, figures) for incident in page_obj]
    return render(request, "record/incident_list.html", {"page_obj": page_obj, "cards": cards})


@public_page
def incident_detail(request, slug: str):
    """Show one published incident: dates, place, sites, a pin and its verified figures with their sources."""
    incident = get_object_or_404(selectors.public_incidents(), slug=slug)
    parent = incident.parent if incident.parent and incident.parent.status == RecordStatus.PUBLISHED else None
    sites = [{"name": site.name, "kind_label": label("site_kinds", site.kind),
              "discovered": presentation.date_text(site.discovered_on, "day")} for site in incident.sites.all()]
    context = {
        "card": presentation.card(incident, selectors.verified_figures([incident.pk])), "parent": parent,
        "sites": sites,
        "children": selectors.public_incidents().filter(parent=incident).order_by("start_date", "title"),
        **pin_context(presentation.incident_pin(incident)), **map_settings(),
    }
    return render(request, "record/incident_detail.html", context)


@public_page
def incident_map(request):
    """Show the map of published incidents, with a list of the same incidents for readers without the map."""
    incidents = list(selectors.public_incidents())
    figures = selectors.verified_figures([incident.pk for incident in incidents])
    entries = [(presentation.card(incident, figures), presentation.incident_point(incident) is not None)
               for incident in incidents]
    return render(request, "record/map.html", {"entries": entries, **map_settings()})


@public_page
def timeline(request, page: int = 1):
    """List published incidents in time order, grouped by month, a page at a time."""
    ordered = selectors.public_incidents().order_by(F("start_date").asc(nulls_last=True), "title")
    page_obj = page_of(ordered, page, TIMELINE_PER_PAGE)
    figures = selectors.verified_figures([incident.pk for incident in page_obj])
    groups = [(heading, [presentation.card(incident, figures) for incident in incidents])
              for heading, incidents in presentation.timeline_groups(page_obj)]
    return render(request, "record/timeline.html", {"page_obj": page_obj, "groups": groups})


@public_page
def statistics(request):
    """Show charts and tables of verified figures, added without double counting."""
    from litopys.casualties.selectors import published_estimates

    return render(request, "record/statistics.html", {**statistics_charts(),
                                                      "estimates": list(published_estimates())})
