"""The `litopys` command: Django's management commands plus the project's own."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command, turning misconfiguration into a one-line error."""
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "litopys"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "litopys.settings")
    if len(argv) > 1 and argv[1] == "demo":
        # The demo is for looking around on one's own machine: it alone turns DEBUG on.
        os.environ.setdefault("LITOPYS_DEBUG", "1")
    from django.core.exceptions import ImproperlyConfigured

    try:
        import django

        django.setup()
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"litopys: configuration error: {exc}\n")
        sys.exit(2)
    from django.core.management import execute_from_command_line
    from django.utils import translation

    translation.activate(cli_language())
    execute_from_command_line(argv)


def cli_language() -> str:
    """Return the language for terminal output: LITOPYS_CLI_LANGUAGE, else the POSIX locale (uk or en)."""
    for name in ("LITOPYS_CLI_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "uk" if value.lower().startswith(("uk", "ua")) else "en"
    return "en"
