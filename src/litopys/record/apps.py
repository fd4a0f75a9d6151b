from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordConfig(AppConfig):
    name = "litopys.record"
    label = "record"
    verbose_name = _("Public record")
    #: Sections of the site's sitemap (see litopys.chronicle.sitemaps).
    sitemaps = {"incidents": "litopys.record.sitemaps.IncidentSitemap",
                "record": "litopys.record.sitemaps.RecordPagesSitemap"}
