"""`litopys import wordpress FILE.xml [--uploads DIR]`: bring another system's content into Litopys."""

import json
import sys
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys.exchange.importing.reading import ImportFileError
from litopys.exchange.importing.run import KINDS, import_csv
from litopys.exchange.wordpress.importer import UploadsError, WXRError, import_wordpress


class Command(BaseCommand):
    help = _("Import content from another system. Sources: 'wordpress' (a WXR export and its uploads folder), "
             "'csv' (incidents, claims or sources from a spreadsheet).")

    #: Sources, one subcommand each: name → (method, help). A new importer adds itself here.
    sources = {
        "wordpress": ("import_wordpress", _(
            "Import a WordPress export (Tools → Export, a WXR .xml file): categories, tags, media, posts, pages "
            "and comments. Matched by WordPress id, so running it again updates and never duplicates.")),
        "csv": ("import_csv", _(
            "Import incidents, claims or sources from a CSV file (headers and vocabulary values in English or "
            "Ukrainian). One line per bad row; good rows are written in one transaction; the same file again "
            "changes nothing.")),
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

        table = subparsers.add_parser("csv", help=self.sources["csv"][1], description=self.sources["csv"][1])
        table.add_argument("kind", choices=list(KINDS), help=_("What the rows are."))
        table.add_argument("file", help=_("The CSV file (UTF-8; comma, semicolon or tab between cells)."))
        table.add_argument("--dry-run", action="store_true",
                           help=_("Check every row and say what would change, writing nothing."))
        table.add_argument("--strict", action="store_true", help=_("Write nothing when any row is bad."))
        table.add_argument("--by", default="", metavar="USERNAME",
                           help=_("The staff account importing (recorded on claims, and as collector of sources)."))
        table.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        method = getattr(self, self.sources[options["source"]][0])
        method(**options)

    def import_csv(self, kind, file, dry_run=False, strict=False, by="", format="text", **options):
        user = None
        if by:
            user = get_user_model().objects.filter(username=by, is_active=True).first()
            if user is None:
                raise CommandError(_("--by %(name)s is not an active account; give a staff user name")
                                   % {"name": by})
        try:
            report = import_csv(kind, file, dry_run=dry_run, strict=strict, user=user)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from None
        if format == "json":
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            for note in report.notes:
                self.stderr.write(_("note: %(message)s") % {"message": note})
            for row, message in report.errors:
                self.stderr.write(_("%(file)s, row %(row)d: %(message)s") % {"file": file, "row": row,
                                                                             "message": message})
            if report.failed > len(report.errors):
                self.stderr.write(_("… and %(count)d more bad rows") % {"count": report.failed - len(report.errors)})
            counts = report.counts
            if report.dry_run:
                summary = _("Dry run, nothing written: %(created)d would be created, %(updated)d updated, "
                            "%(unchanged)d unchanged, %(failed)d bad.")
            elif report.written:
                summary = _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(failed)d bad.")
            else:
                summary = _("Nothing written (--strict and %(failed)d bad rows); fix them and import again.")
            self.stdout.write(summary % counts)
        if report.failed:
            sys.exit(1)

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
