"""Run the processor pipeline on a stored item and keep what it finds."""

import io

from django.conf import settings
from django.db import transaction

from litopys.evidence import custody, limits
from litopys.evidence.media import detect_media_type
from litopys.evidence.models import CustodyAction, Item
from litopys.evidence.processors import load_processors
from litopys.evidence.processors.base import Subject, run_pipeline
from litopys.evidence.vault import Vault

_PIPELINE = None


def pipeline():
    """Return the configured processors, loaded once per process."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = load_processors(getattr(settings, "LITOPYS_PROCESSORS", None))
    return _PIPELINE


def subject_for(item: Item, vault: Vault, payload: tuple[bytes, str] | None) -> Subject:
    if payload is not None:
        data, _declared = payload
        # The HTTP payload inside a web-archive record is what carries the page's text.
        return Subject.from_bytes(data, detect_media_type(data[:65536]), name=item.original_name)
    return Subject(media_type=item.media_type, open=lambda: vault.open(item.sha256), size=item.size,
                   name=item.original_name)


def process_item(item: Item, vault: Vault, actor: str, payload: tuple[bytes, str] | None = None) -> list[str]:
    """Process an item, store its derivatives, and return one warning per failed step.

    The steps share the item's time (LITOPYS_ITEM_SECONDS); an archive's captures are items of their own.
    """
    with limits.item_budget():
        subject = run_pipeline(subject_for(item, vault, payload), pipeline())
    item.metadata = {**item.metadata, **subject.metadata}
    item.sensitive_keys = sorted(set(item.sensitive_keys) | subject.sensitive)
    item.processing_errors = subject.errors
    item.phash = subject.phash or ""
    item.text = subject.text or ""
    item.language = str(subject.metadata.get("language") or "")[:8]
    item.save(update_fields=["metadata", "sensitive_keys", "processing_errors", "phash", "text", "language"])
    for derivative in subject.derivatives:
        store_derivative(item, vault, actor, derivative)
    return [f"{error['step']} step failed: {error['error']}" for error in subject.errors]


def store_derivative(original: Item, vault: Vault, actor: str, derivative) -> Item:
    """Store bytes made from an item as a new item pointing back to it; the original is untouched."""
    stored = vault.store(io.BytesIO(derivative.data), settings.LITOPYS_MAX_ITEM_BYTES, label=derivative.kind)
    with transaction.atomic():
        item, created = Item.objects.get_or_create(
            sha256=stored.digest,
            defaults={"size": stored.size, "media_type": derivative.media_type, "derived_from": original,
                      "derivation": derivative.kind,
                      "original_name": f"{original.original_name or 'item'}.{derivative.kind}"[:500]})
        custody.record(CustodyAction.DERIVED, actor, item.sha256, derived_from=original.sha256,
                       derivation=derivative.kind, media_type=derivative.media_type, size=stored.size,
                       new_bytes=created)
    return item
