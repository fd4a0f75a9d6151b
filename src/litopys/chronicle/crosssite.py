"""Readers' forms carry no CSRF token, so that the pages holding them can be cached and shared: check instead
where a form was posted from."""

from urllib.parse import urlsplit

from django.conf import settings


def same_origin(request) -> bool:
    """Tell whether a form was posted from this site (or an origin in CSRF_TRUSTED_ORIGINS).

    The readers' forms carry no CSRF token, so that the pages holding them can be cached and shared; a
    browser says where a form came from in Sec-Fetch-Site or Origin (or Referer), and that is checked
    instead. A client that sends none of them is not a browser, and so cannot be a CSRF victim.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site in ("same-origin", "none"):
        return True
    origin = request.META.get("HTTP_ORIGIN")
    if not origin:
        referer = request.META.get("HTTP_REFERER")
        if not referer:
            return fetch_site is None
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    return origin in trusted_origins(request)


def trusted_origins(request) -> set[str]:
    site = urlsplit(settings.LITOPYS_SITE_URL)
    return {f"{request.scheme}://{request.get_host()}", f"{site.scheme}://{site.netloc}",
            *settings.CSRF_TRUSTED_ORIGINS}
