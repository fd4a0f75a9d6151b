"""A WordPress post's or page's own fields in Litopys terms: kind, title, status, date, author, lead."""

import datetime
import json

from litopys.chronicle.models import Post, PostStatus
from litopys.exchange.wordpress.markup import plain_text
from litopys.exchange.wordpress.wxr import Export, Item

STATUSES = {
    "publish": PostStatus.PUBLISHED, "future": PostStatus.SCHEDULED, "private": PostStatus.PRIVATE,
    "draft": PostStatus.DRAFT, "pending": PostStatus.DRAFT, "auto-draft": PostStatus.DRAFT, "trash": PostStatus.TRASH,
}
DATED = (PostStatus.PUBLISHED, PostStatus.SCHEDULED, PostStatus.PRIVATE)


def post_fields(item: Item, export: Export, language: str) -> tuple[dict, list[str]]:
    """Return the Post fields an item gives (besides slug, body, category, tags, images) and notes about it."""
    notes = []
    status = STATUSES.get(item.status)
    if status is None:
        notes.append(f"unknown status “{item.status}”; imported as a draft")
        status = PostStatus.DRAFT
    if item.password and status in (PostStatus.PUBLISHED, PostStatus.SCHEDULED):
        # Litopys has no passwords: publishing it would show what WordPress hid.
        notes.append("password-protected in WordPress; imported as private so that it stays hidden")
        status = PostStatus.PRIVATE
    published_at = item.date_gmt
    if published_at is None and status in DATED:
        published_at = item.pub_date
        if published_at is None and item.date:
            published_at = item.date.replace(tzinfo=datetime.UTC)
            notes.append("has only a local date; it was read as UTC")
        if published_at is None:
            notes.append("has no date; imported as a draft")
            status = PostStatus.DRAFT
    return {
        "kind": Post.Kind.PAGE if item.type == "page" else Post.Kind.POST,
        "title": (item.title or "Untitled")[:300],
        "author_name": export.author_name(item.creator)[:200],
        "language": language,
        "lead": plain_text(item.excerpt),
        "status": status,
        "published_at": published_at,
        "comments_open": item.comment_status == "open",
    }, notes


def footnotes_of(item: Item) -> list[dict] | None:
    """Return WordPress 6.3+'s footnotes (postmeta `footnotes`, JSON), or None."""
    try:
        notes = json.loads(item.meta.get("footnotes") or "null")
    except ValueError:
        return None
    return notes if isinstance(notes, list) else None
