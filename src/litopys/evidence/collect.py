"""Store bytes fetched from a URL as an item, with a `collected` custody event naming the URL.

Built on the ingest path's parts (vault, item, source, custody, processors, the `source_ingested`
signal) for what a program fetched rather than a person handed in: the URL and the collecting tool are
on the custody event, and a web archive made here is not expanded page by page again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.db import transaction

import litopys
from litopys.evidence import custody
from litopys.evidence.ingest import SourceFacts, guess_kind
from litopys.evidence.media import detect_media_type
from litopys.evidence.models import CustodyAction, Item, Source
from litopys.evidence.processing import process_item
from litopys.evidence.signals import source_ingested
from litopys.evidence.vault import get_vault


@dataclass
class Collected:
    item: Item
    source: Source
    created: bool
    warnings: list[str]


def collect(stream: BinaryIO, name: str, url: str, facts: SourceFacts, *, actor: str,
            derived_from: Item | None = None, derivation: str = "", parent: Source | None = None, owner=None,
            process: bool = True, announce: bool = True, details: dict | None = None) -> Collected:
    """Store a stream, record its source and a `collected` event naming `url`; process new bytes.

    `announce` sends `source_ingested` (claim extraction listens); `process` runs the processors.
    """
    vault = get_vault()
    stored = vault.store(stream, settings.LITOPYS_MAX_ITEM_BYTES, label=name)
    media_type = detect_media_type(stored.head)
    with transaction.atomic():
        item, created = Item.objects.get_or_create(
            sha256=stored.digest,
            defaults={"size": stored.size, "media_type": media_type, "original_name": name[:500],
                      "derived_from": derived_from, "derivation": derivation if derived_from else ""})
        source = Source.objects.create(
            kind=facts.kind or guess_kind(media_type, None), title=(facts.title or name)[:500],
            publisher=facts.publisher, author=facts.author, url=url[:2000], published=facts.published,
            collected_at=facts.collected_at, collected_by=facts.collected_by or actor,
            collection_method=facts.collection_method, tool_version=f"litopys {litopys.__version__}",
            notes=facts.notes, sensitivity=facts.sensitivity, item=item, file_name=name[:1000], parent=parent,
            owner=owner)
        custody.record(CustodyAction.COLLECTED, actor, item.sha256, url=url, source=source.pk, file_name=name,
                       size=stored.size, media_type=item.media_type, new_bytes=created,
                       derived_from=derived_from.sha256 if derived_from else None,
                       derivation=derivation or None, method=facts.collection_method, **(details or {}))
    warnings = process_item(item, vault, actor) if created and process else []
    filled = {}
    if not facts.title and item.metadata.get("title"):
        filled["title"] = item.metadata["title"][:500]
    if item.language:
        filled["language"] = item.language
    if filled:
        Source.objects.filter(pk=source.pk).update(**filled)
        for key, value in filled.items():
            setattr(source, key, value)
    if announce:
        for receiver, outcome in source_ingested.send_robust(sender=Source, source=source, item=item,
                                                              created=created):
            if isinstance(outcome, Exception):
                warnings.append(f"{getattr(receiver, '__name__', 'listener')} failed: "
                                f"{type(outcome).__name__}: {outcome}")
    return Collected(item=item, source=source, created=created, warnings=warnings)
