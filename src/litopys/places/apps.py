from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "litopys.places"
    label = "places"
    verbose_name = _("Places")
    record_models = {"places.Place": None}
    role_permissions = {role: ["places.view_place"] for role in ("analyst", "reviewer", "editor")}

    #: `litopys demo` loads the gazetteer before the dossier, so claims find their places.
    demo_steps = [(_("gazetteer"), "litopys.places.loading.demo_step")]
