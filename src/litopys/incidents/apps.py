from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    name = "litopys.incidents"
    label = "incidents"
    verbose_name = _("Documentation")

    def ready(self):
        from litopys.evidence.signals import source_ingested
        from litopys.incidents.recording import on_source_ingested

        source_ingested.connect(on_source_ingested, dispatch_uid="litopys.incidents.record_claims")
