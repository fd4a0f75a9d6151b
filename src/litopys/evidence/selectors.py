"""Reads of the vault that other apps need: the copy of an item the public may see, and quotes as redacted."""

from __future__ import annotations

from litopys.evidence import redaction
from litopys.evidence.models import Item

REDACTED = "redacted"


def redacted_copy(item: Item, kind: str = "") -> Item | None:
    """Return the latest redacted copy of an item ("spans" of its text or "boxes" of its picture), or None."""
    for copy in item.derivatives.filter(derivation=REDACTED).order_by("-pk"):
        if not kind or kind in copy.metadata.get("redaction", {}):
            return copy
    return None


def redacted_item_ids(item_ids) -> set[int]:
    """Return which of these items have a redacted copy (one query for a whole page of quotes)."""
    return set(Item.objects.filter(derivation=REDACTED, derived_from_id__in=set(item_ids))
               .values_list("derived_from_id", flat=True))


def public_copy(item: Item) -> Item:
    """Return what a public page or export may show of an item: its latest redacted copy, else the item."""
    return redacted_copy(item) or item


def public_quote(source, quote: str, start: int, end: int) -> str:
    """Return a quote from a source's text with what its latest text redaction blacks out blacked out."""
    item = getattr(source, "item", None)
    copy = redacted_copy(item, "spans") if item is not None else None
    if copy is None:
        return quote
    return redaction.redact_quote(quote, start, end, item.text, copy.metadata["redaction"]["spans"])


def changes_public_quotes(item: Item, created: bool = False) -> bool:
    """Tell whether a saved item can change a public page: a new redacted copy of a text can."""
    return created and item.derivation == REDACTED and "spans" in item.metadata.get("redaction", {})


def is_picture(item: Item) -> bool:
    return item.media_type.startswith("image/") or item.media_type == "application/pdf"


def picture_of(item: Item, page: int | None = None):
    """Return an item's picture (a PDF's page, from 1, rendered at redaction.PAGE_DPI) as a PIL image."""
    from litopys.evidence.vault import get_vault

    with get_vault().open(item.sha256) as handle:
        data = handle.read()
    name = item.original_name or item.sha256
    if item.media_type == "application/pdf":
        return redaction.render_page(data, page or 1, name)
    if page is not None or not item.media_type.startswith("image/"):
        raise redaction.RedactionError(f"{name} is {item.media_type}: rectangles apply to pictures and to PDF pages "
                                       "(give a page only for a PDF)")
    return redaction.open_picture(data, name)
