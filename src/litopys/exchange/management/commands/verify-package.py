"""`litopys verify-package BAG`: check an evidence package without the database (see exchange.packages.verify)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.evidence.counted import counts
from litopys.exchange.packages.opening import PackageError
from litopys.exchange.packages.public_keys import key_fingerprint, read_public_key
from litopys.exchange.packages.verify import verify_package


class Command(BaseCommand):
    help = _("Check an evidence package (a folder or a .zip) on any machine, without Litopys's database: bag "
             "manifests, items against their custody events, each event's hash and Merkle proof, checkpoint "
             "signatures. Exit 0 when intact, 1 listing each problem.")
    #: Needs no database: the point is to run where there is none.
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("package", metavar="BAG", help=_("The package's folder or .zip file."))
        parser.add_argument("--public-key", default="", metavar="KEY",
                            help=_("The Ed25519 public key the checkpoints must be signed with (base64, or a PEM or "
                                   "base64 file), as obtained from the organisation by another channel."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        try:
            key = read_public_key(options["public_key"])
            report = verify_package(options["package"], public_key=key)
        except PackageError as exc:
            raise CommandError(str(exc)) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            for problem in report.problems:
                self.stdout.write(f"PROBLEM {problem.kind}: {problem.message}")
            for key in report.public_keys:
                self.stdout.write(_("signed with the key %(key)s (fingerprint %(fingerprint)s)")
                                  % {"key": key, "fingerprint": key_fingerprint(key)})
            events = report.events_checked
            self.stdout.write(_("%(items)s, %(bytes)s, %(events)s, %(points)s: %(verdict)s") % {
                **counts(report),
                "events": ngettext("%(n)d custody event", "%(n)d custody events", events) % {"n": events}})
        if not report.intact:
            sys.exit(1)
