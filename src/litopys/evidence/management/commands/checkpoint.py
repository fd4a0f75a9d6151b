import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.evidence import checkpoint_log, stamping
from litopys.evidence.custody import checkpoint
from litopys.evidence.models import Checkpoint


class Command(BaseCommand):
    help = _("Sign a checkpoint (RFC 6962 Merkle root, Ed25519) over the custody ledger so far, write it to the "
             "checkpoint log outside the database, and have it stamped by the time-stamping authorities of "
             "LITOPYS_TSA_URL.")

    def add_arguments(self, parser):
        parser.add_argument("--adopt-log", action="store_true",
                            help=_("Once, after upgrading from a version without a checkpoint log: start the log "
                                   "from the checkpoints the database holds (refused when a log exists)."))
        parser.add_argument("--stamp-pending", action="store_true",
                            help=_("Also ask the time-stamping authorities again for the checkpoints they did not "
                                   "stamp (they could not be reached); exit 1 when some are still unstamped."))

    def handle(self, *args, **options):
        if options["stamp_pending"] and not settings.LITOPYS_TSA_URL:
            raise CommandError(_("--stamp-pending needs LITOPYS_TSA_URL: set it to the address of a time-stamping "
                                 "authority (see docs/capture.md)"))
        if options["adopt_log"]:
            if checkpoint_log.read() is not None:
                raise CommandError(_("%(path)s exists already; the log is only ever appended to") % {
                    "path": checkpoint_log.path()})
            written = checkpoint_log.append(Checkpoint.objects.order_by("tree_size"))
            self.stdout.write(ngettext("%(n)d checkpoint written to %(path)s.",
                                       "%(n)d checkpoints written to %(path)s.", written)
                              % {"n": written, "path": checkpoint_log.path()})
        point = checkpoint()
        healed, healed_stamps = checkpoint_log.bring_up_to_date(), stamping.bring_log_up_to_date()
        if point is None:
            self.stdout.write(_("Nothing new since the last checkpoint."))
        else:
            self.stdout.write(point.statement + f"digest {point.statement_digest}\nsignature {point.signature}")
            self.print_stamps(point)
        if healed:
            self.stdout.write(ngettext("%(n)d checkpoint the log was missing written to it.",
                                       "%(n)d checkpoints the log was missing written to it.", healed)
                              % {"n": healed})
        if healed_stamps:
            self.stdout.write(ngettext("%(n)d timestamp the log was missing written to it.",
                                       "%(n)d timestamps the log was missing written to it.", healed_stamps)
                              % {"n": healed_stamps})
        if options["stamp_pending"]:
            outcomes = stamping.stamp_pending()
            for outcome in outcomes:
                self.print_stamps(outcome.checkpoint, only=outcome.stamps)
            left = Checkpoint.objects.filter(stamp_pending=True).count()
            stamped = sum(bool(o.stamps) for o in outcomes)
            self.stdout.write(_("%(stamped)s, %(left)s.") % {
                "stamped": ngettext("%(n)d checkpoint stamped", "%(n)d checkpoints stamped", stamped) % {"n": stamped},
                "left": ngettext("%(n)d still awaiting a timestamp", "%(n)d still awaiting a timestamp", left)
                % {"n": left}})
            if left:
                sys.exit(1)

    def print_stamps(self, point, only=None):
        """Print each timestamp of a checkpoint (or only the new ones), and why it is still unstamped."""
        stamps = [stamp.as_proof() for stamp in only] if only is not None else stamping.rfc3161_proofs(point)
        for proof in stamps:
            self.stdout.write(_("checkpoint at %(n)d entries: timestamp %(time)s by %(tsa)s (%(url)s)") % {
                "n": point.tree_size, "time": proof["tsa_time"], "tsa": proof["tsa"], "url": proof["tsa_url"]})
        if point.stamp_pending:
            self.stderr.write(_("warning: the checkpoint at %(n)d entries is kept without a timestamp: %(why)s; "
                                "`litopys checkpoint --stamp-pending` asks again") % {
                "n": point.tree_size, "why": point.stamp_error or _("the time-stamping authority was not asked")})
