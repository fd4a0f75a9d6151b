"""The public record as rows: published incidents, their sites, verified figures, the public quotes behind them
and the public sources that give them — read through the record's selectors and the one public projection of a
figure (`litopys.figures.public`), so a dataset shows exactly what the public pages show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from litopys.exchange.datasets.columns import TABLES
from litopys.figures.public import PublicFigure
from litopys.incidents.models import RecordStatus
from litopys.places.models import Place
from litopys.record.selectors import public_incidents, verified_figures
from litopys.vocab.choices import label


class DatasetError(Exception):
    """A filter names nothing; the message says what and how to fix it."""


@dataclass
class Dataset:
    """Rows per table, in the column order of `columns.TABLES`; the incidents' figures kept for the map."""

    tables: dict[str, list[dict]] = field(default_factory=dict)
    incidents: list = field(default_factory=list)
    figures: dict[int, list[PublicFigure]] = field(default_factory=dict)


def url(path: str) -> str:
    return settings.LITOPYS_SITE_URL + path


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def find_place(name: str) -> Place:
    """Return the stored place a --place filter names, in any of its languages."""
    name = name.strip()
    found = (Place.objects.filter(Q(name__iexact=name) | Q(name_uk__iexact=name) | Q(name_ru__iexact=name))
             .order_by("kind", "-population"))
    if not found:
        raise DatasetError(f"--place {name!r}: no place of the record has this name; give a settlement or an oblast "
                           "as the gazetteer names it, e.g. Izium or Kharkiv Oblast")
    return found[0]


def incidents_query(place: str = "", since: date | None = None):
    """Return the published incidents a dataset holds: in a place (or an oblast), starting or ending on or after
    a date."""
    incidents = public_incidents().select_related("place__admin1", "parent").order_by("start_date", "slug")
    if place:
        found = find_place(place)
        incidents = incidents.filter(Q(place=found) | Q(place__admin1=found))
    if since:
        incidents = incidents.filter(Q(start_date__gte=since) | Q(end_date__gte=since))
    return incidents


def build_dataset(place: str = "", since: date | None = None) -> Dataset:
    """Return the public record's tables, filtered by place and date."""
    incidents = list(incidents_query(place, since))
    figures = verified_figures([incident.pk for incident in incidents]) if incidents else {}
    dataset = Dataset(incidents=incidents, figures=figures)
    dataset.tables["incidents"] = [incident_row(incident) for incident in incidents]
    dataset.tables["sites"] = [site_row(site, incident) for incident in incidents
                               for site in sorted(incident.sites.all(), key=lambda site: site.pk)]
    figure_rows, claim_rows, sources = [], [], {}
    for incident in incidents:
        for figure in figures.get(incident.pk, []):
            figure_rows.append(figure_row(figure, incident))
            for source in figure.sources:
                sources.setdefault(source.id, source_row(source))
                claim_rows.extend(claim_row(quote, source, figure, incident) for quote in source.quotes)
    dataset.tables["figures"] = figure_rows
    dataset.tables["claims"] = sorted(claim_rows, key=lambda row: (row["id"] or 0, row["figure"] or 0))
    dataset.tables["sources"] = sorted(sources.values(), key=lambda row: row["id"] or 0)
    for name, rows in dataset.tables.items():
        order = [column.name for column in TABLES[name]]
        dataset.tables[name] = [{key: row[key] for key in order} for row in rows]
    return dataset


def incident_row(incident) -> dict:
    place = incident.place
    oblast = place.admin1 if place is not None and place.admin1_id else None
    parent = incident.parent if incident.parent_id and incident.parent.status == RecordStatus.PUBLISHED else None
    return {
        "id": incident.slug, "title": incident.title, "type": incident.type,
        "type_label": label("incident_types", incident.type),
        "start_date": _day(incident.start_date), "start_precision": incident.start_precision,
        "end_date": _day(incident.end_date), "end_precision": incident.end_precision if incident.end_date else "",
        "place_geonames_id": place.geonames_id if place else None, "place": place.name if place else "",
        "place_uk": place.name_uk if place else "", "oblast": oblast.name if oblast else "",
        "oblast_iso": place.iso_code if place else "",
        "place_latitude": place.latitude if place else None, "place_longitude": place.longitude if place else None,
        "geo_precision": incident.geo_precision, "legal_qualifications": "; ".join(incident.legal_qualifications),
        "parent": parent.slug if parent else "", "status": incident.status, "description": incident.description,
        "url": url(reverse("record:incident", args=[incident.slug])),
    }


def site_row(site, incident) -> dict:
    return {"id": site.pk, "incident": incident.slug, "name": site.name, "kind": site.kind,
            "kind_label": label("site_kinds", site.kind),
            "place_geonames_id": site.place.geonames_id if site.place_id else None,
            "place": site.place.name if site.place_id else "", "discovered_on": _day(site.discovered_on)}


def figure_row(figure: PublicFigure, incident) -> dict:
    return {"id": figure.id, "incident": incident.slug, "kind": figure.kind, "kind_label": figure.label,
            "qualifiers": "; ".join(f"{key}={value}" for key, value in sorted(figure.qualifiers.items())),
            "min": figure.min, "max": figure.max, "best": figure.best, "status": figure.status,
            "independent_origins": figure.origins, "under_review": figure.under_review,
            "withheld_sources": figure.withheld_sources,
            "url": url(reverse("record:figure", args=[figure.id])) if figure.id else ""}


def claim_row(quote, source, figure: PublicFigure, incident) -> dict:
    return {"id": quote.claim, "figure": figure.id, "incident": incident.slug, "source": source.id,
            "value": quote.value, "quote": quote.text, "attributed_to": quote.attributed_to}


def source_row(source) -> dict:
    return {"id": source.id, "kind": source.kind, "title": source.title, "publisher": source.publisher,
            "published": _day(source.published), "url": source.url}
