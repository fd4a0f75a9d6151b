from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "litopys.core"
    label = "core"
    verbose_name = _("Litopys")

    def ready(self):
        from litopys.core.roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="litopys.core.roles")
