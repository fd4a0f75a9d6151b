"""URLs of the public record, and its sitemaps. Included at the site root; pages use paths, not query strings,
so that the static export can write every page as a file."""

from django.contrib.sitemaps import Sitemap
from django.urls import NoReverseMatch, path, reverse

from litopys.chronicle import record_views as views
from litopys.chronicle.record_data import public_incidents

app_name = "record"
urlpatterns = [
    path("incidents/", views.incident_list, name="incidents"),
    path("incidents/page/<int:page>/", views.incident_list, name="incidents_page"),
    path("incidents/<slug:slug>/", views.incident_detail, name="incident"),
    path("map/", views.incident_map, name="map"),
    path("map/incidents.geojson", views.incident_features, name="map_geojson"),
    path("timeline/", views.timeline, name="timeline"),
    path("timeline/page/<int:page>/", views.timeline, name="timeline_page"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics.csv", views.statistics_csv, name="statistics_csv"),
]


def record_url(name: str, *args) -> str:
    """Reverse a record URL, whether the record is included at the root or inside the chronicle's URLconf."""
    for namespace in ("record", "chronicle:record"):
        try:
            return reverse(f"{namespace}:{name}", args=args)
        except NoReverseMatch:
            continue
    raise NoReverseMatch(f"record:{name} is not in the URLconf; include litopys.chronicle.record_urls at the root")


class IncidentSitemap(Sitemap):
    """Every published incident's page."""

    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        return public_incidents().order_by("slug")

    def location(self, item):
        return record_url("incident", item.slug)

    def lastmod(self, item):
        return item.updated_at


class RecordPagesSitemap(Sitemap):
    """The record's overview pages: incidents, map, timeline, statistics."""

    changefreq = "daily"
    priority = 0.5

    def items(self):
        return ["incidents", "map", "timeline", "statistics"]

    def location(self, item):
        return record_url(item)


try:
    from litopys.chronicle.sitemaps import sitemaps
except ImportError:  # the posts side of the chronicle, which serves sitemap.xml, is not installed
    pass
else:
    sitemaps.setdefault("incidents", IncidentSitemap)
    sitemaps.setdefault("record", RecordPagesSitemap)
