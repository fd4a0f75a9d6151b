"""Serve page-cache hits at the WSGI level, before Django builds a request or runs any middleware.

Wire it in `litopys/wsgi.py`:

    from litopys.sitecache.fastpath import PageCacheApp
    application = PageCacheApp(get_wsgi_application())

It only reads: pages are stored by `PageCacheMiddleware` (first in MIDDLEWARE), which sees each response
with the headers every middleware added, and only such complete pages are served here. Anything else —
a miss, a POST, a reader with a session or a comment awaiting moderation — goes to Django unchanged.
"""

from http import HTTPStatus

from django.http.cookie import parse_cookie

from litopys.sitecache import pagecache

_REASONS = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}


class PageCacheApp:
    """A WSGI application that answers from the page cache and hands everything else to ``application``."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            entry = self.hit(environ)
        except Exception:  # noqa: BLE001 - a broken cache must never take the site down: let Django answer
            entry = None
        if entry is None:
            return self.application(environ, start_response)
        if pagecache.not_modified(environ, entry):
            headers = [(name, value) for name, value in entry["headers"]
                       if name.lower() in pagecache.HEADERS_304]
            start_response(_REASONS[304], headers)
            return [b""]
        body = entry["body"]
        start_response(_REASONS[entry["status"]], [*entry["headers"], ("Content-Length", str(len(body)))])
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def hit(self, environ):
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        cookies = parse_cookie(environ.get("HTTP_COOKIE", "")) if environ.get("HTTP_COOKIE") else {}
        if not pagecache.eligible(environ, cookies):
            return None
        return pagecache.lookup(environ, cookies, complete_only=True)
