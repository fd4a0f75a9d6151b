from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    name = "litopys.verification"
    label = "verification"
    verbose_name = _("Verification")

    def ready(self):
        from litopys.verification.roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="litopys.verification.roles")
