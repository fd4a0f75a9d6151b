"""Reconcile stored claims into figures: the database side of the pure reconciliation core."""

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from litopys.incidents.models import Claim, ClaimStatus, Incident, Site
from litopys.places.models import Place
from litopys.verification.claims import ClaimInput, Figure, figure_key
from litopys.verification.figures import reconcile
from litopys.verification.models import BestValue, OriginMerge, OriginSplit
from litopys.verification.origins import assign_origins


def cell_of(claim: Claim) -> str:
    """Return what a claim is about: its incident, else its site, else its place."""
    if claim.incident_id:
        return f"incident:{claim.incident.slug}"
    if claim.site_id:
        return f"site:{claim.site_id}"
    if claim.place_id:
        return f"place:{claim.place.geonames_id or 'pk' + str(claim.place_id)}"
    return f"named:{claim.place_name.lower()}" if claim.place_name else "unplaced"


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
        status=claim.status, quote=claim.quote)


@dataclass
class FigureView:
    """A reconciled figure with the records it is about and the claims behind it."""

    figure: Figure
    claims: list[Claim]
    incident: Incident | None = None
    site: Site | None = None
    place: Place | None = None
    origin_of: dict[int, str] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        quals = "".join(f" {k}={v}" for k, v in sorted(self.figure.qualifiers.items()))
        return f"{self.figure.cell} {self.figure.kind}{quals}"

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


def overrides(inputs: list[ClaimInput]):
    merges = [(m.first, m.second) for m in OriginMerge.objects.all()]
    splits = list(OriginSplit.objects.values_list("source_id", flat=True))
    origin_of = assign_origins([c for c in inputs if c.status != "rejected"], merges=merges, splits=splits)
    best = {figure_key(b.cell, b.kind, b.qualifiers): (b.value, b.reason) for b in BestValue.objects.all()}
    return origin_of, best


def compute_figures(claims=None) -> list[FigureView]:
    """Reconcile claims (all, or a queryset) into figures."""
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
    return views


def figures_for(place: Place | None = None, kind: str | None = None) -> list[FigureView]:
    """Reconcile the claims about a place (and what lies in it) and/or of one kind."""
    return compute_figures(claims_queryset(place, kind))


def parse_ref(text: str) -> tuple[str, str, dict]:
    """Read a figure reference: "<cell> <kind> [key=value ...]", e.g. "incident:izium bodies sex=male"."""
    parts = text.split()
    if len(parts) < 2:
        raise ValueError(f"figure reference {text!r} needs a cell and a kind, e.g. 'place:707292 bodies'")
    cell, kind, rest = parts[0], parts[1], parts[2:]
    qualifiers = {}
    for token in rest:
        key, sep, value = token.partition("=")
        if not sep:
            raise ValueError(f"figure reference {text!r}: {token!r} is not key=value")
        qualifiers[key] = value
    if not cell.startswith(("incident:", "site:", "place:", "named:")):
        cell = f"incident:{cell}"
    return cell, kind, qualifiers


def find_figure(ref: str) -> FigureView | None:
    """Return the figure a reference names, reconciled from the claims of its cell."""
    cell, kind, qualifiers = parse_ref(ref)
    key = figure_key(cell, kind, qualifiers)
    scheme, _, value = cell.partition(":")
    qs = claims_queryset(kind=kind)
    if scheme == "incident":
        qs = qs.filter(incident__slug=value)
    elif scheme == "site":
        qs = qs.filter(site_id=value) if value.isdigit() else qs.none()
    elif scheme == "place":
        qs = qs.filter(incident=None, site=None, place__geonames_id=value) if value.isdigit() else qs.none()
    for view in compute_figures(qs):
        if view.figure.key == key:
            return view
    return None


def corroborate(claims=None) -> int:
    """Mark unverified claims corroborated where two or more independent origins agree; return how many."""
    from litopys.verification.review import decide

    changed = 0
    for view in compute_figures(claims):
        figure = view.figure
        if figure.status != "corroborated" or figure.best is None:
            continue
        agreeing = defaultdict(list)
        for claim in view.claims:
            if claim.status == ClaimStatus.UNVERIFIED and claim.min == claim.max == figure.best \
                    and not claim.approximate:
                agreeing[view.origin_of.get(claim.pk, "")].append(claim)
        reason = f"{len(figure.best_origins)} independent origins give {figure.best}"
        for group in agreeing.values():
            for claim in group:
                decide(claim, "corroborate", None, reason)
                changed += 1
    return changed
