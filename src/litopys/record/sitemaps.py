"""The record's sections of the site's sitemap, declared in RecordConfig.sitemaps."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from litopys.record.selectors import public_incidents


class IncidentSitemap(Sitemap):
    """Every published incident's page."""

    changefreq = "weekly"
    priority = 0.6
    limit = 5000

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
        return ["incidents", "map", "timeline", "statistics"]

    def location(self, item):
        return reverse(f"record:{item}")
