"""What the public record reads: published incidents and their verified figures, as every public page sees them.

Only incidents whose status is "published" and figures whose status is "verified" leave this module; what
a figure may show is decided by `litopys.figures.public`, the one projection every public surface uses.
"""

from __future__ import annotations

from collections import defaultdict

from litopys import vocab
from litopys.figures.public import PublicFigure, project, public_claim_ids, redacted_items, showable
from litopys.figures.selectors import cited_by, claims_queryset, compute_figures, published_rows_without_claims
from litopys.incidents.models import Incident, RecordStatus


def public_incidents():
    """Return the incidents a reader may see, with what their pages need."""
    return (Incident.objects.filter(status=RecordStatus.PUBLISHED)
            .select_related("place__admin1", "parent").prefetch_related("sites__place"))


def figure_order(figure: PublicFigure) -> tuple:
    kinds = vocab.codes("claim_kinds")
    rank = kinds.index(figure.kind) if figure.kind in kinds else len(kinds)
    return rank, figure.kind, not figure.is_headline, sorted(figure.qualifiers.items())


def verified_figures(incidents=None) -> dict[int, list[PublicFigure]]:
    """Return incident id -> its verified figures (headline first), for published incidents only."""
    claims = claims_queryset().filter(incident__status=RecordStatus.PUBLISHED)
    if incidents is not None:
        claims = claims.filter(incident__in=incidents)
    views = compute_figures(claims)
    about = {"incident__status": RecordStatus.PUBLISHED}
    if incidents is not None:
        about["incident__in"] = incidents
    views = [view for view in views + published_rows_without_claims(views, **about)
             if view.incident is not None and showable(view)]
    public_claims, redacted = public_claim_ids(views), redacted_items(views)
    by_incident: dict[int, list[PublicFigure]] = defaultdict(list)
    for view in views:
        by_incident[view.incident.pk].append(project(view, public_claims, redacted=redacted))
    for figures in by_incident.values():
        figures.sort(key=figure_order)
    return dict(by_incident)


def headline(figures: list[PublicFigure]) -> list[PublicFigure]:
    """Return one figure per kind that summaries show and add: the total (no qualifiers) when there is one,
    else the broadest category known — fewest qualifiers, then the largest value ("1,000 killed — civilians").
    Parts of a breakdown are never added to each other or to a total."""
    chosen: dict[str, PublicFigure] = {}
    for figure in figures:
        current = chosen.get(figure.kind)
        if current is None or _broader(figure, current):
            chosen[figure.kind] = figure
    return sorted(chosen.values(), key=figure_order)


def _broader(figure: PublicFigure, other: PublicFigure) -> bool:
    if len(figure.qualifiers) != len(other.qualifiers):
        return len(figure.qualifiers) < len(other.qualifiers)
    return (figure.value or 0) > (other.value or 0)


def public_figure_view(row):
    """Return a stored figure reconciled now if the public may see it, else None: it must be verified (or
    verified before and under review again), and about a published incident — or, for a figure about a
    place, cited by a published post (nothing is public until an editor publishes it)."""
    from litopys.figures.public import about_public
    from litopys.figures.selectors import figure_of_row

    view = figure_of_row(row)
    if not showable(view):
        return None
    if view.incident is None and (view.site is None or view.site.incident is None) and not cited_by([row.pk]):
        return None
    return view if about_public(view) else None
