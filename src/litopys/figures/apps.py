from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "litopys.figures"
    label = "figures"
    verbose_name = _("Figures")
    role_permissions = {
        "analyst": ["figures.view_figure"],
        "reviewer": ["figures.view_figure", "figures.view_correction", "figures.view_bestvalue",
                     "figures.add_bestvalue", "figures.change_bestvalue", "figures.view_originmerge",
                     "figures.add_originmerge",
                     "figures.view_originsplit", "figures.add_originsplit"],
        "editor": ["figures.view_figure", "figures.view_correction", "figures.view_bestvalue"],
    }
    record_models = {"figures.BestValue": None, "figures.OriginMerge": None, "figures.OriginSplit": None}
    staff_panels = ["litopys.figures.panels.corrections_panel"]
