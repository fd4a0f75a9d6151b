import json
import sys
from dataclasses import asdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.core.backup.making import make_backup
from litopys.core.backup.manifest import BackupError


class Command(BaseCommand):
    help = _("Back up the database, the evidence vault and the checkpoint log into a new folder, with a list of "
             "hashes; keys are listed, copied only with --include-keys.")

    def add_arguments(self, parser):
        parser.add_argument("dest", metavar="DEST", help=_("A new (or empty) folder for the backup."))
        parser.add_argument("--include-keys", action="store_true",
                            help=_("Copy the keys (the secret key, the custody signing key, the vault key) into the "
                                   "backup too (keep it as safe as the keys)."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        bar = progress_bar(options)
        try:
            made = make_backup(Path(options["dest"]), include_keys=options["include_keys"],
                               progress=bar.update if bar else None)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        finally:
            if bar:
                bar.close()
        if options["format"] == "json":
            self.stdout.write(json.dumps(asdict(made), indent=2))
            return
        self.stdout.write(_("%(path)s: %(rows)d rows in %(tables)d tables, %(items)d items (%(bytes)d bytes), "
                            "%(entries)d ledger entries, %(points)d checkpoints; %(mb).1f MB/s")
                          % {"path": made.path, "rows": made.rows, "tables": made.tables, "items": made.items,
                             "bytes": made.item_bytes, "entries": made.entries, "points": made.checkpoints,
                             "mb": made.total_bytes / 1e6 / max(made.seconds, 1e-6)})
        self.stdout.write(_("sha256sums.txt: sha256:%(digest)s (write it down to recognise this backup later)")
                          % {"digest": made.digest})
        if made.absent:
            self.stdout.write(ngettext("note: %(n)d item the database names is not in the vault as itself (a sealed "
                                       "item is kept as its encrypted copy); if that is not why, run `litopys verify`",
                                       "note: %(n)d items the database names are not in the vault as themselves (a "
                                       "sealed item is kept as its encrypted copy); if that is not why, run "
                                       "`litopys verify`", made.absent) % {"n": made.absent})
        if made.keys_included:
            self.stdout.write(_("the backup holds the keys: keep it as safe as them"))
        else:
            self.stdout.write(_("keys were not copied: keep the keys listed in manifest.json elsewhere; restore "
                                "needs them"))


def progress_bar(options):
    if options["format"] != "text" or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr, leave=False)
