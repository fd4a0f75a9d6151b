"""Statistics of the record: verified figures added up without counting anyone twice, as charts and tables."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from litopys import vocab
from litopys.figures.public import PublicFigure
from litopys.incidents.models import Incident
from litopys.places.models import Place
from litopys.record.presentation import month_key, month_label
from litopys.record.selectors import headline, public_incidents, verified_figures
from litopys.vocab.choices import label

#: Width of the label column and of the longest bar in a chart, in SVG user units.
CHART_LABEL_WIDTH = 230
CHART_BAR_WIDTH = 330
CHART_ROW_HEIGHT = 28


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
    """Return one row per public incident and kind: its summary figure (the total, else the broadest category
    known) when it has a value."""
    parents = dict(Incident.objects.values_list("pk", "parent_id"))
    rows = []
    for incident in incidents:
        oblast = incident.place.oblast if incident.place is not None else None
        for figure in headline(figures.get(incident.pk, [])):
            if figure.value is None:
                continue
            rows.append(StatRow(incident.pk, ancestors(incident.pk, parents), figure.kind, figure.value,
                                oblast.iso_code if oblast else "", month_key(incident)))
    return rows



@dataclass
class Bar:
    key: str
    label: str
    incidents: int
    total: int
    geometry: dict = field(default_factory=dict)


@dataclass
class Chart:
    """A bar chart drawn on the server as SVG, with its numbers repeated in a table."""

    slug: str
    title: str
    bars: list[Bar]

    def __post_init__(self):
        top = max((bar.total for bar in self.bars), default=0) or 1
        for row, bar in enumerate(self.bars):
            width = CHART_BAR_WIDTH * bar.total / top
            y = row * CHART_ROW_HEIGHT + 4
            # Strings, not floats: a template would localise "12.5" to "12,5" in Ukrainian and break the SVG.
            bar.geometry = {"y": f"{y}", "text_y": f"{y + 15}", "width": f"{max(width, 1):.1f}",
                            "value_x": f"{CHART_LABEL_WIDTH + 10 + width + 6:.1f}"}

    @property
    def height(self) -> int:
        return len(self.bars) * CHART_ROW_HEIGHT + 8

    @property
    def label_x(self) -> int:
        return CHART_LABEL_WIDTH

    @property
    def bar_x(self) -> int:
        return CHART_LABEL_WIDTH + 10


def statistics_charts() -> dict:
    """Return the statistics of verified figures as charts: by kind, by oblast per kind, by month per kind."""
    incidents = list(public_incidents())
    result = tally(stat_rows(incidents, verified_figures([i.pk for i in incidents])))
    order = vocab.codes("claim_kinds")
    kinds = sorted(result.by_kind, key=lambda kind: (order.index(kind) if kind in order else len(order), kind))
    oblasts = {place.iso_code: place.display_name() for place in Place.objects.oblasts()}
    by_kind = Chart("kinds", _("Verified figures by kind"), [
        Bar(kind, label("claim_kinds", kind), *result.by_kind[kind]) for kind in kinds])
    by_oblast, by_month = [], []
    for kind in kinds:
        kind_label = label("claim_kinds", kind)
        rows = result.by_oblast[kind]
        bars = [Bar(key, oblasts.get(key) or _("Oblast not known"), *rows[key]) for key in rows]
        bars.sort(key=lambda bar: (not bar.key, -bar.total, bar.label))
        by_oblast.append(Chart(f"oblast-{kind}", _("%(kind)s by oblast") % {"kind": kind_label}, bars))
        rows = result.by_month[kind]
        bars = [Bar(key, month_label(key), *rows[key]) for key in sorted(rows, key=lambda k: (not k, k))]
        by_month.append(Chart(f"month-{kind}", _("%(kind)s by month") % {"kind": kind_label}, bars))
    return {"by_kind": by_kind, "by_oblast": by_oblast, "by_month": by_month, "left_out": result.left_out}
