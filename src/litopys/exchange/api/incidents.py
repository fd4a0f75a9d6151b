"""Published incidents, as their public pages show them: dates as precisely as known, place, pin, legal
qualifications, sites and verified figures. Drafts, incidents in review and archived ones do not exist here."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from litopys.chronicle.syndication import site_url
from litopys.exchange.api.figures import FigureOut, figure_data
from litopys.exchange.api.paging import PageQuery, page_schema, paginate
from litopys.exchange.api.schemas import Input, IsoDate, PlaceRef, answers, codes, oblast_filter, place_ref
from litopys.incidents.models import RecordStatus
from litopys.record import presentation, selectors
from litopys.vocab.choices import label

router = Router(tags=["public: incidents"])


class Point(Schema):
    latitude: float
    longitude: float
    precision: str = Field(description="What the pin can say, e.g. 'somewhere in Izium (the pin marks its centre)'.")


class Coded(Schema):
    code: str
    label: str


class IncidentRef(Schema):
    slug: str
    title: str


class IncidentOut(Schema):
    id: int
    slug: str
    title: str
    url: str
    type: str
    type_label: str
    description: str
    dates: str = Field(description="The dates as the page writes them, as precisely as they are known.")
    start_date: date | None
    start_precision: str
    end_date: date | None
    end_precision: str
    place: PlaceRef | None
    oblast: PlaceRef | None
    point: Point | None
    legal_qualifications: list[Coded] = Field(description="The documenters' assessment, not a court's finding.")
    part_of: IncidentRef | None
    headline: list[FigureOut] = Field(description="One verified figure per kind: the total, else the broadest.")


class SiteBrief(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    discovered_on: date | None


class IncidentDetail(IncidentOut):
    sites: list[SiteBrief]
    figures: list[FigureOut]
    parts: list[IncidentRef]


class IncidentFilters(Input):
    type: codes("incident_types") = Field(None, description="An incident type.")  # type: ignore[valid-type]
    place: int = Field(None, ge=1, description="A place's id (see /places).")
    oblast: str = oblast_filter()
    since: IsoDate = Field(None, description="Started on or after this day.")
    until: IsoDate = Field(None, description="Started on or before this day.")


IncidentPage = page_schema("IncidentPage", IncidentOut)


def incident_data(incident, figures: dict) -> dict:
    pin = presentation.incident_pin(incident)
    oblast = incident.place.oblast if incident.place is not None else None
    parent = incident.parent if incident.parent and incident.parent.status == RecordStatus.PUBLISHED else None
    found = figures.get(incident.pk, [])
    return {
        "id": incident.pk, "slug": incident.slug, "title": incident.title,
        "url": site_url(reverse("record:incident", args=[incident.slug])), "type": incident.type,
        "type_label": label("incident_types", incident.type), "description": incident.description,
        "dates": presentation.period_text(incident), "start_date": incident.start_date,
        "start_precision": incident.start_precision, "end_date": incident.end_date,
        "end_precision": incident.end_precision, "place": place_ref(incident.place),
        "oblast": place_ref(oblast) if oblast != incident.place else None,
        "point": {"latitude": round(pin[0][0], 5), "longitude": round(pin[0][1], 5), "precision": str(pin[1])}
        if pin else None,
        "legal_qualifications": [{"code": code, "label": label("legal_qualifications", code)}
                                 for code in incident.legal_qualifications or []],
        "part_of": {"slug": parent.slug, "title": parent.title} if parent else None,
        "headline": [figure_data(figure) for figure in selectors.headline(found)],
    }


def filtered(filters: IncidentFilters):
    incidents = selectors.public_incidents()
    if filters.type:
        incidents = incidents.filter(type=filters.type)
    if filters.place:
        incidents = incidents.filter(Q(place_id=filters.place) | Q(sites__place_id=filters.place))
    if filters.oblast:
        incidents = incidents.filter(Q(place__iso_code=filters.oblast) | Q(sites__place__iso_code=filters.oblast))
    if filters.since:
        incidents = incidents.filter(start_date__gte=filters.since)
    if filters.until:
        incidents = incidents.filter(start_date__lte=filters.until)
    return incidents.distinct()


@router.get("/incidents", response=answers(IncidentPage, public=True), summary="Published incidents")
def list_incidents(request, filters: Query[IncidentFilters], page: Query[PageQuery]):
    """List published incidents with their headline figures; follow `next` for more."""
    result = paginate(request, filtered(filters), page, lambda incident: incident)
    figures = selectors.verified_figures([incident.pk for incident in result["items"]])
    result["items"] = [incident_data(incident, figures) for incident in result["items"]]
    return result


@router.get("/incidents/{slug}", response=answers(IncidentDetail, public=True), summary="One published incident")
def get_incident(request, slug: str):
    """Return one published incident with its sites, every verified figure and its parts."""
    incident = get_object_or_404(selectors.public_incidents(), slug=slug)
    figures = selectors.verified_figures([incident.pk])
    parts = selectors.public_incidents().filter(parent=incident).order_by("start_date", "title")
    return {
        **incident_data(incident, figures),
        "sites": [{"id": site.pk, "name": site.name, "kind": site.kind, "kind_label": label("site_kinds", site.kind),
                   "discovered_on": site.discovered_on} for site in incident.sites.all()],
        "figures": [figure_data(figure) for figure in figures.get(incident.pk, [])],
        "parts": [{"slug": part.slug, "title": part.title} for part in parts],
    }
