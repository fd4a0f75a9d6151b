"""HTTP for public pages: validators and cache headers, conditional GET, and the page cache as a decorator."""

import functools
import hashlib

from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

from litopys.sitecache import generations, pagecache

#: Browsers keep a public page this long at most before asking again (a 304 when nothing changed).
BROWSER_MAX_AGE = 60


def public_page(view):
    """Give a view's page an ETag, Last-Modified and Cache-Control, answer conditional GETs, and cache it.

    A view marks what its page depends on besides the site generation in ``response.litopys_deps``
    ({generation key: value}) and a page meant for one reader only with ``response.litopys_private``.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        fallback = not pagecache.middleware_installed() and _cache_allowed(request)
        if fallback:
            entry = pagecache.lookup(request.META, request.COOKIES)
            if entry is not None:
                return pagecache.response_for(request.META, entry)
        site = request.litopys_site_generation = generations.site_generation()
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return response
        finish(request, response, site)
        if fallback:
            pagecache.store(request, response, complete=False)
        if response.has_header("ETag") and response.has_header("Last-Modified"):
            return get_conditional_response(request, etag=response["ETag"],
                                            last_modified=_modified(response), response=response)
        return response

    return wrapper


def _cache_allowed(request) -> bool:
    return pagecache.eligible(request.META, request.COOKIES) and not request.user.is_authenticated


def _modified(response) -> int:
    return getattr(response, "litopys_modified", 0)


def finish(request, response, site: int) -> None:
    """Set validators and cache headers on a rendered public page, and mark it for the page cache."""
    deps = getattr(response, "litopys_deps", {})
    modified = int(max([site, *deps.values()]) // 1_000_000_000)
    response.litopys_modified = modified
    response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    response["Last-Modified"] = http_date(modified)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    if getattr(response, "litopys_private", False) or request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True, no_store=True)
        return
    max_age = min(BROWSER_MAX_AGE, pagecache.seconds())
    patch_cache_control(response, public=True, max_age=max_age)
    response.litopys_page = {"site": site, "deps": deps, "language": get_language()}
