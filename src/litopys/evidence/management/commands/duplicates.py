import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.evidence.models import Item
from litopys.evidence.similarity import near_duplicates


class Command(BaseCommand):
    help = _("List images that look alike (perceptual hash within a distance), even when their bytes differ.")

    def add_arguments(self, parser):
        parser.add_argument("--distance", type=int, default=8,
                            help=_("Largest Hamming distance between hashes counted as alike (default 8 of 64)."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        items = list(Item.objects.exclude(phash="").only("sha256", "phash", "original_name"))
        pairs = near_duplicates([(i.sha256, i.phash) for i in items], options["distance"])
        names = {i.sha256: i.original_name for i in items}
        if options["format"] == "json":
            self.stdout.write(json.dumps({"pairs": [{"a": a, "b": b, "distance": d} for a, b, d in pairs]}, indent=2))
            return
        for a, b, distance in pairs:
            self.stdout.write(f"{distance:>3}  {a}  {names[a]}\n     {b}  {names[b]}")
        self.stderr.write(ngettext("%(pairs)d near-duplicate pair among %(images)d images",
                                   "%(pairs)d near-duplicate pairs among %(images)d images", len(pairs))
                          % {"pairs": len(pairs), "images": len(items)})
