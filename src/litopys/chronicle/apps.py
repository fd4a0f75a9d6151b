from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChronicleConfig(AppConfig):
    name = "litopys.chronicle"
    label = "chronicle"
    verbose_name = _("Public chronicle")
