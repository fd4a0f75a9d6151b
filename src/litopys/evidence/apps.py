from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "litopys.evidence"
    label = "evidence"
    verbose_name = _("Evidence vault")
    staff_panels = ["litopys.evidence.panels.sources_panel"]
    #: What each role may do with sources, items and the ledger (collectors act on their own sources only).
    role_permissions = {
        "collector": ["evidence.view_source", "evidence.change_source", "evidence.view_item", "evidence.redact_item"],
        "analyst": ["evidence.view_source", "evidence.view_item", "evidence.view_custodyevent",
                    "evidence.redact_item", "evidence.view_testimony"],
        "reviewer": ["evidence.view_source", "evidence.view_item", "evidence.view_custodyevent",
                     "evidence.redact_item", "evidence.view_testimony"],
    }
    #: Rows public pages are drawn from (see litopys.sitecache.invalidation): a new redacted copy changes the quotes
    #: public pages show.
    record_models = {"evidence.Item": "litopys.evidence.selectors.changes_public_quotes"}

    def ready(self):
        from litopys.evidence import signal_handlers  # noqa: F401 - connects the receivers
