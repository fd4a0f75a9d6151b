import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys import vocab
from litopys.figures.localised import flag_sentence
from litopys.figures.naming import about_text, kind_text
from litopys.figures.public import status_label
from litopys.figures.selectors import figures_for
from litopys.places.models import Place


def find_place(name: str) -> Place:
    """Find a place by name in any script, by geonames id, or by ISO code; prefer the most populous."""
    from litopys.places.gazetteer import Gazetteer

    if name.isdigit():
        place = Place.objects.filter(geonames_id=int(name)).first()
    else:
        match = Gazetteer.default().best(name)
        place = Place.objects.filter(geonames_id=match.geonames_id).first() if match and match.geonames_id else None
    if place is None:
        raise CommandError(f"--place {name!r}: no such place in the gazetteer; run `litopys places load` "
                           "or check the spelling")
    return place


class Command(BaseCommand):
    help = _("Reconcile claims into figures: ranges, best values, independent origins, status and flags.")

    def add_arguments(self, parser):
        parser.add_argument("--place", help=_("Only figures about this place (and what lies in it)."))
        parser.add_argument("--kind", help=_("Only this claim kind, e.g. bodies."))
        parser.add_argument("--format", choices=["table", "json"], default="table", help=_("Output format."))

    def handle(self, *args, **options):
        kind = options["kind"]
        if kind and kind not in vocab.codes("claim_kinds"):
            known = ", ".join(vocab.codes("claim_kinds"))
            raise CommandError(f"--kind {kind!r} is not a claim kind; use one of {known}")
        place = find_place(options["place"]) if options["place"] else None
        views = figures_for(place, kind)
        if options["format"] == "json":
            self.stdout.write(json.dumps({"figures": [v.to_contract() for v in views]}, ensure_ascii=False, indent=2))
            return
        if not views:
            self.stdout.write(_("No figures."))
            return
        header = (_("about"), _("figure"), _("min"), _("max"), _("best"), _("claims"), _("origins"), _("status"),
                  _("flags"), _("reference in posts"))
        rows = [header]
        for view in views:
            f = view.figure
            about = about_text(view.incident, view.site, view.place) if view.incident or view.site or view.place \
                else f.cell
            rows.append((about, kind_text(f.kind, f.qualifiers), _show(f.min), _show(f.max), _show(f.best),
                         str(len(f.claims)), str(len(f.origins)), status_label(f.status), str(len(f.flags)),
                         view.key))
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        for row in rows:
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        for view in views:
            for flag in view.figure.flags:
                self.stdout.write(f"! {view.key}: {flag_sentence(flag)}")


def _show(value) -> str:
    return "-" if value is None else str(value)
