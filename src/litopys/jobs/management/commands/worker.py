import signal
import subprocess
import sys

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.jobs.worker import JobWorker


class Command(BaseCommand):
    help = _("Run queued jobs (captures, OCR) until stopped; Ctrl-C finishes the job in hand first.")

    def add_arguments(self, parser):
        parser.add_argument("--concurrency", type=int, default=1, metavar="N",
                            help=_("Worker processes to run side by side (default 1)."))
        parser.add_argument("--until-empty", action="store_true",
                            help=_("Work off what is queued, then exit (for scripts and tests)."))
        parser.add_argument("--interval", type=float, default=1.0,
                            help=_("Seconds between looks at an empty queue (default 1)."))

    def handle(self, *args, **options):
        if options["concurrency"] < 1:
            self.stderr.write(_("--concurrency must be 1 or more"))
            sys.exit(2)
        if options["concurrency"] > 1:
            sys.exit(self.run_many(options))
        worker = JobWorker(until_empty=options["until_empty"], interval=options["interval"])
        worker.configure_signals()
        if options["verbosity"] > 0:
            self.stderr.write(_("worker %(name)s started") % {"name": worker.worker_id})
        worker.run()
        if options["verbosity"] > 0:
            self.stderr.write(ngettext("worker %(name)s stopped after %(count)d task",
                                       "worker %(name)s stopped after %(count)d tasks", worker.tasks_run)
                              % {"name": worker.worker_id, "count": worker.tasks_run})

    def run_many(self, options) -> int:
        """Start N single workers as child processes; pass Ctrl-C and SIGTERM on to them."""
        command = [sys.executable, "-m", "litopys", "worker", "--interval", str(options["interval"]),
                   "--verbosity", str(options["verbosity"])]
        if options["until_empty"]:
            command.append("--until-empty")
        children = [subprocess.Popen(command) for _ in range(options["concurrency"])]

        def forward(signum, frame):
            for child in children:
                if child.poll() is None:
                    child.send_signal(signum)

        signal.signal(signal.SIGTERM, forward)
        signal.signal(signal.SIGINT, forward)
        return max(child.wait() for child in children)
