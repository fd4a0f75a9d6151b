"""Extension points that apps fill without the core importing them.

An app lists steps in its AppConfig (`demo_steps = [("label", "dotted.path.to.callable")]`);
`litopys demo` runs them in app order before loading the dossier.
"""

from django.apps import apps
from django.utils.module_loading import import_string


def demo_steps() -> list[tuple[str, callable]]:
    """Return (label, callable) for every demo step the installed apps declare."""
    steps = []
    for config in apps.get_app_configs():
        for label, path in getattr(config, "demo_steps", ()):
            steps.append((label, import_string(path)))
    return steps
