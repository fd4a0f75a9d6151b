"""Recognise a returning reader without keeping who they are: keyed hashes of their network address.

A reader is their network address — an IPv4 address, or the /64 network of an IPv6 address, which one
household or one phone gets whole — and never a header the reader chooses: a new User-Agent, language or
cookie makes nobody a new reader. Behind trusted proxies the address is the one they forward
(`litopys.core.proxy`). The address is not stored, logged or cached: only an HMAC of it under a key
derived from SECRET_KEY, so the hash cannot be reversed by trying every address without that key. A
vote's hash is keyed per post as well, so votes on two posts cannot be linked.

Readers behind one address (an office, a carrier's shared address) share one vote and one set of limits.
"""

import hashlib
import hmac
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache

from litopys.core.proxy import client_address

#: IPv6 readers are counted by their network of this size: a host picks its own last 64 bits at will.
IPV6_PREFIX = 64


def reader_key(address: str) -> str:
    """Return what a reader is counted under: the IPv4 address, or the /64 network of an IPv6 one."""
    try:
        ip = ipaddress.ip_address(address.strip().split("%")[0])
    except ValueError:
        return address.strip()
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/{IPV6_PREFIX}", strict=False))
    return str(ip)


def _key(purpose: str) -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), f"litopys.chronicle.{purpose}".encode(), hashlib.sha256).digest()


def _reader(request) -> bytes:
    return reader_key(client_address(request.META)).encode("utf-8", "replace")


def keyed(purpose: str, value: str) -> str:
    """Return an HMAC of ``value`` under the chronicle's key for ``purpose`` (for e-mail addresses too)."""
    return hmac.new(_key(purpose), value.encode("utf-8", "replace"), hashlib.sha256).hexdigest()


def fingerprint(request) -> str:
    """Return a reader's site-wide fingerprint, for rate limits and for moderators to spot floods."""
    return hmac.new(_key("reader"), _reader(request), hashlib.sha256).hexdigest()


def voter_hash(request, post_id: int) -> str:
    """Return the hash a reader's vote on one post is kept under."""
    return hmac.new(_key(f"rating:{post_id}"), _reader(request), hashlib.sha256).hexdigest()


def _hour_key(action: str, hour: int, who: str) -> str:
    return f"chronicle:limit:{action}:{hour}:{who}"


def count(action: str, who: str = "all") -> int:
    """Count one more ``action`` by ``who`` this hour; return how many there were this hour."""
    key = _hour_key(action, int(time.time() // 3600), who)
    cache.add(key, 0, 7200)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, 7200)
        return 1


def counted(action: str, who: str = "all") -> int:
    """Return how many ``action`` by ``who`` this hour or the last, whichever is more, without counting one."""
    hour = int(time.time() // 3600)
    return max(cache.get(_hour_key(action, hour, who), 0), cache.get(_hour_key(action, hour - 1, who), 0))


def within_limit(action: str, reader: str, limit: int) -> bool:
    """Count one more ``action`` by ``reader`` this hour; tell whether it stays within ``limit``."""
    return count(action, reader) <= limit
