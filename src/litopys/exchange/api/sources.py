"""Sources and their items for staff, under `litopys.evidence.access` exactly as the staff site: collectors read
their own, confidential sources only their collector, their dossier's members and administrators. A download is
an `accessed` custody event."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from litopys.evidence import access, custody
from litopys.evidence.hashing import is_digest
from litopys.evidence.models import CustodyAction, Item, Sensitivity, Source
from litopys.evidence.vault import get_vault
from litopys.exchange.api import auth
from litopys.exchange.api.paging import PageQuery, page_schema, paginate
from litopys.exchange.api.schemas import Input, IsoDate, answers, codes, require

router = Router(tags=["staff: sources and items"], auth=auth.read)


class ItemBrief(Schema):
    sha256: str
    size: int
    media_type: str
    original_name: str


class SourceOut(Schema):
    id: int
    kind: str
    title: str
    publisher: str
    author: str
    url: str
    published: date | None
    language: str
    collected_at: datetime
    collected_by: str
    collection_method: str
    sensitivity: str
    notes: str
    dossier: str | None
    parent: int | None
    item: ItemBrief
    claims: int


class ItemOut(ItemBrief):
    derived_from: str | None
    derivation: str
    language: str
    stored_at: datetime
    metadata: dict[str, Any]
    sensitive_keys: list[str] = Field(description="Metadata that can endanger someone, e.g. a GPS position.")
    processing_errors: list[Any]
    phash: str
    text: str = Field(description="The text read from the item (OCR included).")
    sources: list[int] = Field(description="The sources of this item you may read.")


class EventOut(Schema):
    sequence: int
    occurred_at: datetime
    actor: str
    action: str
    item_hash: str
    details: dict[str, Any]
    entry_hash: str


class SourceFilters(Input):
    sensitivity: Sensitivity = None
    kind: codes("source_kinds") = None  # type: ignore[valid-type]
    collected_since: IsoDate = None


SourcePage = page_schema("SourcePage", SourceOut)


def item_brief(item: Item) -> dict:
    return {"sha256": item.sha256, "size": item.size, "media_type": item.media_type,
            "original_name": item.original_name}


def source_data(source: Source) -> dict:
    return {
        "id": source.pk, "kind": source.kind, "title": source.title, "publisher": source.publisher,
        "author": source.author, "url": source.url, "published": source.published, "language": source.language,
        "collected_at": source.collected_at, "collected_by": source.collected_by,
        "collection_method": source.collection_method, "sensitivity": source.sensitivity, "notes": source.notes,
        "dossier": source.dossier.name if source.dossier_id else None, "parent": source.parent_id,
        "item": item_brief(source.item), "claims": source.claims.count(),
    }


def readable(request):
    return access.readable_sources(request.user, Source.objects.select_related("item", "dossier"))


def readable_item(request, sha256: str) -> Item:
    digest = sha256 if sha256.startswith("sha256:") else f"sha256:{sha256}"
    if not is_digest(digest):
        raise Http404(f"{sha256[:80]!r} is not an item hash; write it as sha256:<64 hex digits>.")
    return get_object_or_404(access.readable_items(request.user), sha256=digest)


@router.get("/sources", response=answers(SourcePage), summary="Sources you may read")
def list_sources(request, filters: Query[SourceFilters], page: Query[PageQuery]):
    require(request, "evidence.view_source")
    sources = readable(request)
    if filters.sensitivity:
        sources = sources.filter(sensitivity=filters.sensitivity)
    if filters.kind:
        sources = sources.filter(kind=filters.kind)
    if filters.collected_since:
        sources = sources.filter(collected_at__date__gte=filters.collected_since)
    return paginate(request, sources, page, source_data)


@router.get("/sources/{source_id}", response=answers(SourceOut), summary="One source")
def get_source(request, source_id: int):
    require(request, "evidence.view_source")
    return source_data(get_object_or_404(readable(request), pk=source_id))


@router.get("/items/{sha256}", response=answers(ItemOut), summary="One item's metadata and text")
def get_item(request, sha256: str):
    require(request, "evidence.view_item")
    item = readable_item(request, sha256)
    return {**item_brief(item), "derived_from": item.derived_from.sha256 if item.derived_from_id else None,
            "derivation": item.derivation, "language": item.language, "stored_at": item.stored_at,
            "metadata": item.metadata, "sensitive_keys": item.sensitive_keys,
            "processing_errors": item.processing_errors, "phash": item.phash, "text": item.text,
            "sources": list(access.readable_sources(request.user, item.sources.all()).values_list("pk", flat=True))}


@router.get("/items/{sha256}/download", response=answers(None),
            summary="Download an item's bytes (recorded in the custody ledger)", openapi_extra={"responses": {
                200: {"description": "The item's bytes, as they were stored, with their detected media type.",
                      "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}}}}})
def download_item(request, sha256: str):
    """Return the bytes; every download is an `accessed` custody event naming who and from where."""
    require(request, "evidence.view_item")
    item = readable_item(request, sha256)
    custody.record(CustodyAction.ACCESSED, request.user.get_username(), item.sha256, via="API download",
                   token=request.auth.prefix, remote=request.META.get("REMOTE_ADDR", ""))
    name = item.original_name or item.sha256.replace(":", "-")
    return FileResponse(get_vault().open(item.sha256), as_attachment=True, filename=name,
                        content_type=item.media_type)


@router.get("/items/{sha256}/custody", response=answers(list[EventOut]), summary="An item's chain of custody")
def item_custody(request, sha256: str):
    require(request, "evidence.view_custodyevent")
    item = readable_item(request, sha256)
    events = access.readable_events(request.user, custody.history(item.sha256))
    return [{"sequence": e.sequence, "occurred_at": e.occurred_at, "actor": e.actor, "action": e.action,
             "item_hash": e.item_hash, "details": e.details, "entry_hash": e.entry_hash} for e in events]
