from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "litopys.exchange"
    label = "exchange"
    verbose_name = _("Imports, exports and the API")
    staff_panels = ["litopys.exchange.packages.views.panel"]
