"""HURIDOCS- and ACLED-style event files: one row per published incident, in the columns those standards name,
mapped through the incident-type vocabulary (`vocab/incident_types.yaml`). What is approximated is said in
docs/exports.md; the mappings themselves are data, checked against `vocab/mappings.yaml` at start."""

from __future__ import annotations

from litopys.exchange.datasets.columns import Column, _columns
from litopys.exchange.datasets.tables import Dataset
from litopys.figures.public import PublicFigure
from litopys.places.models import PlaceKind
from litopys.record.presentation import incident_pin
from litopys.record.selectors import headline
from litopys.vocab.checks import acled, huridocs
from litopys.vocab.choices import label

HURIDOCS = _columns(
    ("event_record_number", "string", "The incident's slug."),
    ("event_title", "string", "Title."),
    ("geographical_term", "string", "Country and first-level division: 'Ukraine > Kharkiv Oblast'."),
    ("local_geographical_area", "string", "The settlement or area."),
    ("initial_date", "date", "Start date."),
    ("initial_date_precision", "string", "day, week, month or year."),
    ("final_date", "date", "End date, if any."),
    ("final_date_precision", "string", "day, week, month or year."),
    ("event_description", "string", "Description."),
    ("type_of_act", "string", "HURIDOCS type of act the incident type maps to."),
    ("impact_of_event", "string", "Verified headline figures: 'bodies: 447; killed: 1000–1200'."),
    ("violated_rights", "string", "Legal qualifications in words (the documenters' assessment)."),
    ("sources", "string", "Public sources: publisher and title, separated by ' | '."),
    ("url", "string", "The incident's public page."),
)

ACLED = _columns(
    ("event_id_cnty", "string", "The incident's slug (ACLED's own ids are not assigned)."),
    ("event_date", "date", "Start date."),
    ("year", "integer", "Year of the start date."),
    ("time_precision", "integer", "1 day, 2 week, 3 month or year."),
    ("disorder_type", "string", "Political violence or Strategic developments, from the event type."),
    ("event_type", "string", "ACLED event type the incident type maps to."),
    ("sub_event_type", "string", "ACLED sub-event type the incident type maps to."),
    ("actor1", "string", "Empty: Litopys does not attribute perpetrators to incidents."),
    ("actor2", "string", "'Civilians (Ukraine)' for violence against civilians, else empty."),
    ("civilian_targeting", "string", "'Civilian targeting' where the incident type is about civilians."),
    ("iso", "integer", "804 (Ukraine)."),
    ("region", "string", "Europe."),
    ("country", "string", "Ukraine."),
    ("admin1", "string", "First-level division."),
    ("location", "string", "The settlement or area."),
    ("latitude", "number", "Where the public map pins the incident."),
    ("longitude", "number", "Where the public map pins the incident."),
    ("geo_precision", "integer", "1 exact, 2 near the place, 3 somewhere in the region."),
    ("source", "string", "Publishers of the public sources, separated by '; '."),
    ("notes", "string", "Title and description."),
    ("fatalities", "integer", "Verified killed (best value, else the lower bound), else bodies found, else 0."),
    ("tags", "string", "Legal qualification codes, separated by '; '."),
    ("timestamp", "integer", "When the incident was last changed (Unix time)."),
)

STYLES: dict[str, list[Column]] = {"huridocs": HURIDOCS, "acled": ACLED}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"exact": 1, "near": 2, "region": 3}
#: ACLED event types that are political violence; the others are strategic developments.
VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
#: Claim kinds ACLED counts as fatalities, the first one found in an incident's verified figures winning.
FATALITY_KINDS = ("killed", "bodies")


def _figures_text(figures: list[PublicFigure]) -> str:
    return "; ".join(f"{figure.kind}: {_range(figure)}" for figure in figures)


def _range(figure: PublicFigure) -> str:
    if figure.best is not None:
        return str(figure.best)
    if figure.min is not None and figure.min == figure.max:
        return str(figure.min)
    return f"{figure.min if figure.min is not None else ''}–{figure.max if figure.max is not None else ''}"


def _sources(figures: list[PublicFigure]) -> list:
    seen = {}
    for figure in figures:
        for source in figure.sources:
            seen.setdefault(source.id, source)
    return list(seen.values())


def huridocs_rows(dataset: Dataset) -> list[dict]:
    rows = []
    for incident in dataset.incidents:
        figures = dataset.figures.get(incident.pk, [])
        place = incident.place
        oblast = place.admin1 if place is not None and place.admin1_id else None
        rows.append({
            "event_record_number": incident.slug, "event_title": incident.title,
            "geographical_term": " > ".join(["Ukraine", *([oblast.name] if oblast else [])]),
            "local_geographical_area": place.name if place else "",
            "initial_date": incident.start_date.isoformat() if incident.start_date else None,
            "initial_date_precision": incident.start_precision if incident.start_date else "",
            "final_date": incident.end_date.isoformat() if incident.end_date else None,
            "final_date_precision": incident.end_precision if incident.end_date else "",
            "event_description": incident.description, "type_of_act": huridocs(incident.type),
            "impact_of_event": _figures_text(headline(figures)),
            "violated_rights": "; ".join(label("legal_qualifications", code)
                                         for code in incident.legal_qualifications),
            "sources": " | ".join(f"{source.publisher}: {source.title}" if source.publisher else source.title
                                  for source in _sources(figures)),
            "url": next(row["url"] for row in dataset.tables["incidents"] if row["id"] == incident.slug),
        })
    return rows


def acled_rows(dataset: Dataset) -> list[dict]:
    rows = []
    for incident in dataset.incidents:
        figures = dataset.figures.get(incident.pk, [])
        event_type, sub_event_type = acled(incident.type)
        against_civilians = event_type in ("Violence against civilians", "Explosions/Remote violence")
        place = incident.place
        oblast = place.admin1 if place is not None and place.admin1_id else None
        pin = incident_pin(incident)
        precision = GEO_PRECISION.get(incident.geo_precision, 2)
        if place is not None and place.kind != PlaceKind.SETTLEMENT:
            precision = 3
        rows.append({
            "event_id_cnty": incident.slug,
            "event_date": incident.start_date.isoformat() if incident.start_date else None,
            "year": incident.start_date.year if incident.start_date else None,
            "time_precision": TIME_PRECISION.get(incident.start_precision, 3),
            "disorder_type": "Political violence" if event_type in VIOLENCE else "Strategic developments",
            "event_type": event_type, "sub_event_type": sub_event_type, "actor1": "",
            "actor2": "Civilians (Ukraine)" if event_type == "Violence against civilians" else "",
            "civilian_targeting": "Civilian targeting" if against_civilians else "",
            "iso": 804, "region": "Europe", "country": "Ukraine", "admin1": oblast.name if oblast else "",
            "location": place.name if place else "",
            "latitude": round(pin[0][0], 5) if pin else None, "longitude": round(pin[0][1], 5) if pin else None,
            "geo_precision": precision,
            "source": "; ".join(dict.fromkeys(s.publisher for s in _sources(figures) if s.publisher)),
            "notes": f"{incident.title}. {incident.description}".strip(),
            "fatalities": _fatalities(headline(figures)),
            "tags": "; ".join(incident.legal_qualifications),
            "timestamp": int(incident.updated_at.timestamp()),
        })
    return rows


def _fatalities(figures: list[PublicFigure]) -> int:
    for kind in FATALITY_KINDS:
        for figure in figures:
            if figure.kind == kind and figure.value is not None:
                return figure.value
    return 0


ROWS = {"huridocs": huridocs_rows, "acled": acled_rows}
