"""What the public record shows: published incidents, their verified figures, map features and statistics.

Only incidents whose status is "published" and figures whose status is "verified" leave this module.
A source is named only when its sensitivity is "public"; other sources are counted, never named. A
flag's sentence is shown only when every claim it speaks of is public in that sense, because flags
quote values and speakers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import get_language, gettext, gettext_lazy

from litopys import vocab
from litopys.figures.localised import flag_sentence
from litopys.figures.selectors import FigureView, claims_queryset, compute_figures
from litopys.incidents.models import DatePrecision, Incident, RecordStatus

VERIFIED = "verified"
PUBLIC_SENSITIVITY = "public"
#: Day-precise dates as readers write them: "12 September 2022", "12 вересня 2022" (E: month in the genitive).
DAY_FORMAT = "j E Y"
MONTH_FORMAT = "F Y"
#: How qualifier values read after a kind: "Bodies found — women".
QUALIFIER_LABELS = {
    "male": gettext_lazy("men"), "female": gettext_lazy("women"), "unknown": gettext_lazy("sex not known"),
    "child": gettext_lazy("children"), "adult": gettext_lazy("adults"),
    "civilian": gettext_lazy("civilians"), "military": gettext_lazy("military"),
}
WITHHELD_FLAG = gettext_lazy("A remark about this figure rests on sources or figures that are not public.")


def language() -> str:
    return (get_language() or "en").split("-")[0]


def vocab_label(name: str, code: str) -> str:
    """Return a vocabulary label in the active language, or the code itself when the vocabulary lacks it."""
    try:
        return vocab.label(name, code, language())
    except KeyError:
        return code.replace("_", " ")


def place_name(place) -> str:
    if place is None:
        return ""
    return (place.name_uk if language() == "uk" else "") or place.name


def oblast_of(place):
    """Return the oblast a place lies in (an oblast is its own)."""
    if place is None:
        return None
    return place if place.kind == "oblast" else place.admin1


def public_incidents():
    """Return the incidents a reader may see, with what their pages need."""
    return (Incident.objects.filter(status=RecordStatus.PUBLISHED)
            .select_related("place__admin1", "parent").prefetch_related("sites__place"))


def date_text(day: date | None, precision: str) -> str:
    """Return a date as precisely as it is known: "12 September 2022", "week of …", "September 2022", "2022"."""
    if day is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return dateformat.format(day, MONTH_FORMAT)
    text = dateformat.format(day, DAY_FORMAT)
    if precision == DatePrecision.WEEK:
        return gettext("week of %(date)s") % {"date": text}
    return text


def period_text(incident: Incident) -> str:
    """Return an incident's dates: its start, and its end when it has one."""
    start = date_text(incident.start_date, incident.start_precision)
    end = date_text(incident.end_date, incident.end_precision)
    if not start and not end:
        return gettext("date not known")
    if not end or end == start:
        return start
    if not start:
        return gettext("until %(end)s") % {"end": end}
    return gettext("%(start)s – %(end)s") % {"start": start, "end": end}


def incident_point(incident: Incident) -> tuple[float, float] | None:
    """Return (latitude, longitude) for a pin: a site's own position, else the incident's place, else a site's."""
    sites = list(incident.sites.all())
    for site in sites:
        if site.latitude is not None and site.longitude is not None:
            return site.latitude, site.longitude
    for place in [incident.place, *(site.place for site in sites)]:
        if place is not None and place.latitude is not None and place.longitude is not None:
            return place.latitude, place.longitude
    return None


@dataclass
class SourceRef:
    """A public source behind a figure, as a reader may see it."""

    title: str
    publisher: str
    published: date | None
    url: str
    quotes: list[str] = field(default_factory=list)


@dataclass
class PublicFigure:
    """A verified figure as the public record shows it."""

    kind: str
    label: str
    qualifiers: dict
    min: int | None
    max: int | None
    best: int | None
    origins: int
    flags: list[str]
    sources: list[SourceRef]
    withheld_sources: int

    @property
    def is_headline(self) -> bool:
        """A top-level figure: the whole count of its kind, not a part of a breakdown."""
        return not self.qualifiers

    @property
    def qualifier_text(self) -> str:
        return ", ".join(str(QUALIFIER_LABELS.get(value, value)) for _, value in sorted(self.qualifiers.items()))

    @property
    def range_text(self) -> str:
        if self.min is not None and self.max is not None:
            return str(self.min) if self.min == self.max else f"{self.min}–{self.max}"
        if self.min is not None:
            return gettext("at least %(n)s") % {"n": self.min}
        if self.max is not None:
            return gettext("at most %(n)s") % {"n": self.max}
        return ""

    @property
    def value(self) -> int | None:
        """The number statistics add: the best value, else the lower bound."""
        return self.best if self.best is not None else self.min

    @property
    def value_text(self) -> str:
        return str(self.best) if self.best is not None else self.range_text


def public_figure(view: FigureView, public_claims: set[int]) -> PublicFigure:
    figure = view.figure
    rejected = set(figure.rejected)
    sources: dict[int, SourceRef] = {}
    withheld: set[int] = set()
    for claim in view.claims:
        if claim.pk in rejected:
            continue
        source = claim.source
        if source.sensitivity != PUBLIC_SENSITIVITY:
            withheld.add(source.pk)
            continue
        ref = sources.setdefault(source.pk, SourceRef(str(source), source.publisher, source.published, source.url))
        if claim.quote and claim.quote not in ref.quotes:
            ref.quotes.append(claim.quote)
    flags = []
    for flag in figure.flags:
        sentence = flag_sentence(flag) if set(flag.claims) <= public_claims else str(WITHHELD_FLAG)
        if sentence not in flags:
            flags.append(sentence)
    return PublicFigure(
        kind=figure.kind, label=vocab_label("claim_kinds", figure.kind), qualifiers=dict(figure.qualifiers),
        min=figure.min, max=figure.max, best=figure.best, origins=len(figure.origins), flags=flags,
        sources=sorted(sources.values(), key=lambda s: (s.published or date.min, s.title)),
        withheld_sources=len(withheld))


def _figure_order(figure: PublicFigure) -> tuple:
    kinds = vocab.codes("claim_kinds")
    rank = kinds.index(figure.kind) if figure.kind in kinds else len(kinds)
    return rank, figure.kind, not figure.is_headline, sorted(figure.qualifiers.items())


def verified_figures(incidents=None) -> dict[int, list[PublicFigure]]:
    """Return incident id -> its verified figures (headline first), for published incidents only."""
    claims = claims_queryset().filter(incident__status=RecordStatus.PUBLISHED)
    if incidents is not None:
        claims = claims.filter(incident__in=incidents)
    views = [view for view in compute_figures(claims)
             if view.figure.status == VERIFIED and view.incident is not None
             and view.incident.status == RecordStatus.PUBLISHED]
    public_claims = {claim.pk for view in views for claim in view.claims
                     if claim.source.sensitivity == PUBLIC_SENSITIVITY and claim.pk not in view.figure.rejected}
    by_incident: dict[int, list[PublicFigure]] = defaultdict(list)
    for view in views:
        by_incident[view.incident.pk].append(public_figure(view, public_claims))
    for figures in by_incident.values():
        figures.sort(key=_figure_order)
    return dict(by_incident)


def headline(figures: list[PublicFigure]) -> list[PublicFigure]:
    return [figure for figure in figures if figure.is_headline]


def map_features(incidents, figures: dict[int, list[PublicFigure]]) -> dict:
    """Return a GeoJSON FeatureCollection of public incidents with a position, with public data only."""
    features = []
    for incident in incidents:
        point = incident_point(incident)
        if point is None:
            continue
        latitude, longitude = point
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(longitude, 5), round(latitude, 5)]},
            "properties": {
                "title": incident.title, "slug": incident.slug,
                "url": reverse("record:incident", args=[incident.slug]),
                "type": incident.type, "type_label": vocab_label("incident_types", incident.type),
                "dates": period_text(incident),
                "start_date": incident.start_date.isoformat() if incident.start_date else None,
                "place": place_name(incident.place), "geo_precision": incident.get_geo_precision_display(),
                "figures": [{"kind": f.kind, "label": f.label, "best": f.best, "min": f.min, "max": f.max,
                             "text": f.value_text} for f in headline(figures.get(incident.pk, []))],
            },
        })
    return {"type": "FeatureCollection", "features": features}


def month_key(incident: Incident) -> str:
    """Return "YYYY-MM" when the incident's month is known, "YYYY" when only its year is, else ""."""
    day = incident.start_date
    if day is None:
        return ""
    return str(day.year) if incident.start_precision == DatePrecision.YEAR else f"{day.year}-{day.month:02d}"


def month_label(key: str) -> str:
    if not key:
        return gettext("Date not known")
    if len(key) == 4:
        return gettext("%(year)s, month not known") % {"year": key}
    return dateformat.format(date(int(key[:4]), int(key[5:]), 1), MONTH_FORMAT)


def timeline_groups(incidents) -> list[tuple[str, list[Incident]]]:
    """Group incidents, already in time order, under month headings."""
    groups: list[tuple[str, list[Incident]]] = []
    for incident in incidents:
        label = month_label(month_key(incident))
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(incident)
    return groups


@dataclass(frozen=True)
class StatRow:
    """One incident's top-level verified figure of one kind, as statistics add it."""

    incident: int
    ancestors: tuple[int, ...]
    kind: str
    value: int
    oblast: str = ""
    month: str = ""


@dataclass
class Tally:
    """Sums of top-level figures: per kind, and per kind by oblast and by month; values are (incidents, total)."""

    by_kind: dict[str, tuple[int, int]]
    by_oblast: dict[str, dict[str, tuple[int, int]]]
    by_month: dict[str, dict[str, tuple[int, int]]]
    left_out: int = 0


def tally(rows: list[StatRow]) -> Tally:
    """Add figures without counting anyone twice: one top-level figure per incident and kind, parts never.

    A figure is left out when an ancestor incident has a figure of the same kind, since the larger
    incident's count already includes it. Kinds are never added to each other.
    """
    counted = {(row.incident, row.kind) for row in rows}
    kept = [row for row in rows if not any((ancestor, row.kind) in counted for ancestor in row.ancestors)]
    seen: set[tuple[int, str]] = set()
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_oblast: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    by_month: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in kept:
        if (row.incident, row.kind) in seen:
            continue
        seen.add((row.incident, row.kind))
        for cell in (by_kind[row.kind], by_oblast[row.kind][row.oblast], by_month[row.kind][row.month]):
            cell[0] += 1
            cell[1] += row.value
    def frozen(table):
        return {kind: {key: tuple(cell) for key, cell in cells.items()} for kind, cells in table.items()}

    return Tally(by_kind={kind: tuple(cell) for kind, cell in by_kind.items()}, by_oblast=frozen(by_oblast),
                 by_month=frozen(by_month), left_out=len(rows) - len(seen))


def ancestors(incident_id: int, parents: dict[int, int | None]) -> tuple[int, ...]:
    """Return the ids of the incidents an incident is part of, nearest first."""
    chain, seen = [], {incident_id}
    parent_id = parents.get(incident_id)
    while parent_id and parent_id not in seen:
        chain.append(parent_id)
        seen.add(parent_id)
        parent_id = parents.get(parent_id)
    return tuple(chain)


def stat_rows(incidents, figures: dict[int, list[PublicFigure]]) -> list[StatRow]:
    """Return one row per public incident and kind with a top-level verified figure that has a value."""
    parents = dict(Incident.objects.values_list("pk", "parent_id"))
    rows = []
    for incident in incidents:
        oblast = oblast_of(incident.place)
        for figure in headline(figures.get(incident.pk, [])):
            if figure.value is None:
                continue
            rows.append(StatRow(incident.pk, ancestors(incident.pk, parents), figure.kind, figure.value,
                                oblast.iso_code if oblast else "", month_key(incident)))
    return rows


@dataclass
class IncidentCard:
    """An incident with the words a page shows about it, in the active language."""

    incident: Incident
    type_label: str
    dates: str
    place: str
    oblast: str
    figures: list[PublicFigure]
    #: Labels of the legal qualifications documenters gave the incident.
    legal: list[str] = field(default_factory=list)

    @property
    def headline(self) -> list[PublicFigure]:
        return headline(self.figures)


def card(incident: Incident, figures: dict[int, list[PublicFigure]]) -> IncidentCard:
    oblast = oblast_of(incident.place)
    return IncidentCard(incident, vocab_label("incident_types", incident.type), period_text(incident),
                        place_name(incident.place), place_name(oblast) if oblast != incident.place else "",
                        figures.get(incident.pk, []),
                        [vocab_label("legal_qualifications", code) for code in incident.legal_qualifications or []])
