"""The server-side page cache: whole anonymous GET responses, keyed by the site generation.

A page is stored only when its view marked it public (`http.public_page`), the reader is anonymous, sent
no session cookie nor any cookie an app declares personal (``personal_cookies`` in its AppConfig: the
chronicle's pending-comment cookie), and the response sets no cookie. The key holds the site generation,
the host, the language and the path, so a bump of the generation retires every page at once, in every
worker. A page that shows a post's rating also remembers that post's generation and is not served once a
vote moved it.

Three places can serve a hit, from fastest to slowest:

- `litopys.sitecache.fastpath.PageCacheApp` wraps the WSGI application and answers before Django runs;
- `PageCacheMiddleware`, first in MIDDLEWARE, answers before sessions, auth and CSRF do any work, and
  stores pages with their final headers;
- without either, `http.public_page` looks pages up and stores them in the view itself.
"""

import hashlib
import re
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags, parse_http_date_safe
from django.utils.translation import get_language_from_request

from litopys.sitecache import generations
from litopys.sitecache.invalidation import personal_cookies

MIDDLEWARE = "litopys.sitecache.pagecache.PageCacheMiddleware"
CACHEABLE_QUERY = re.compile(r"^(?:page=\d{1,6})?$")
NOT_STORED = {"set-cookie", "content-length"}
HEADERS_304 = ("cache-control", "content-location", "date", "etag", "expires", "last-modified", "vary")
#: Pages kept in this process's memory, so a hit reads only the generations from the shared cache.
LOCAL_ENTRIES = 256
#: A page past its time is kept this many times longer, served to other readers while one renews it: under
#: many readers, an expensive page (statistics, the map) is never computed by all of them at once. Nothing
#: that changed is served stale: every change retires pages by their generation, not by their time.
STALE_FACTOR = 10
#: How long one request may take to renew a page before another may try.
RENEW_SECONDS = 60
#: Set in a request's environ when it renews the page it asked for.
RENEWING = "litopys.renewing"
_local: OrderedDict[str, dict] = OrderedDict()


def seconds() -> int:
    return settings.LITOPYS_PAGE_CACHE


def middleware_installed() -> bool:
    return MIDDLEWARE in settings.MIDDLEWARE


def eligible(environ: dict, cookies: dict) -> bool:
    """Tell whether a request may be answered from, or stored into, the page cache."""
    return (environ.get("REQUEST_METHOD") in ("GET", "HEAD") and seconds() > 0
            and CACHEABLE_QUERY.match(environ.get("QUERY_STRING", "")) is not None
            and settings.SESSION_COOKIE_NAME not in cookies and not personal_cookies().intersection(cookies))


class _Probe:
    """What get_language_from_request reads of a request, without building one."""

    __slots__ = ("COOKIES", "META", "path_info")

    def __init__(self, environ: dict, cookies: dict):
        self.COOKIES, self.META, self.path_info = cookies, environ, environ.get("PATH_INFO", "/")


def _language(environ: dict, cookies: dict) -> str:
    return get_language_from_request(_Probe(environ, cookies), check_path=False)


def key(environ: dict, cookies: dict, site_generation: int, language: str | None = None) -> str:
    host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"
    language = language or _language(environ, cookies)
    where = f"{host}\n{environ.get('PATH_INFO', '/')}\n{environ.get('QUERY_STRING', '')}"
    digest = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    return f"sitecache:page:{site_generation}:{language}:{digest}"


def current_site_generation() -> int | None:
    """Return the site generation, or None when it must be renewed first (lost, or a post fell due)."""
    current = cache.get(generations.SITE)
    if current is None or (current[1] is not None and time.time() >= current[1]):
        return None
    return current[0]


def lookup(environ: dict, cookies: dict, complete_only: bool = False) -> dict | None:
    """Return the stored entry for a request, or None."""
    site = current_site_generation()
    if site is None:
        return None
    page_key = key(environ, cookies, site)
    entry = _local.get(page_key)
    if entry is None or entry["expires"] < time.time():  # another worker may have renewed it since
        entry = cache.get(page_key)
        if entry is None:
            return None
        _remember(page_key, entry)
    if complete_only and not entry["complete"]:
        return None
    if entry["expires"] < time.time() and not renewed_elsewhere(environ, page_key):
        return None
    if entry["deps"]:
        now = cache.get_many(list(entry["deps"]))
        if any(now.get(dep) != value for dep, value in entry["deps"].items()):
            return None
    return entry


def renewed_elsewhere(environ: dict, page_key: str) -> bool:
    """Tell whether another request renews this expired page (serve the old one meanwhile); else this request
    takes the renewal on."""
    if environ.get(RENEWING) == page_key:
        return False
    if cache.add(f"{page_key}:renewing", 1, RENEW_SECONDS):
        environ[RENEWING] = page_key
        return False
    return True


def _remember(page_key: str, entry: dict) -> None:
    _local[page_key] = entry
    _local.move_to_end(page_key)
    while len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)


def store(request, response, complete: bool) -> None:
    """Keep a public page for the next anonymous reader."""
    marks = getattr(response, "litopys_page", None)
    if (marks is None or response.status_code != 200 or response.streaming or response.cookies
            or not eligible(request.META, request.COOKIES) or request.method != "GET"):
        return
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return
    entry = {
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED],
        "body": response.content,
        "etag": response.get("ETag", ""),
        "last_modified": response.get("Last-Modified", ""),
        "deps": marks["deps"],
        "expires": time.time() + seconds(),
        "complete": complete,
    }
    page_key = key(request.META, request.COOKIES, marks["site"], marks["language"])
    cache.set(page_key, entry, seconds() * (1 + STALE_FACTOR))
    if request.META.get(RENEWING) == page_key:
        cache.delete(f"{page_key}:renewing")


def not_modified(environ: dict, entry: dict) -> bool:
    """Tell whether the reader's copy, named by If-None-Match or If-Modified-Since, is still current."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        tags = parse_etags(if_none_match)
        return "*" in tags or _weak(entry["etag"]) in {_weak(tag) for tag in tags}
    if not environ.get("HTTP_IF_MODIFIED_SINCE"):
        return False
    since = parse_http_date_safe(environ["HTTP_IF_MODIFIED_SINCE"])
    modified = parse_http_date_safe(entry["last_modified"])
    return since is not None and modified is not None and modified <= since


def _weak(tag: str) -> str:
    return tag[2:] if tag.startswith("W/") else tag


def response_for(environ: dict, entry: dict):
    """Build a Django response from an entry: the page itself, or 304 when the reader has it."""
    if not_modified(environ, entry):
        response = HttpResponseNotModified()
        for name, value in entry["headers"]:
            if name.lower() in HEADERS_304:
                response[name] = value
    else:
        response = HttpResponse(entry["body"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
    response.litopys_hit = True
    return response


class PageCacheMiddleware:
    """Answer anonymous GETs from the page cache before any other middleware; store what views mark public.

    Put it first in MIDDLEWARE, so a hit costs no session, auth or CSRF work and a stored page carries the
    headers every other middleware added.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if eligible(request.META, request.COOKIES):
            # Pages stored by views lack the headers later middleware add: store them again, complete.
            entry = lookup(request.META, request.COOKIES, complete_only=True)
            if entry is not None:
                return response_for(request.META, entry)
        response = self.get_response(request)
        store(request, response, complete=True)
        renewing = request.META.pop(RENEWING, None)
        if renewing:  # not stored after all (an error, a cookie): let the next reader try
            cache.delete(f"{renewing}:renewing")
        return response


def clear_local() -> None:
    """Forget the pages held in this process (tests use it to read from the shared cache)."""
    _local.clear()

