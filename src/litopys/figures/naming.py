"""Name a figure as people read it: "Bodies found — women, Izium mass burial site", in the active language."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from litopys.vocab.choices import label, qualifier_label

#: How qualifier values read after a kind: "Bodies found — women".
QUALIFIER_LABELS = {
    "male": gettext_lazy("men"), "female": gettext_lazy("women"), "unknown": gettext_lazy("sex not known"),
    "child": gettext_lazy("children"), "adult": gettext_lazy("adults"),
    "civilian": gettext_lazy("civilians"), "military": gettext_lazy("military"),
}


def qualifier_text(qualifiers: dict) -> str:
    """Return qualifiers as words: "women, civilians", "schools" (the kinds that count no people are labelled by
    the qualifiers vocabulary); a value no label knows is shown as words too."""
    return ", ".join(_value_text(key, value) for key, value in sorted((qualifiers or {}).items()))


def _value_text(key: str, value) -> str:
    found = qualifier_label(key, str(value)) if value not in QUALIFIER_LABELS else None
    return found or str(QUALIFIER_LABELS.get(value, str(value).replace("_", " ")))


def kind_text(kind: str, qualifiers: dict) -> str:
    """Return a kind with its qualifiers: "Bodies found — women"."""
    words = qualifier_text(qualifiers)
    return f"{label('claim_kinds', kind)} — {words}" if words else label("claim_kinds", kind)


def about_text(incident=None, site=None, place=None, place_name: str = "") -> str:
    """Return what a figure is about: an incident's title, a site's name, a place's name, or the words given."""
    if incident is not None:
        return incident.title
    if site is not None:
        return site.name
    if place is not None:
        return place.display_name()
    return place_name or _("place not known")


def figure_title(figure) -> str:
    """Name a stored figure, or anything with kind, qualifiers, incident, site, place and place_name."""
    about = about_text(figure.incident, figure.site, figure.place, figure.place_name)
    return f"{kind_text(figure.kind, figure.qualifiers)}, {about}"
