"""Behind a reverse proxy, take the reader's address from X-Forwarded-For, trusting only our own proxies.

With LITOPYS_TRUSTED_PROXIES = N (the proxies in front of Litopys: nginx alone is 1, a CDN then nginx
is 2), the reader is the Nth address from the right of X-Forwarded-For: each trusted proxy appends the
address it received the request from, and whatever stands further left could have been sent by the
reader. Rate limits and the reader hashes of ratings and comments then tell readers apart instead of
counting every reader as the proxy. With 0 (the default) the header is ignored.
"""

import ipaddress

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


class ForwardedForMiddleware:
    """Set REMOTE_ADDR to the reader's address as the trusted proxies report it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        apply(request.META)
        return self.get_response(request)


def apply(meta: dict) -> None:
    client = forwarded_client(meta.get("HTTP_X_FORWARDED_FOR", ""), settings.LITOPYS_TRUSTED_PROXIES)
    if client:
        meta["REMOTE_ADDR"] = client
