"""The staff site: Django's admin with a home page that shows the work waiting, and its own words translated.

Each app contributes panels to the staff home through its AppConfig: ``staff_panels = ["dotted.path"]``,
each a function of the request returning a `Panel` (or None when there is nothing for this person).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib import admin
from django.utils.module_loading import import_string
from django.views.i18n import JavaScriptCatalog


@dataclass
class Panel:
    """A box on the staff home: a title, a headline count or sentence, rows with links, and where to go next."""

    title: str
    summary: str = ""
    link: str = ""
    link_label: str = ""
    rows: list[tuple[str, str]] = field(default_factory=list)
    #: Shown first, in a colour that asks for attention (work waiting, something wrong).
    urgent: bool = False
    order: int = 50


def panels(request) -> list[Panel]:
    """Return the panels every installed app offers this person, most urgent first."""
    found = []
    for config in apps.get_app_configs():
        for path in getattr(config, "staff_panels", ()):
            panel = import_string(path)(request)
            if panel is not None:
                found.append(panel)
    return sorted(found, key=lambda panel: (not panel.urgent, panel.order, panel.title))


class StaffSite(admin.AdminSite):
    """The admin site as Litopys's staff site."""

    site_header = "Litopys"
    site_title = "Litopys"
    index_template = "admin/staff_home.html"

    def index(self, request, extra_context=None):
        return super().index(request, {**(extra_context or {}), "panels": panels(request)})

    def i18n_javascript(self, request, extra_context=None):
        # Django's own admin scripts, with the strings its Ukrainian catalogue leaves untranslated filled in.
        return JavaScriptCatalog.as_view(packages=["django.contrib.admin", "litopys.core"])(request)
