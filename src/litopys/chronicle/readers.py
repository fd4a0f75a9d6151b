"""Recognise a returning reader without keeping who they are: keyed hashes of address and browser.

A reader is their network address and user agent. Neither is stored, logged or cached: only an HMAC of
the two under a key derived from SECRET_KEY, so the hash cannot be reversed by trying every address
without that key. A vote's hash is keyed per post as well, so votes on two posts cannot be linked.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def _key(purpose: str) -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), f"litopys.chronicle.{purpose}".encode(), hashlib.sha256).digest()


def _reader(request) -> bytes:
    address = request.META.get("REMOTE_ADDR", "")
    agent = request.META.get("HTTP_USER_AGENT", "")
    return f"{address}\n{agent}".encode("utf-8", "replace")


def fingerprint(request) -> str:
    """Return a reader's site-wide fingerprint, for rate limits and for moderators to spot floods."""
    return hmac.new(_key("reader"), _reader(request), hashlib.sha256).hexdigest()


def voter_hash(request, post_id: int) -> str:
    """Return the hash a reader's vote on one post is kept under."""
    return hmac.new(_key(f"rating:{post_id}"), _reader(request), hashlib.sha256).hexdigest()


def within_limit(action: str, reader: str, limit: int) -> bool:
    """Count one more ``action`` by ``reader`` this hour; tell whether it stays within ``limit``."""
    hour = int(time.time() // 3600)
    key = f"chronicle:limit:{action}:{hour}:{reader}"
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, 3600)
        count = 1
    return count <= limit
