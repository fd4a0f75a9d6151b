from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    name = "litopys.verification"
    label = "verification"
    verbose_name = _("Verification")
    role_permissions = {
        "reviewer": ["verification.view_decision", "verification.add_decision"],
        "editor": ["verification.view_decision"],
    }

    record_models = {"verification.Decision": None, "verification.BestValue": None,
                     "verification.OriginMerge": None, "verification.OriginSplit": None}

    def ready(self):
        from litopys.evidence.signals import source_ingested
        from litopys.verification.signal_handlers import corroborate_after_ingest

        # Connected after the incidents app's listener (app order), so the new claims exist.
        source_ingested.connect(corroborate_after_ingest, dispatch_uid="litopys.verification.corroborate")
