from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaptureConfig(AppConfig):
    name = "litopys.capture"
    label = "capture"
    verbose_name = _("Link capture")

    #: What each role may do with captures. A collector sees only the captures they made; `view_all_captures`
    #: shows everyone's.
    role_permissions = {
        "collector": ["capture.add_capture", "capture.view_capture", "capture.add_schedule", "capture.view_schedule"],
        "analyst": ["capture.add_capture", "capture.view_capture", "capture.view_all_captures",
                    "capture.add_schedule", "capture.view_schedule", "capture.change_schedule"],
        "reviewer": ["capture.view_capture", "capture.view_all_captures", "capture.view_schedule"],
        "editor": ["capture.view_capture"],
        "administrator": ["capture.add_capture", "capture.view_capture", "capture.view_all_captures",
                          "capture.add_schedule", "capture.view_schedule", "capture.change_schedule",
                          "capture.delete_schedule"],
    }
