"""`litopys import wordpress FILE.xml [--uploads DIR]`: bring another system's content into Litopys."""

import json
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys.exchange.wordpress.importer import UploadsError, WXRError, import_wordpress


class Command(BaseCommand):
    help = _("Import content from another system. Sources: 'wordpress' (a WXR export and its uploads folder).")

    #: Sources, one subcommand each: name → (method, help). A new importer adds itself here.
    sources = {
        "wordpress": ("import_wordpress", _(
            "Import a WordPress export (Tools → Export, a WXR .xml file): categories, tags, media, posts, pages "
            "and comments. Matched by WordPress id, so running it again updates and never duplicates.")),
    }

    def add_arguments(self, parser):
        subparsers = parser.add_subparsers(dest="source", title=_("sources"), metavar="SOURCE")
        subparsers.required = True
        wordpress = subparsers.add_parser("wordpress", help=self.sources["wordpress"][1],
                                          description=self.sources["wordpress"][1])
        wordpress.add_argument("file", help=_("The WXR file WordPress exported (.xml)."))
        wordpress.add_argument("--uploads", metavar="DIR",
                               help=_("The site's wp-content/uploads folder (YYYY/MM/file); without it media rows "
                                      "keep their original URL but no file."))
        wordpress.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))
        wordpress.add_argument("--no-progress", action="store_true",
                               help=_("Do not show the progress bar (shown only on a terminal)."))

    def handle(self, *args, **options):
        method = getattr(self, self.sources[options["source"]][0])
        method(**options)

    def import_wordpress(self, file, uploads=None, format="text", no_progress=False, **options):
        bar = None
        if format == "text" and not no_progress and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(total=0, unit=_("item"), desc=_("Importing"), file=sys.stderr, leave=False)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        started = time.monotonic()
        try:
            report = import_wordpress(file, uploads=uploads, progress=progress if bar else None)
        except (WXRError, UploadsError) as exc:
            raise CommandError(str(exc)) from None
        finally:
            if bar is not None:
                bar.close()
        seconds = time.monotonic() - started
        if format == "json":
            self.stdout.write(json.dumps({**report.to_dict(), "seconds": round(seconds, 2)}, ensure_ascii=False,
                                         indent=2))
        else:
            for warning in report.warnings:
                self.stderr.write(_("warning: %(message)s") % {"message": warning})
            for failure in report.failures:
                self.stderr.write(_("failed: %(message)s") % {"message": failure})
            for kind, counts in sorted(report.counts.items()):
                parts = ", ".join(f"{counts[outcome]} {outcome}" for outcome in
                                  ("created", "updated", "unchanged", "skipped", "failed") if counts[outcome])
                self.stdout.write(f"  {kind}: {parts}")
            self.stdout.write(_("%(summary)s in %(seconds).1f s.") % {"summary": report.summary(), "seconds": seconds})
        if report.failed:
            sys.exit(1)
