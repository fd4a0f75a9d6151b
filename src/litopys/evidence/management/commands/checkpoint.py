from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from litopys.evidence.custody import checkpoint


class Command(BaseCommand):
    help = _("Sign a checkpoint (RFC 6962 Merkle root, Ed25519) over the custody ledger so far.")

    def handle(self, *args, **options):
        point = checkpoint()
        if point is None:
            self.stdout.write(_("Nothing new since the last checkpoint."))
            return
        self.stdout.write(point.statement + f"digest {point.statement_digest}\nsignature {point.signature}")
