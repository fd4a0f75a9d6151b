from django.apps import AppConfig
from django.conf import settings
from django.contrib.admin import apps as admin_apps
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "litopys.core"
    label = "core"
    verbose_name = _("Litopys")

    def ready(self):
        from litopys.core import deployment  # noqa: F401 - registers the deployment check
        from litopys.core.roles import ROLES, ensure_roles

        unknown = sorted(set(settings.LITOPYS_TWO_FACTOR_ROLES) - set(ROLES))
        if unknown:
            raise ImproperlyConfigured(f"LITOPYS_TWO_FACTOR_ROLES names unknown roles {', '.join(unknown)}; "
                                       f"use some of {', '.join(ROLES)}, or unset it.")
        post_migrate.connect(ensure_roles, dispatch_uid="litopys.core.roles")


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin, serving Litopys's staff site (see litopys.core.staff); named in INSTALLED_APPS."""

    default = False
    default_site = "litopys.core.staff.StaffSite"
