from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasualtiesConfig(AppConfig):
    name = "litopys.casualties"
    label = "casualties"
    verbose_name = _("Casualty records")
