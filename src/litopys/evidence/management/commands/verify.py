import json
import sys

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.evidence.counted import counts
from litopys.evidence.integrity import verify
from litopys.evidence.models import Item


class Command(BaseCommand):
    help = _("Re-hash every stored item and check the custody ledger and its signed checkpoints.")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))
        parser.add_argument("--record", action="store_true",
                            help=_("When everything is intact, record a 'verified' custody event."))

    def handle(self, *args, **options):
        bar = None
        if options["format"] == "text" and sys.stderr.isatty():
            from django.db.models import Sum
            from tqdm import tqdm

            total = Item.objects.aggregate(total=Sum("size"))["total"] or 0
            bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr, leave=False)
        try:
            report = verify(progress=bar.update if bar else None)
        finally:
            if bar:
                bar.close()
        if report.intact and options["record"]:
            from litopys.evidence.custody import checkpoint, record
            from litopys.evidence.ingest import SourceFacts, actor_name

            record("verified", actor_name(SourceFacts()), items=report.items_checked,
                   entries=report.entries_checked, checkpoints=report.checkpoints_checked)
            checkpoint()
        if options["format"] == "json":
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            for problem in report.problems:
                self.stdout.write(f"PROBLEM {problem.kind}: {problem.message}")
            for note in report.notes:
                self.stdout.write(f"note: {note}")
            entries = report.entries_checked
            self.stdout.write(_("%(items)s (%(bytes)s), %(entries)s, %(points)s: %(verdict)s") % {
                **counts(report),
                "entries": ngettext("%(n)d ledger entry", "%(n)d ledger entries", entries) % {"n": entries}})
        if not report.intact:
            sys.exit(1)
