"""Places of the gazetteer (GeoNames data, public): settlements, oblasts and the country, for filtering."""

from __future__ import annotations

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from litopys.exchange.api.paging import PageQuery, page_schema, paginate
from litopys.exchange.api.schemas import MAX_ID, Input, PlaceRef, answers, oblast_filter, place_ref
from litopys.places.models import Place, PlaceKind

router = Router(tags=["public: places"])


class PlaceOut(Schema):
    id: int
    geonames_id: int | None
    kind: str
    name: str = Field(description="In the reader's language (Accept-Language).")
    name_en: str
    name_uk: str
    iso_code: str
    oblast: PlaceRef | None
    latitude: float | None
    longitude: float | None


class PlaceFilters(Input):
    kind: PlaceKind = None
    oblast: str = oblast_filter()
    q: str = Field(None, min_length=2, max_length=100, description="Part of the name, in English or Ukrainian.")
    geonames_id: int = Field(None, ge=1, le=MAX_ID)


PlacePage = page_schema("PlacePage", PlaceOut)


def place_data(place: Place) -> dict:
    oblast = place.oblast
    return {"id": place.pk, "geonames_id": place.geonames_id, "kind": place.kind, "name": place.display_name(),
            "name_en": place.name, "name_uk": place.name_uk, "iso_code": place.iso_code,
            "oblast": place_ref(oblast) if oblast is not None and oblast != place else None,
            "latitude": place.latitude, "longitude": place.longitude}


@router.get("/places", response=answers(PlacePage, public=True), summary="Places")
def list_places(request, filters: Query[PlaceFilters], page: Query[PageQuery]):
    """List places of the gazetteer; their ids filter incidents, sites and figures."""
    places = Place.objects.select_related("admin1")
    if filters.kind:
        places = places.filter(kind=filters.kind)
    if filters.oblast:
        places = places.filter(iso_code=filters.oblast)
    if filters.q:
        places = places.filter(Q(name__icontains=filters.q) | Q(name_uk__icontains=filters.q))
    if filters.geonames_id:
        places = places.filter(geonames_id=filters.geonames_id)
    return paginate(request, places, page, place_data)


@router.get("/places/{place_id}", response=answers(PlaceOut, public=True), summary="One place")
def get_place(request, place_id: int):
    return place_data(get_object_or_404(Place.objects.select_related("admin1"), pk=place_id))
