import os
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.core import deployment


class Command(BaseCommand):
    help = _("Run the production web server (gunicorn, DEBUG off) on the configured database.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help=_("Address to listen on (default 127.0.0.1)."))
        parser.add_argument("--port", default="8000", help=_("Port to listen on (default 8000)."))
        parser.add_argument("--workers", type=int, default=2, help=_("Worker processes (default 2)."))
        parser.add_argument("--check", action="store_true",
                            help=_("Only run the deployment checks with these settings and print what to fix, one "
                                   "line each (exit 1 if anything)."))

    def handle(self, *args, **options):
        problems = deployment.problems()
        if options["check"]:
            for line in problems:
                self.stdout.write(line)
            if problems:
                sys.exit(1)
            self.stdout.write(_("Ready to serve: the deployment checks found nothing to fix."))
            return
        if problems:
            self.stderr.write(ngettext("litopys: %(n)d deployment check failed; `litopys serve --check` lists it.",
                                       "litopys: %(n)d deployment checks failed; `litopys serve --check` lists them.",
                                       len(problems)) % {"n": len(problems)})
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(_("The database is not up to date; run `litopys migrate` first."))
        env = {**os.environ, "LITOPYS_DEBUG": "0"}
        argv = [sys.executable, "-m", "gunicorn", "litopys.core.wsgi:application",
                "--bind", f"{options['host']}:{options['port']}", "--workers", str(options["workers"]),
                # No access log: it would record readers' addresses, which Litopys never keeps.
                "--log-level", "warning"]
        os.execve(sys.executable, argv, env)
