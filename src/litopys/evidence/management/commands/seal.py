import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.evidence import sealed, sealing
from litopys.evidence.actions import seal_confidential
from litopys.evidence.ingest import SourceFacts, actor_name


class Command(BaseCommand):
    help = _("Seal (encrypt at rest) every item of a confidential source, and the copies made from them, that is "
             "not sealed yet; remove plaintexts an interrupted sealing left behind.")

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true",
                            help=_("Only say how many items wait to be sealed; exit 1 if any do."))
        parser.add_argument("--actor", default="", help=_("Who seals, for the custody ledger (default: you)."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        if options["check"]:
            waiting = sealed.unsealed_confidential_items().count()
            self.stdout.write(json.dumps({"unsealed": waiting}) if options["format"] == "json" else
                              ngettext("%(count)d item of confidential sources waits to be sealed",
                                       "%(count)d items of confidential sources wait to be sealed", waiting)
                              % {"count": waiting})
            if waiting:
                raise SystemExit(1)
            return
        try:
            copies = seal_confidential(actor_name(SourceFacts(collected_by=options["actor"])))
        except sealing.SealError as exc:
            raise CommandError(str(exc)) from None
        key = sealed.vault_key()
        if options["format"] == "json":
            self.stdout.write(json.dumps({"sealed": [copy.derived_from.sha256 for copy in copies],
                                          "key_id": key.label if key else None}, indent=2))
            return
        for copy in copies:
            self.stdout.write(_("sealed %(item)s as %(copy)s") % {"item": copy.derived_from.sha256,
                                                                  "copy": copy.sha256})
        self.stdout.write(ngettext("%(count)d item sealed with vault key %(key)s",
                                   "%(count)d items sealed with vault key %(key)s", len(copies))
                          % {"count": len(copies), "key": key.label if key else "-"})
