"""The `litopys` command: Django's management commands plus the project's own."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command, turning misconfiguration into a one-line error."""
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "litopys"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "litopys.core.settings")
    if len(argv) > 1 and argv[1] == "demo":
        # The demo is for looking around on one's own machine: it alone turns DEBUG on.
        os.environ.setdefault("LITOPYS_DEBUG", "1")
    if len(argv) > 1 and argv[1] in HOMELESS_COMMANDS and "LITOPYS_HOME" not in os.environ:
        # Checking a package on a court's machine leaves nothing behind: settings get a home that goes away.
        import atexit
        import shutil
        import tempfile

        home = tempfile.mkdtemp(prefix="litopys-no-home-")
        atexit.register(shutil.rmtree, home, True)
        os.environ["LITOPYS_HOME"] = home
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
    if len(argv) > 1 and argv[1] in RECORD_COMMANDS:
        prepare_database()
    try:
        execute_from_command_line(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`litopys figures | head`): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)


#: Commands that need no home of their own: without LITOPYS_HOME they write nothing to the current folder.
HOMELESS_COMMANDS = frozenset({"verify-package"})
#: Commands that read or write the record: they set up a new database themselves.
RECORD_COMMANDS = frozenset({"ingest", "verify", "custody", "checkpoint", "duplicates", "figures", "import", "export",
                             "capture", "worker", "jobs", "dedupe", "casualties",
                             "publish", "places", "serve", "api-token", "restore", "synth"})


def prepare_database() -> None:
    """Create the tables of a new, empty database; refuse, in one line, to work on one that needs migrating.

    A new database holds nothing to lose, so it is set up on first use. One with some migrations applied
    holds evidence: upgrading it is left to `litopys migrate`, after a backup.
    """
    from django.core.management import call_command
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    name = connection.settings_dict.get("NAME")
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        sys.stderr.write(f"litopys: the database {name} cannot be opened ({str(exc).strip()}); "
                         "check DATABASE_URL and that the server is running\n")
        sys.exit(2)
    if not plan:
        return
    if executor.loader.applied_migrations:
        sys.stderr.write(f"litopys: the database {name} needs {len(plan)} migration(s) for this version of "
                         "Litopys; back it up, then run `litopys migrate`\n")
        sys.exit(2)
    sys.stderr.write(f"litopys: setting up a new database at {name} …\n")
    call_command("migrate", interactive=False, verbosity=0)


def cli_language() -> str:
    """Return the language for terminal output: LITOPYS_CLI_LANGUAGE, else the POSIX locale (uk or en)."""
    for name in ("LITOPYS_CLI_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "uk" if value.lower().startswith(("uk", "ua")) else "en"
    return "en"
