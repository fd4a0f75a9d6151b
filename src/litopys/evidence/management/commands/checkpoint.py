from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys.evidence import checkpoint_log
from litopys.evidence.custody import checkpoint
from litopys.evidence.models import Checkpoint


class Command(BaseCommand):
    help = _("Sign a checkpoint (RFC 6962 Merkle root, Ed25519) over the custody ledger so far, and write it to the "
             "checkpoint log outside the database.")

    def add_arguments(self, parser):
        parser.add_argument("--adopt-log", action="store_true",
                            help=_("Once, after upgrading from a version without a checkpoint log: start the log "
                                   "from the checkpoints the database holds (refused when a log exists)."))

    def handle(self, *args, **options):
        if options["adopt_log"]:
            if checkpoint_log.read() is not None:
                raise CommandError(_("%(path)s exists already; the log is only ever appended to") % {
                    "path": checkpoint_log.path()})
            written = checkpoint_log.append(Checkpoint.objects.order_by("tree_size"))
            self.stdout.write(_("%(n)d checkpoint(s) written to %(path)s.") % {"n": written,
                                                                                "path": checkpoint_log.path()})
        point = checkpoint()
        healed = checkpoint_log.bring_up_to_date()
        if point is None:
            self.stdout.write(_("Nothing new since the last checkpoint."))
            if healed:
                self.stdout.write(_("%(n)d checkpoint(s) the log was missing written to it.") % {"n": healed})
            return
        self.stdout.write(point.statement + f"digest {point.statement_digest}\nsignature {point.signature}")
