import json
from dataclasses import asdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys.core.backup.manifest import BackupError
from litopys.core.backup.restoring import restore
from litopys.core.backup.tables import TablesError
from litopys.core.management.commands.backup import progress_bar


class Command(BaseCommand):
    help = _("Restore a backup made by `litopys backup` into a new, empty home; refuses a home that holds anything.")

    def add_arguments(self, parser):
        parser.add_argument("src", metavar="SRC", help=_("The folder `litopys backup` wrote."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        bar = progress_bar(options)
        try:
            restored = restore(Path(options["src"]), progress=bar.update if bar else None)
        except (BackupError, TablesError) as exc:
            raise CommandError(str(exc)) from None
        finally:
            if bar:
                bar.close()
        if options["format"] == "json":
            self.stdout.write(json.dumps(asdict(restored), indent=2))
            return
        self.stdout.write(_("restored %(rows)d rows and %(items)d items (%(bytes)d bytes) from %(path)s")
                          % {"rows": restored.rows, "items": restored.items, "bytes": restored.item_bytes,
                             "path": restored.path})
        for target in restored.keys_installed:
            self.stdout.write(_("installed the backup's key at %(path)s") % {"path": target})
        self.stdout.write(_("now run `litopys verify`"))
