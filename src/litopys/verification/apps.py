from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    name = "litopys.verification"
    label = "verification"
    verbose_name = _("Verification")

    def ready(self):
        from litopys.evidence.signals import source_ingested
        from litopys.verification.roles import ensure_roles
        from litopys.verification.signal_handlers import corroborate_after_ingest

        post_migrate.connect(ensure_roles, dispatch_uid="litopys.verification.roles")
        # Connected after the incidents app's listener (app order), so the new claims exist.
        source_ingested.connect(corroborate_after_ingest, dispatch_uid="litopys.verification.corroborate")
