"""Figure references as posts write them (``{{figure izium-mass-burial-site bodies}}``): read one, and find the
figure it names.
"""

from litopys.figures.claims import figure_key
from litopys.figures.models import Figure
from litopys.figures.selectors import FigureView, claims_queryset, compute_figures, in_cell, key_text, without_claims
from litopys.incidents.models import Incident
from litopys.places.models import Place


def parse_ref(text: str) -> tuple[str, str, dict]:
    """Read a figure reference as posts write it: "<about> <kind> [key=value ...]".

    ``about`` is an incident's slug (or ``incident:<slug>``), ``site:<id>``, ``place:<GeoNames id>`` or
    ``named:<place as written>``; e.g. "izium-mass-burial-site bodies sex=male". Returns the cell by row ids.
    Raises ValueError naming what cannot be read or found.
    """
    parts = text.split()
    if len(parts) < 2:
        raise ValueError(f"figure reference {text!r} needs a cell and a kind, e.g. 'place:707292 bodies'")
    about, kind, rest = parts[0], parts[1], parts[2:]
    qualifiers = {}
    for token in rest:
        name, sep, value = token.partition("=")
        if not sep:
            raise ValueError(f"figure reference {text!r}: {token!r} is not key=value")
        qualifiers[name] = value
    return resolve_cell(about), kind, qualifiers


def resolve_cell(about: str) -> str:
    """Turn how a post names what a figure is about into its cell; unknown rows give a cell nothing is in."""
    scheme, sep, value = about.partition(":")
    if not sep:
        scheme, value = "incident", about
    if scheme == "incident":
        found = Incident.objects.filter(slug=value).values_list("pk", flat=True).first()
        return f"incident:{found}" if found else f"incident:missing-{value}"
    if scheme == "place":
        number = value.removeprefix("pk")
        lookup = {"pk": number} if value.startswith("pk") else {"geonames_id": number}
        found = Place.objects.filter(**lookup).values_list("pk", flat=True).first() if number.isdigit() else None
        return f"place:{found}" if found else f"place:missing-{value}"
    if scheme == "site":
        return f"site:{value}" if value.isdigit() else f"site:missing-{value}"
    if scheme == "named":
        return f"named:{value.lower()}"
    raise ValueError(f"figure reference: {about!r} is not an incident slug, site:<id>, place:<id> or named:<name>")


def find_figure(ref: str) -> FigureView | None:
    """Return the figure a reference names, reconciled from the claims of its cell (or, when no claim gives it
    any more, its stored row: what was published stays known)."""
    cell, kind, qualifiers = parse_ref(ref)
    if "missing-" in cell:
        return None
    key = figure_key(cell, kind, qualifiers)
    for view in compute_figures(claims_queryset().filter(in_cell(cell, kind))):
        if view.figure.key == key:
            return view
    row = Figure.objects.select_related("incident", "site__incident", "place").filter(key=key_text(key)).first()
    return without_claims(row) if row is not None else None
