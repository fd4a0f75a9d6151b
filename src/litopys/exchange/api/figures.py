"""Verified figures through the one public projection (`litopys.figures.public`): numbers, ranges, public sources
named with their quotes, the others only counted; never an unverified figure or one about a draft."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from litopys.chronicle.models import Post
from litopys.chronicle.syndication import site_url
from litopys.exchange.api.paging import PageQuery, page_schema, paginate_shown
from litopys.exchange.api.schemas import Input, answers, codes, oblast_filter
from litopys.figures.models import Figure
from litopys.figures.naming import about_text
from litopys.figures.public import PublicFigure, project
from litopys.incidents.models import RecordStatus
from litopys.record.selectors import public_figure_view

router = Router(tags=["public: figures"])


class Quote(Schema):
    text: str
    attributed_to: str
    value: str


class PublicSource(Schema):
    """A public source behind a figure; sources that are not public are never named, only counted."""

    title: str
    url: str
    publisher: str
    published: date | None
    kind: str
    quotes: list[Quote]


class CorrectionOut(Schema):
    date: date
    was: str
    now: str
    reason: str


class FigureOut(Schema):
    id: int | None
    url: str | None
    kind: str
    label: str
    qualifiers: dict[str, str]
    qualifier_text: str
    min: int | None
    max: int | None
    best: int | None
    text: str = Field(description="The number as a sentence shows it: the best value, else the range.")
    status: str
    under_review: bool = Field(description="A change waits for a second reviewer; the numbers are the last "
                                           "verified ones.")
    independent_origins: int
    remarks: list[str]
    withheld_remarks: int
    best_reason: str
    sources: list[PublicSource]
    withheld_sources: int = Field(description="Sources behind the figure that are not public: counted, never named.")
    corrections: list[CorrectionOut]


class FigureDetail(FigureOut):
    about: str
    incident: str | None = Field(description="Slug of the published incident the figure is about.")


class FigureFilters(Input):
    kind: codes("claim_kinds") = None  # type: ignore[valid-type]
    incident: str = Field(None, max_length=120, description="An incident's slug.")
    place: int = Field(None, ge=1, description="A place's id (see /places): figures about incidents there.")
    oblast: str = oblast_filter()


FigurePage = page_schema("FigurePage", FigureDetail)


def figure_data(figure: PublicFigure) -> dict:
    return {
        "id": figure.id, "url": site_url(reverse("record:figure", args=[figure.id])) if figure.id else None,
        "kind": figure.kind, "label": figure.label, "qualifiers": {k: str(v) for k, v in figure.qualifiers.items()},
        "qualifier_text": figure.qualifier_text, "min": figure.min, "max": figure.max, "best": figure.best,
        "text": figure.value_text, "status": figure.status, "under_review": figure.under_review,
        "independent_origins": figure.origins, "remarks": figure.flags, "withheld_remarks": figure.withheld_flags,
        "best_reason": figure.best_reason, "withheld_sources": figure.withheld_sources,
        "sources": [{"title": s.title, "url": s.url, "publisher": s.publisher, "published": s.published,
                     "kind": s.kind, "quotes": [q.__dict__ for q in s.quotes]} for s in figure.sources],
        "corrections": [{"date": c.at, "was": c.was, "now": c.now, "reason": c.reason} for c in figure.corrections],
    }


def shown(row: Figure) -> dict | None:
    """Return a stored figure as the public may see it, or None when it may not."""
    view = public_figure_view(row)
    if view is None:
        return None
    incident = view.incident or (view.site.incident if view.site is not None else None)
    return {**figure_data(project(view)), "about": about_text(view.incident, view.site, view.place, row.place_name),
            "incident": incident.slug if incident is not None else None}


def candidates():
    """Figures that may be public: once verified, about a published incident (or its site) or cited by a
    published post. `shown` decides for each."""
    published = RecordStatus.PUBLISHED
    return (Figure.objects.filter(published_at__isnull=False)
            .filter(Q(incident__status=published) | Q(site__incident__status=published)
                    | Q(posts__in=Post.objects.published()))
            .select_related("incident", "site__incident", "place").distinct())


@router.get("/figures", response=answers(FigurePage, public=True), summary="Verified figures")
def list_figures(request, filters: Query[FigureFilters], page: Query[PageQuery]):
    """List verified figures, each with its range, best value, public sources and corrections."""
    rows = candidates()
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.incident:
        rows = rows.filter(Q(incident__slug=filters.incident) | Q(site__incident__slug=filters.incident))
    if filters.place:
        rows = rows.filter(Q(incident__place_id=filters.place) | Q(place_id=filters.place))
    if filters.oblast:
        rows = rows.filter(Q(incident__place__iso_code=filters.oblast) | Q(place__iso_code=filters.oblast))
    return paginate_shown(request, rows, page, shown)


@router.get("/figures/{figure_id}", response=answers(FigureDetail, public=True), summary="One verified figure")
def get_figure(request, figure_id: int):
    """Return one verified figure; a figure the public may not see is not found."""
    found = shown(get_object_or_404(Figure, pk=figure_id))
    if found is None:
        raise Http404(_("There is no such figure."))
    return found
