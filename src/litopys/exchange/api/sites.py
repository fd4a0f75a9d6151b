"""Sites of published incidents: name, kind, place and when they were found — what incident pages show (a
site's own coordinates appear only as its incident's pin)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from litopys.exchange.api.paging import PageQuery, page_schema, paginate
from litopys.exchange.api.schemas import Input, PlaceRef, answers, codes, oblast_filter, place_ref
from litopys.incidents.models import RecordStatus, Site
from litopys.vocab.choices import label

router = Router(tags=["public: sites"])


class SiteOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    place: PlaceRef | None
    discovered_on: date | None
    incident: str = Field(description="Slug of the published incident the site belongs to.")


class SiteFilters(Input):
    kind: codes("site_kinds") = None  # type: ignore[valid-type]
    incident: str = Field(None, max_length=120, description="An incident's slug.")
    place: int = Field(None, ge=1, description="A place's id (see /places).")
    oblast: str = oblast_filter()


SitePage = page_schema("SitePage", SiteOut)


def public_sites():
    return Site.objects.filter(incident__status=RecordStatus.PUBLISHED).select_related("place", "incident")


def site_data(site: Site) -> dict:
    return {"id": site.pk, "name": site.name, "kind": site.kind, "kind_label": label("site_kinds", site.kind),
            "place": place_ref(site.place), "discovered_on": site.discovered_on, "incident": site.incident.slug}


@router.get("/sites", response=answers(SitePage, public=True), summary="Sites of published incidents")
def list_sites(request, filters: Query[SiteFilters], page: Query[PageQuery]):
    """List the sites of published incidents: mass graves, detention and torture sites, camps."""
    sites = public_sites()
    if filters.kind:
        sites = sites.filter(kind=filters.kind)
    if filters.incident:
        sites = sites.filter(incident__slug=filters.incident)
    if filters.place:
        sites = sites.filter(Q(place_id=filters.place) | Q(incident__place_id=filters.place))
    if filters.oblast:
        sites = sites.filter(Q(place__iso_code=filters.oblast) | Q(incident__place__iso_code=filters.oblast))
    return paginate(request, sites, page, site_data)


@router.get("/sites/{site_id}", response=answers(SiteOut, public=True), summary="One site")
def get_site(request, site_id: int):
    return site_data(get_object_or_404(public_sites(), pk=site_id))
