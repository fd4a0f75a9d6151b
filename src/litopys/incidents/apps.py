from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    name = "litopys.incidents"
    label = "incidents"
    verbose_name = _("Documentation")
    role_permissions = {
        "collector": ["incidents.view_claim", "incidents.add_claim", "incidents.change_claim"],
        "analyst": [
            "incidents.view_incident", "incidents.add_incident", "incidents.change_incident",
            "incidents.view_site", "incidents.add_site", "incidents.change_site",
            "incidents.view_actor", "incidents.add_actor", "incidents.change_actor",
            "incidents.view_claim", "incidents.add_claim", "incidents.change_claim",
            "incidents.view_incidentsuggestion", "incidents.change_incidentsuggestion",
        ],
        "reviewer": ["incidents.view_incident", "incidents.change_incident", "incidents.view_site",
                     "incidents.view_actor", "incidents.view_claim", "incidents.change_claim",
                     "incidents.view_incidentsuggestion", "incidents.change_incidentsuggestion"],
        "editor": ["incidents.view_incident", "incidents.change_incident", "incidents.view_site",
                   "incidents.view_claim"],
    }

    #: Rows public pages are drawn from (see litopys.sitecache.invalidation); a source shows publicly only
    #: through the claims that cite it, so a new source, or one nothing cites, changes no page.
    record_models = {
        "incidents.Claim": None, "incidents.Incident": None, "incidents.Site": None, "incidents.Actor": None,
        "evidence.Source": "litopys.incidents.selectors.source_is_cited",
    }

    def ready(self):
        from litopys.evidence.signals import source_ingested
        from litopys.incidents.actions import on_source_ingested

        source_ingested.connect(on_source_ingested, dispatch_uid="litopys.incidents.record_claims")
