"""Rate limits: requests a minute per token, or per address for anonymous readers and failed tokens."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from ninja.throttling import BaseThrottle

WINDOW = 60


def _count(key: str) -> int:
    """Count one more request in this minute's window and return the count so far."""
    window = int(time.time() // WINDOW)
    full = f"litopys:api-rate:{key}:{window}"
    cache.add(full, 0, WINDOW + 5)
    try:
        return cache.incr(full)
    except ValueError:  # expired between add and incr
        cache.set(full, 1, WINDOW + 5)
        return 1


def seconds_left() -> int:
    return max(1, WINDOW - int(time.time()) % WINDOW)


def address(request) -> str:
    """The reader's address (REMOTE_ADDR, which core.proxy sets from X-Forwarded-For behind trusted proxies)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def over_anonymous_limit(request, what: str = "anon") -> bool:
    return _count(f"{what}:{address(request)}") > settings.LITOPYS_API_ANON_RATE


class RateLimit(BaseThrottle):
    """LITOPYS_API_RATE requests a minute per token; LITOPYS_API_ANON_RATE per address without one."""

    def allow_request(self, request) -> bool:
        token = getattr(request, "auth", None)
        if token is not None and hasattr(token, "pk"):
            return _count(f"token:{token.pk}") <= settings.LITOPYS_API_RATE
        return not over_anonymous_limit(request)

    def wait(self) -> float:
        return seconds_left()
