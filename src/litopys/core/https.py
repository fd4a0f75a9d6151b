"""HTTPS before the page cache: redirect plain HTTP, mark cookies Secure and send HSTS on secure requests.

Django's SecurityMiddleware does the same, but the page cache answers before it (in MIDDLEWARE and, under
gunicorn, before Django at all). This middleware stands in front of the cache, so a cached page is never
served over plain HTTP when LITOPYS_HTTPS=1; and a request that a trusted proxy marks secure
(X-Forwarded-Proto: https) gets Secure cookies even when LITOPYS_HTTPS is off.
"""

from django.conf import settings
from django.middleware.security import SecurityMiddleware

HSTS = "Strict-Transport-Security"


def secure_environ(environ: dict) -> bool:
    """Tell whether a WSGI request came over HTTPS, directly or as a trusted proxy reports it."""
    if environ.get("wsgi.url_scheme") == "https":
        return True
    header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    return bool(header) and environ.get(header[0], "").split(",")[0].strip().lower() == header[1]


class SecureTransportMiddleware(SecurityMiddleware):
    """Redirect to HTTPS (LITOPYS_HTTPS=1); on secure requests make every cookie Secure and send HSTS."""

    def process_response(self, request, response):
        if request.is_secure():
            for morsel in response.cookies.values():
                morsel["secure"] = True
            if self.sts_seconds and HSTS not in response:
                response = super().process_response(request, response)
        return response


class HttpsFirst:
    """Wrap the WSGI fast path so that, with LITOPYS_HTTPS=1, plain HTTP always reaches the redirect."""

    def __init__(self, fast, django):
        self.fast, self.django = fast, django

    def __call__(self, environ, start_response):
        if settings.SECURE_SSL_REDIRECT and not secure_environ(environ):
            return self.django(environ, start_response)
        return self.fast(environ, start_response)
