"""Readers' replies: sanitising, moderation, threads, and the note a reader sees about their own comment.

Every comment waits for a moderator. One from an address that already has an approved comment, holding no
link, may instead be published by its author through a link mailed to that address (see confirmation.py):
knowing the address is not enough. A reader sees their own waiting comments (listed in a signed cookie),
nobody else does. The e-mail address is kept for moderators only and never rendered, fed or exported.
"""

import re

import nh3
from django.core.cache import cache

from litopys.chronicle.apps import PENDING_COOKIE
from litopys.chronicle.models import Comment, CommentStatus
from litopys.sitecache import generations

TAGS = {"a", "b", "strong", "i", "em", "code", "q", "br", "p"}
ATTRIBUTES = {"a": {"href"}}
LINK_REL = "nofollow ugc noopener"
PENDING_SALT = "litopys.chronicle.pending"
PENDING_AGE = 30 * 24 * 3600
#: Replies deeper than this are shown at this depth.
MAX_DEPTH = 5
_LINK = re.compile(r"<a\s|https?://", re.IGNORECASE)


def clean_html(html: str) -> str:
    """Keep a few inline tags and paragraphs; links get rel="nofollow ugc noopener"."""
    return nh3.clean(html or "", tags=TAGS, attributes=ATTRIBUTES, link_rel=LINK_REL,
                     url_schemes={"http", "https"}, strip_comments=True)


def sanitise(text: str) -> str:
    """Turn what a reader typed into safe HTML: blank lines part paragraphs, line breaks stay."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return clean_html("".join(f"<p>{part}</p>".replace("\n", "<br>") for part in paragraphs))


def trusted(email: str) -> bool:
    """An address with an approved comment before is trusted not to be a spammer, once its owner confirms it."""
    return Comment.objects.filter(email__iexact=email.strip(), status=CommentStatus.APPROVED).exists()


def has_link(body_html: str) -> bool:
    return bool(_LINK.search(body_html or ""))


def take(post, data: dict, reader: str) -> Comment:
    """Keep a reader's comment, sanitised, waiting for a moderator (or for its author's confirmation)."""
    return Comment.objects.create(
        post=post, parent=data.get("parent"), name=data["name"].strip(), email=data["email"].strip(),
        website=data.get("website", ""), body=sanitise(data["body"]), status=CommentStatus.PENDING,
        voter_hash=reader)


def moderate(queryset, status: str) -> int:
    """Set the status of many comments at once (the admin's bulk actions)."""
    changed = queryset.exclude(status=status).update(status=status)
    if changed:
        generations.bump_site()
    return changed


# The reader's own comments awaiting moderation, kept in a signed cookie.

def pending_ids(request) -> list[int]:
    raw = request.get_signed_cookie(PENDING_COOKIE, default="", salt=PENDING_SALT, max_age=PENDING_AGE)
    return [int(part) for part in raw.split(".") if part.isdigit()][:50]


def remember_pending(response, ids: list[int], secure: bool = False) -> None:
    if ids:
        response.set_signed_cookie(PENDING_COOKIE, ".".join(str(i) for i in ids[-50:]), salt=PENDING_SALT,
                                   max_age=PENDING_AGE, httponly=True, samesite="Lax", secure=secure)
    else:
        response.delete_cookie(PENDING_COOKIE, samesite="Lax")


def approved_comments(post) -> list[Comment]:
    """Return a post's approved comments, cached until the site changes."""
    key = f"chronicle:comments:{generations.site_generation()}:{post.pk}"
    found = cache.get(key)
    if found is None:
        found = list(Comment.objects.filter(post=post, status=CommentStatus.APPROVED)
                     .only("pk", "parent_id", "name", "website", "body", "created_at", "status"))
        cache.set(key, found, 3600)
    return found


def thread(comments: list[Comment]) -> list[Comment]:
    """Nest comments under their parents (``comment.children``); return the top level.

    A reply whose parent is not shown (still waiting, or removed) goes to the top level; replies deeper
    than MAX_DEPTH are shown under the deepest ancestor that fits.
    """
    from litopys.figures.public import web_address

    by_id = {comment.pk: comment for comment in comments}
    for comment in comments:
        comment.children = []
        comment.link = web_address(comment.website)
    top = []
    for comment in comments:
        parent = by_id.get(comment.parent_id)
        for _ in range(MAX_DEPTH + 1):
            if parent is None or _depth(parent, by_id) < MAX_DEPTH - 1:
                break
            parent = by_id.get(parent.parent_id)
        if parent is None or parent is comment:
            top.append(comment)
        else:
            parent.children.append(comment)
    return top


def _depth(comment: Comment, by_id: dict) -> int:
    depth, parent = 0, by_id.get(comment.parent_id)
    while parent is not None and depth < MAX_DEPTH:
        depth, parent = depth + 1, by_id.get(parent.parent_id)
    return depth
