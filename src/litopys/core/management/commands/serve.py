import os
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _("Run the production web server (gunicorn, DEBUG off) on the configured database.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help=_("Address to listen on (default 127.0.0.1)."))
        parser.add_argument("--port", default="8000", help=_("Port to listen on (default 8000)."))
        parser.add_argument("--workers", type=int, default=2, help=_("Worker processes (default 2)."))

    def handle(self, *args, **options):
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(_("The database is not up to date; run `litopys migrate` first."))
        env = {**os.environ, "LITOPYS_DEBUG": "0"}
        argv = [sys.executable, "-m", "gunicorn", "litopys.core.wsgi:application",
                "--bind", f"{options['host']}:{options['port']}", "--workers", str(options["workers"]),
                # No access log: it would record readers' addresses, which Litopys never keeps.
                "--log-level", "warning"]
        os.execve(sys.executable, argv, env)
