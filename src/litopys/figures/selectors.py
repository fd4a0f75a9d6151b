"""Reconcile stored claims into figures: the database side of the pure reconciliation core.

Which claims form one figure is decided here once: the claims of one *cell* — an incident, else (for claims
of no incident) a site, else a place, else the place name as written — of one kind and one set of
qualifiers. Cells are named by row ids (``incident:12``), so renaming an incident orphans nothing.
"""

import hashlib
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q

from litopys.figures.claims import ClaimInput, FigureKey, Reconciled, figure_key
from litopys.figures.models import BestValue, Figure, OriginMerge, OriginSplit
from litopys.figures.origins import assign_origins
from litopys.figures.reconcile import reconcile
from litopys.incidents.integrity import sealed
from litopys.incidents.models import Claim, ClaimStatus, Incident, Site
from litopys.places.models import Place


def cell_for(incident_id=None, site_id=None, place_id=None, place_name: str = "") -> str:
    """Return the cell of a claim or a stored figure: its incident, else its site, else its place."""
    if incident_id:
        return f"incident:{incident_id}"
    if site_id:
        return f"site:{site_id}"
    if place_id:
        return f"place:{place_id}"
    return f"named:{place_name.lower()}" if place_name else "unplaced"


def cell_of(claim: Claim) -> str:
    return cell_for(claim.incident_id, claim.site_id, claim.place_id, claim.place_name)


def key_text(key: FigureKey) -> str:
    """Return a figure key as one line: "incident:12 bodies sex=female" (a stored figure's ``key``)."""
    cell, kind, qualifiers = key
    return " ".join([cell, kind, *(f"{name}={value}" for name, value in qualifiers)])


def row_key(row: Figure) -> FigureKey:
    return figure_key(cell_for(row.incident_id, row.site_id, row.place_id, row.place_name), row.kind,
                      row.qualifiers)


def text_digest(quote: str) -> str:
    words = re.findall(r"\w+", quote.lower())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16] if words else ""


def claim_input(claim: Claim) -> ClaimInput:
    source = claim.source
    return ClaimInput(
        id=claim.pk, kind=claim.kind, min=claim.min, max=claim.max, approximate=claim.approximate,
        qualifiers=claim.qualifiers or {}, cell=cell_of(claim), source_id=source.pk, source_kind=source.kind,
        publisher=source.publisher, speaker=claim.attributed_to.name if claim.attributed_to_id else "",
        stated_on=claim.stated_on or source.published, stated_at=None, text_digest=text_digest(claim.quote),
        status=reviewed_status(claim), quote=claim.quote, within=within_cell(claim),
        where=claim.place.name if claim.place_id else claim.place_name)


def within_cell(claim: Claim) -> str:
    """Return the cell of the place holding a claim's place (a settlement's oblast, an oblast's country), for a
    claim of no incident or site; else ""."""
    place = claim.place if claim.place_id and not claim.incident_id and not claim.site_id else None
    if place is None:
        return ""
    if place.kind == "settlement" and place.admin1_id:
        return cell_for(place_id=place.admin1_id)
    if place.kind == "oblast":
        country = _country_id()
        return cell_for(place_id=country) if country else ""
    return ""


def _country_id() -> int | None:
    return Place.objects.filter(kind="country").values_list("pk", flat=True).first()


def reviewed_status(claim: Claim) -> str:
    """Return a claim's status as figures count it: "verified" only while the claim still says what its
    reviewers verified (its seal matches); a claim changed since, by whatever path, needs review again."""
    if claim.status == ClaimStatus.VERIFIED and not sealed(claim):
        return ClaimStatus.UNVERIFIED
    return claim.status


@dataclass
class FigureView:
    """A reconciled figure with the records it is about, the claims behind it, and its stored row if tracked."""

    figure: Reconciled
    claims: list[Claim]
    incident: Incident | None = None
    site: Site | None = None
    place: Place | None = None
    origin_of: dict[int, str] = field(default_factory=dict)
    row: Figure | None = None

    @property
    def key(self) -> str:
        return key_text(self.figure.key)

    @property
    def reopened(self) -> list[int]:
        """Return the claims behind the number readers were last shown that no longer stand verified (changed
        since, by any path, or disputed): until a second reviewer settles them, readers keep that number."""
        if self.row is None or self.row.published_at is None:
            return []
        behind = set(self.row.published_claims)
        return [claim.pk for claim in self.claims if claim.pk in behind and claim.status != ClaimStatus.REJECTED
                and reviewed_status(claim) != ClaimStatus.VERIFIED]

    def to_contract(self) -> dict:
        """Return the figure in the JSON form other tools read (`litopys figures --format json`)."""
        f = self.figure
        place = self.place
        return {
            "place": {"name": place.name, "geonames_id": place.geonames_id} if place else None,
            "incident": self.incident.slug if self.incident else None,
            "kind": f.kind, "qualifiers": dict(f.qualifiers),
            "min": f.min, "max": f.max, "best": f.best,
            "claims": len(f.claims), "origins": len(f.origins), "status": f.status,
            "flags": [{"code": flag.code, "message": flag.message} for flag in f.flags],
        }


def claims_queryset(place: Place | None = None, kind: str | None = None):
    qs = Claim.objects.select_related("source", "attributed_to", "place", "incident__place", "site__place")
    if place is not None:
        qs = qs.filter(Q(place=place) | Q(incident__place=place) | Q(site__place=place) |
                       Q(place__admin1=place) | Q(incident__place__admin1=place))
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def in_cell(cell: str, kind: str | None = None) -> Q:
    """Return the condition for the claims of one cell (and kind): what one figure, or its breakdown, reads."""
    scheme, _, value = cell.partition(":")
    found = {
        "incident": lambda: Q(incident_id=value),
        "site": lambda: Q(incident=None, site_id=value),
        "place": lambda: Q(incident=None, site=None, place_id=value),
        "named": lambda: Q(incident=None, site=None, place=None, place_name__iexact=value),
    }.get(scheme, lambda: Q(incident=None, site=None, place=None, place_name=""))()
    return found & Q(kind=kind) if kind else found


def touched_by(claims) -> Q:
    """Return the condition for every claim of the figures these claims belong to (all their qualifiers, since
    a breakdown is checked against its total)."""
    cells = {(cell_of(claim), claim.kind) for claim in claims}
    return reduce(or_, (in_cell(cell, kind) for cell, kind in sorted(cells)), Q(pk__in=[]))


def overrides(inputs: list[ClaimInput]):
    merges = [(m.first, m.second) for m in OriginMerge.objects.all()]
    splits = list(OriginSplit.objects.values_list("source_id", flat=True))
    origin_of = assign_origins([c for c in inputs if c.status != "rejected"], merges=merges, splits=splits)
    cells = {claim.cell for claim in inputs}
    best = {}
    for chosen in BestValue.objects.select_related("figure"):
        key = row_key(chosen.figure)
        if key[0] in cells:
            best[key] = (chosen.value, chosen.reason)
    return origin_of, best


def compute_figures(claims=None) -> list[FigureView]:
    """Reconcile claims (all, or a queryset) into figures, each with its stored row when it has one."""
    claims = list(claims if claims is not None else claims_queryset())
    inputs = [claim_input(c) for c in claims]
    origin_of, best = overrides(inputs)
    by_id = {c.pk: c for c in claims}
    by_cell: dict[str, Claim] = {}
    for claim, data in zip(claims, inputs, strict=True):
        by_cell.setdefault(data.cell, claim)
    views = []
    for figure in reconcile(inputs, origin_overrides=origin_of, best_override=best):
        sample = by_cell[figure.cell]
        incident = sample.incident if figure.cell.startswith("incident:") else None
        site = sample.site if figure.cell.startswith("site:") else None
        place = (incident.place if incident else site.place if site else sample.place)
        behind = [by_id[i] for i in figure.claims + figure.rejected if i in by_id]
        views.append(FigureView(figure, behind, incident, site, place,
                                {i: origin_of.get(i, "") for i in figure.claims}))
    # Corrections come with their rows: a public page shows each figure's, and must not ask once per figure.
    rows = (Figure.objects.prefetch_related("corrections").in_bulk([view.key for view in views], field_name="key")
            if views else {})
    for view in views:
        view.row = rows.get(view.key)
    return views


def figures_for(place: Place | None = None, kind: str | None = None) -> list[FigureView]:
    """Reconcile the claims about a place (and what lies in it) and/or of one kind."""
    return compute_figures(claims_queryset(place, kind))


def figure_of_row(row: Figure) -> FigureView:
    """Return a stored figure reconciled from its claims now (with none when no claim gives it any more)."""
    key = row_key(row)
    for view in compute_figures(claims_queryset().filter(in_cell(key[0], row.kind))):
        if view.figure.key == key:
            return view
    return without_claims(row)


def without_claims(row: Figure) -> FigureView:
    """Return a stored figure no claim gives any more (claims moved or changed): nothing reconciled, its row kept."""
    cell, kind, qualifiers = row_key(row)
    empty = Reconciled(cell=cell, kind=kind, qualifiers=dict(qualifiers), min=None, max=None, best=None, claims=[],
                       interim=[], origins=[], status=ClaimStatus.UNVERIFIED, flags=[], best_reason="")
    return FigureView(empty, [], row.incident, row.site, row.place, {}, row)


def published_rows_without_claims(views: list[FigureView], **about) -> list[FigureView]:
    """Return published figures about these records (e.g. ``incident__in=...``) that no claim gives any more."""
    seen = {view.key for view in views}
    rows = (Figure.objects.filter(published_at__isnull=False, **about).exclude(key__in=seen)
            .select_related("incident", "site__incident", "place").prefetch_related("corrections"))
    return [without_claims(row) for row in rows]


def cited_by(figure_ids) -> dict[int, list]:
    """Return figure id -> the published works citing it (posts), from every app that declares
    ``figure_citations`` in its AppConfig."""
    from django.apps import apps
    from django.utils.module_loading import import_string

    found: dict[int, list] = {}
    for config in apps.get_app_configs():
        path = getattr(config, "figure_citations", None)
        if path:
            for figure_id, works in import_string(path)(figure_ids).items():
                found.setdefault(figure_id, []).extend(works)
    return found


def posts_citing_incident(incident) -> list:
    """Return the published works (posts) that cite any figure about an incident."""
    ids = list(Figure.objects.filter(incident=incident).values_list("pk", flat=True))
    found = []
    for works in cited_by(ids).values():
        found.extend(work for work in works if work not in found)
    return found
