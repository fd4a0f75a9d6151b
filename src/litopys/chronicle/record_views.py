"""Public record pages: incidents, the map, the timeline and statistics of verified figures."""

import csv
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import F
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from litopys import vocab
from litopys.chronicle import record_data as data
from litopys.incidents.models import RecordStatus
from litopys.places.models import Place

try:
    from litopys.sitecache.http import public_page
except ImportError:  # the page cache comes with the posts side of the chronicle; without it pages are not cached
    def public_page(view):
        return view

INCIDENTS_PER_PAGE = 50
TIMELINE_PER_PAGE = 20
#: Width of the label column and of the longest bar in a chart, in SVG user units.
CHART_LABEL_WIDTH = 230
CHART_BAR_WIDTH = 330
CHART_ROW_HEIGHT = 28


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
    page_obj = page_of(data.public_incidents(), page, INCIDENTS_PER_PAGE)
    figures = data.verified_figures([incident.pk for incident in page_obj])
    cards = [data.card(incident, figures) for incident in page_obj]
    return render(request, "chronicle/record/incident_list.html", {"page_obj": page_obj, "cards": cards})


@public_page
def incident_detail(request, slug: str):
    """Show one published incident: dates, place, sites, a pin and its verified figures with their sources."""
    incident = get_object_or_404(data.public_incidents(), slug=slug)
    parent = incident.parent if incident.parent and incident.parent.status == RecordStatus.PUBLISHED else None
    sites = [{"name": site.name, "kind_label": data.vocab_label("site_kinds", site.kind),
              "discovered": data.date_text(site.discovered_on, "day")} for site in incident.sites.all()]
    context = {
        "card": data.card(incident, data.verified_figures([incident.pk])), "parent": parent, "sites": sites,
        "children": data.public_incidents().filter(parent=incident).order_by("start_date", "title"),
        "point": data.incident_point(incident), **map_settings(),
    }
    return render(request, "chronicle/record/incident_detail.html", context)


@public_page
def incident_map(request):
    """Show the map of published incidents, with a list of the same incidents for readers without the map."""
    incidents = list(data.public_incidents())
    figures = data.verified_figures([incident.pk for incident in incidents])
    entries = [(data.card(incident, figures), data.incident_point(incident) is not None) for incident in incidents]
    return render(request, "chronicle/record/map.html", {"entries": entries, **map_settings()})


@public_page
def incident_features(request):
    """Return published incidents as GeoJSON points with public data only."""
    incidents = list(data.public_incidents())
    collection = data.map_features(incidents, data.verified_figures([incident.pk for incident in incidents]))
    return JsonResponse(collection, content_type="application/geo+json", json_dumps_params={"ensure_ascii": False})


@public_page
def timeline(request, page: int = 1):
    """List published incidents in time order, grouped by month, a page at a time."""
    ordered = data.public_incidents().order_by(F("start_date").asc(nulls_last=True), "title")
    page_obj = page_of(ordered, page, TIMELINE_PER_PAGE)
    figures = data.verified_figures([incident.pk for incident in page_obj])
    groups = [(label, [data.card(incident, figures) for incident in incidents])
              for label, incidents in data.timeline_groups(page_obj)]
    return render(request, "chronicle/record/timeline.html", {"page_obj": page_obj, "groups": groups})


@dataclass
class Bar:
    key: str
    label: str
    incidents: int
    total: int
    geometry: dict = field(default_factory=dict)


@dataclass
class Chart:
    """A bar chart drawn on the server as SVG, with its numbers repeated in a table."""

    slug: str
    title: str
    bars: list[Bar]

    def __post_init__(self):
        top = max((bar.total for bar in self.bars), default=0) or 1
        for row, bar in enumerate(self.bars):
            width = CHART_BAR_WIDTH * bar.total / top
            y = row * CHART_ROW_HEIGHT + 4
            # Strings, not floats: a template would localise "12.5" to "12,5" in Ukrainian and break the SVG.
            bar.geometry = {"y": f"{y}", "text_y": f"{y + 15}", "width": f"{max(width, 1):.1f}",
                            "value_x": f"{CHART_LABEL_WIDTH + 10 + width + 6:.1f}"}

    @property
    def height(self) -> int:
        return len(self.bars) * CHART_ROW_HEIGHT + 8

    @property
    def label_x(self) -> int:
        return CHART_LABEL_WIDTH

    @property
    def bar_x(self) -> int:
        return CHART_LABEL_WIDTH + 10


def statistics_charts() -> dict:
    """Return the statistics of verified figures as charts: by kind, by oblast per kind, by month per kind."""
    incidents = list(data.public_incidents())
    result = data.tally(data.stat_rows(incidents, data.verified_figures([i.pk for i in incidents])))
    order = vocab.codes("claim_kinds")
    kinds = sorted(result.by_kind, key=lambda kind: (order.index(kind) if kind in order else len(order), kind))
    oblasts = {place.iso_code: data.place_name(place) for place in Place.objects.oblasts()}
    by_kind = Chart("kinds", _("Verified figures by kind"), [
        Bar(kind, data.vocab_label("claim_kinds", kind), *result.by_kind[kind]) for kind in kinds])
    by_oblast, by_month = [], []
    for kind in kinds:
        label = data.vocab_label("claim_kinds", kind)
        rows = result.by_oblast[kind]
        bars = [Bar(key, oblasts.get(key) or _("Oblast not known"), *rows[key]) for key in rows]
        bars.sort(key=lambda bar: (not bar.key, -bar.total, bar.label))
        by_oblast.append(Chart(f"oblast-{kind}", _("%(kind)s by oblast") % {"kind": label}, bars))
        rows = result.by_month[kind]
        bars = [Bar(key, data.month_label(key), *rows[key]) for key in sorted(rows, key=lambda k: (not k, k))]
        by_month.append(Chart(f"month-{kind}", _("%(kind)s by month") % {"kind": label}, bars))
    return {"by_kind": by_kind, "by_oblast": by_oblast, "by_month": by_month, "left_out": result.left_out}


@public_page
def statistics(request):
    """Show charts and tables of verified figures, added without double counting."""
    return render(request, "chronicle/record/statistics.html", statistics_charts())


@public_page
def statistics_csv(request):
    """Return the statistics page's tables as one CSV file."""
    charts = statistics_charts()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="litopys-statistics.csv"'
    writer = csv.writer(response)
    writer.writerow(["dimension", "kind", "key", "label", "incidents", "total"])
    for bar in charts["by_kind"].bars:
        writer.writerow(["kind", bar.key, bar.key, bar.label, bar.incidents, bar.total])
    for dimension in ("oblast", "month"):
        for chart in charts[f"by_{dimension}"]:
            kind = chart.slug.split("-", 1)[1]
            for bar in chart.bars:
                writer.writerow([dimension, kind, bar.key, bar.label, bar.incidents, bar.total])
    return response
