import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from litopys.review.dedupe import dedupe


class Command(BaseCommand):
    help = _("Merge sources recorded more than once for the same bytes and facts, and their duplicate claims.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=_("Report what would be merged; change nothing."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        report = dedupe(dry_run=options["dry_run"])
        data = report.to_dict()
        if options["format"] == "json":
            self.stdout.write(json.dumps({"dry_run": options["dry_run"], **data}, indent=2))
            return
        for merge in report.merges:
            self.stdout.write(_("source %(kept)d kept; merged %(merged)s") % {
                "kept": merge.kept, "merged": ", ".join(str(pk) for pk in merge.merged)})
        self.stdout.write((_("Would merge") if options["dry_run"] else _("Merged")) + ": " + _(
            "duplicate sources: %(sources)d, duplicate claims: %(claims)d, claims moved: %(moved)d, "
            "decisions moved: %(decisions)d.") % {
            "sources": data["sources_merged"], "claims": data["claims_merged"], "moved": data["claims_moved"],
            "decisions": data["decisions_moved"]})
