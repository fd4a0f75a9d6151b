"""URLs of the public record, and its sitemaps. Included at the site root; pages use paths, not query strings,
so that the static export can write every page as a file."""

from django.contrib.sitemaps import Sitemap
from django.urls import path, reverse

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


class IncidentSitemap(Sitemap):
    """Every published incident's page."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return public_incidents().order_by("slug")

    def location(self, item):
        return reverse("record:incident", args=[item.slug])

    def lastmod(self, item):
        return item.updated_at


class RecordPagesSitemap(Sitemap):
    """The record's overview pages: incidents, map, timeline, statistics."""

    changefreq = "daily"
    priority = 0.5

    def items(self):
        return ["record:incidents", "record:map", "record:timeline", "record:statistics"]

    def location(self, item):
        return reverse(item)
