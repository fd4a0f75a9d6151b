from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

#: What the editor role may do in the chronicle.
EDITOR_PERMISSIONS = [
    "chronicle.view_post", "chronicle.add_post", "chronicle.change_post", "chronicle.publish_post",
    "chronicle.view_media", "chronicle.add_media", "chronicle.change_media",
    "chronicle.view_category", "chronicle.add_category", "chronicle.change_category",
    "chronicle.view_tag", "chronicle.add_tag", "chronicle.change_tag",
    "chronicle.view_comment", "chronicle.change_comment",
]


class ChronicleConfig(AppConfig):
    name = "litopys.chronicle"
    label = "chronicle"
    verbose_name = _("Public chronicle")
    role_permissions = {"editor": EDITOR_PERMISSIONS}

    def ready(self):
        from litopys.chronicle import signal_handlers

        signal_handlers.connect()
