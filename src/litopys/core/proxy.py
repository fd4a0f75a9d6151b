"""Behind a reverse proxy, take the reader's address from X-Forwarded-For, trusting only our own proxies.

With LITOPYS_TRUSTED_PROXIES = N (the proxies in front of Litopys: nginx alone is 1, a CDN then nginx
is 2), the reader is the Nth address from the right of X-Forwarded-For: each trusted proxy appends the
address it received the request from, and whatever stands further left could have been sent by the
reader. The header is read only when the connection itself comes from a proxy's network
(LITOPYS_PROXY_NETWORKS: loopback and private networks by default), so a reader who reaches the server
directly cannot name another address. Rate limits, the lockout and the reader hashes of ratings and
comments then tell readers apart instead of counting every reader as the proxy. With 0 (the default)
the header is ignored.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


def forwarded_client(header: str, proxies: int) -> str | None:
    """Return the client address that `proxies` trusted proxies saw, or None if the header cannot say."""
    if proxies <= 0 or not header:
        return None
    hops = [hop.strip() for hop in header.split(",")]
    if len(hops) < proxies:
        return None
    candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


@lru_cache(maxsize=8)
def _networks(spelled: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(network, strict=False) for network in spelled)


def from_proxy(peer: str, networks=None) -> bool:
    """Tell whether a connection from ``peer`` comes from where our proxies stand (LITOPYS_PROXY_NETWORKS)."""
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    spelled = tuple(settings.LITOPYS_PROXY_NETWORKS if networks is None else networks)
    return any(address in network for network in _networks(spelled))


def client_address(meta: dict) -> str:
    """Return the reader's address: the forwarded one from a trusted proxy, the connection's otherwise."""
    peer = meta.get("REMOTE_ADDR", "")
    if settings.LITOPYS_TRUSTED_PROXIES and from_proxy(peer):
        return forwarded_client(meta.get("HTTP_X_FORWARDED_FOR", ""), settings.LITOPYS_TRUSTED_PROXIES) or peer
    return peer


class ForwardedForMiddleware:
    """Set REMOTE_ADDR to the reader's address as the trusted proxies report it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        apply(request.META)
        return self.get_response(request)


def apply(meta: dict) -> None:
    client = client_address(meta)
    if client:
        meta["REMOTE_ADDR"] = client
