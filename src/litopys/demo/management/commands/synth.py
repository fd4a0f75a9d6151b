import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys.demo.synthetic import Sizes, SyntheticRefused, generate


class Command(BaseCommand):
    help = _("Fill a database of its own with SYNTHETIC records at scale (for benchmarks and load tests); refuses a "
             "database that holds real records.")

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=10_000, help=_("Claims to make (default 10000)."))
        parser.add_argument("--sources", type=int, default=1_000, help=_("Sources to make (default 1000)."))
        parser.add_argument("--incidents", type=int, default=100, help=_("Incidents to make (default 100)."))
        parser.add_argument("--posts", type=int, default=20, help=_("Posts to make (default 20)."))
        parser.add_argument("--seed", type=int, default=1, help=_("Seed of the random choices (default 1)."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        sizes = Sizes(options["claims"], options["sources"], options["incidents"], options["posts"])
        if min(sizes.claims, sizes.sources, sizes.incidents, sizes.posts) < 0:
            raise CommandError(_("sizes are counts: give 0 or more"))
        if sizes.claims and not sizes.sources:
            raise CommandError(_("claims need sources: give --sources 1 or more"))

        def progress(stage, count):
            if options["format"] == "text" and sys.stderr.isatty():
                sys.stderr.write(f"\r{stage}: {count}   ")

        try:
            made = generate(sizes, seed=options["seed"], progress=progress)
        except SyntheticRefused as exc:
            raise CommandError(str(exc)) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(made))
        else:
            self.stdout.write(_("SYNTHETIC records made: %(made)s") % {
                "made": ", ".join(f"{count} {name}" for name, count in made.items())})
