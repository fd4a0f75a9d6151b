"""Casualty records."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_READ = ["casualties.view_victimlist", "casualties.view_listrecord", "casualties.view_victim",
         "casualties.view_linkrun", "casualties.view_cluster", "casualties.view_linkedpair",
         "casualties.view_proposal"]


class CasualtiesConfig(AppConfig):
    name = "litopys.casualties"
    label = "casualties"
    verbose_name = _("Casualty records")

    #: What each role may do with victim records. Collectors get nothing: victim data is sensitive.
    #: Proposing a merge or split is `add_proposal`; confirming another person's is `confirm_proposal`.
    role_permissions = {
        "analyst": [*_READ, "casualties.change_victim", "casualties.add_proposal"],
        "reviewer": [*_READ, "casualties.change_victim", "casualties.add_proposal", "casualties.confirm_proposal",
                     "casualties.export_victim"],
        "editor": ["casualties.view_victim", "casualties.view_listrecord", "casualties.view_victimlist",
                   "casualties.publish_memorial", "casualties.export_victim", "casualties.publish_estimate",
                   "casualties.view_publishedestimate"],
    }

    #: A published estimate shows on the public statistics page (see litopys.sitecache.invalidation).
    record_models = {"casualties.PublishedEstimate": None}
