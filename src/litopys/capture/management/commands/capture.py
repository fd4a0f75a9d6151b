import getpass
import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.capture.actions import parse_every, request_capture
from litopys.jobs.models import JobState
from litopys.jobs.selectors import as_dict
from litopys.jobs.waiting import wait_for


class Command(BaseCommand):
    help = _("Capture web pages as evidence: WARC/WACZ, screenshot, PDF, text and media, through the task queue.")

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+", metavar="URL", help=_("http(s) addresses to capture."))
        parser.add_argument("--recursive-media", action="store_true",
                            help=_("Also keep the video and audio the page carries (yt-dlp)."))
        parser.add_argument("--every", default="", metavar="INTERVAL",
                            help=_("Capture again every INTERVAL (30m, 6h, 1d, 2w); changes are flagged."))
        parser.add_argument("--no-screenshots", action="store_true", help=_("Skip the full-page screenshot."))
        parser.add_argument("--collected-by", default="", help=_("Who captures (default: your user name)."))
        parser.add_argument("--no-wait", action="store_true",
                            help=_("Queue the captures and exit; a worker does them (`litopys worker`)."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        every = None
        if options["every"]:
            try:
                every = parse_every(options["every"])
            except ValueError as exc:
                raise CommandError(f"--every {exc}") from None
        actor = options["collected_by"] or _user()
        jobs = request_capture(options["urls"], actor=actor, recursive_media=options["recursive_media"],
                               screenshots=not options["no_screenshots"], every=every)
        if options["no_wait"]:
            for job in jobs:
                self.stdout.write(_("queued  job #%(id)d  %(url)s") % {"id": job.pk, "url": job.arguments["url"]})
            return
        text = options["format"] == "text"
        finished = wait_for(jobs, on_finish=self.print_job if text else None)
        from litopys.evidence.custody import checkpoint

        checkpoint()
        if not text:
            self.stdout.write(json.dumps({"jobs": [as_dict(job) for job in finished]}, ensure_ascii=False,
                                         indent=2))
        if any(job.state != JobState.SUCCEEDED for job in finished):
            sys.exit(1)

    def print_job(self, job):
        url = job.arguments.get("url", "")
        if job.state == JobState.FAILED:
            self.stdout.write(f"failed    {job.failure if url in job.failure else f'{url}: {job.failure}'}")
            return
        result = job.result
        files = len(result.get("files", []))
        self.stdout.write(f"{result.get('state', job.state):<9} {url}  → " +
                          ngettext("capture #%(id)s, HTTP %(status)s, %(files)d file, %(change)s",
                                   "capture #%(id)s, HTTP %(status)s, %(files)d files, %(change)s", files)
                          % {"id": result.get("capture"), "status": result.get("http_status"), "files": files,
                             "change": result.get("change")})
        for row in result.get("files", []):
            new = _("new") if row["new"] else _("already held")
            self.stdout.write(f"    {row['sha256']}  {new}  {row['role']}  {row['url']}")
        for line in job.lines.filter(level="error"):
            self.stdout.write(f"    ! {line.message}")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
