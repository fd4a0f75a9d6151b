from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

#: Everyone on the staff keeps their own API tokens; administrators hold every permission anyway.
_OWN_TOKENS = ["exchange_api.view_token", "exchange_api.add_token", "exchange_api.change_token"]


class ApiConfig(AppConfig):
    """The API: its own app inside exchange, so that its token table migrates on its own."""

    name = "litopys.exchange.api"
    label = "exchange_api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"
    role_permissions = {role: _OWN_TOKENS for role in ("collector", "analyst", "reviewer", "editor")}
