import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from litopys.jobs.models import Job, JobState
from litopys.jobs.selectors import as_dict


class Command(BaseCommand):
    help = _("List jobs with their state, progress and failure reason.")

    def add_arguments(self, parser):
        parser.add_argument("--state", choices=JobState.values, default="", help=_("Only jobs in this state."))
        parser.add_argument("--limit", type=int, default=50, help=_("How many of the latest jobs (default 50)."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        jobs = Job.objects.select_related("owner").prefetch_related("lines")
        if options["state"]:
            jobs = jobs.filter(state=options["state"])
        jobs = list(jobs[: options["limit"]])
        if options["format"] == "json":
            self.stdout.write(json.dumps({"jobs": [as_dict(job) for job in jobs]}, ensure_ascii=False, indent=2))
            return
        if not jobs:
            self.stdout.write(_("no jobs"))
        for job in jobs:
            progress = f"{job.done}/{job.total}" if job.total else "-"
            self.stdout.write(f"#{job.pk:<6} {job.get_state_display():<12} {progress:>9}  {job.title}")
            if job.failure:
                self.stdout.write(f"        ! {job.failure}")
            for line in job.lines.all():
                if line.level == "error" and line.message != job.failure:
                    self.stdout.write(f"        ! {line.message}")
