"""Security settings built from the environment: the Content-Security-Policy, HTTPS and outgoing e-mail.

Plain functions over plain values, so each rule is tested without Django running. `settings.py` calls them
once at start; a value that cannot work stops start-up with one line that says the fix.
"""

from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SELF = "'self'"
NONE = "'none'"
#: Deployment checks left silent when the operator keeps the HSTS option off on purpose (see docs/security.md).
HSTS_CHECKS = {"include_subdomains": "security.W005", "preload": "security.W021"}


def origin(url: str, name: str) -> str:
    """Return the scheme and host of a URL for a CSP source list; a {s}-style subdomain becomes a wildcard."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImproperlyConfigured(f"{name}={url!r} is not an http(s) address; give e.g. "
                                   "https://tiles.example.org/{{z}}/{{x}}/{{y}}.png, or unset it.")
    host = parts.netloc.rsplit("@", 1)[-1]
    labels = host.split(".")
    if "{" in labels[0]:
        labels[0] = "*"
    if any("{" in label for label in labels):
        raise ImproperlyConfigured(f"{name}={url!r} has a placeholder in its host other than the first label, "
                                   "which a Content-Security-Policy cannot name; put it first ({s}.example.org).")
    return f"{parts.scheme}://{'.'.join(labels)}"


def csp_directives(tile_url: str = "", dynamic_url: str = "", image_hosts: list[str] = ()) -> dict:
    """Return django-csp's DIRECTIVES: same origin only, no inline script or style, no framing."""
    images = [SELF, "data:"]
    if tile_url:
        images.append(origin(tile_url, "LITOPYS_TILE_URL"))
    images.extend(origin(host, "LITOPYS_CSP_IMG_HOSTS") for host in image_hosts)
    forms = [SELF]
    if dynamic_url and dynamic_url.strip().lower() != "off":
        forms.append(origin(dynamic_url, "LITOPYS_DYNAMIC_URL"))
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": images,
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": forms,
        "frame-ancestors": [NONE],
    }


def https_settings(https: bool, hsts_seconds: int, include_subdomains: bool, preload: bool) -> dict:
    """Return Django's transport settings for LITOPYS_HTTPS and the HSTS options.

    HSTS is always configured: Django's SecurityMiddleware sends it only on secure requests, so it reaches
    readers of an HTTPS site (directly, or through a trusted proxy saying X-Forwarded-Proto: https) and
    never those of a plain-HTTP one.
    """
    if preload and not include_subdomains:
        raise ImproperlyConfigured("LITOPYS_HSTS_PRELOAD=1 needs LITOPYS_HSTS_INCLUDE_SUBDOMAINS=1 (browsers' "
                                   "preload lists require it); set both, or unset LITOPYS_HSTS_PRELOAD.")
    return {
        "SESSION_COOKIE_SECURE": https,
        "CSRF_COOKIE_SECURE": https,
        "LANGUAGE_COOKIE_SECURE": https,
        "SECURE_SSL_REDIRECT": https,
        "SECURE_HSTS_SECONDS": hsts_seconds,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": include_subdomains,
        "SECURE_HSTS_PRELOAD": preload,
    }


def silenced_checks(include_subdomains: bool, preload: bool) -> list[str]:
    """Return the HSTS deployment checks that only restate an option the operator left off on purpose."""
    chosen = {"include_subdomains": include_subdomains, "preload": preload}
    return [check for option, check in HSTS_CHECKS.items() if not chosen[option]]


#: Outgoing mail by LITOPYS_EMAIL_URL scheme: Django's backend and the TLS mode.
MAIL_SCHEMES = {
    "console": ("django.core.mail.backends.console.EmailBackend", None),
    "file": ("django.core.mail.backends.filebased.EmailBackend", None),
    "smtp": ("django.core.mail.backends.smtp.EmailBackend", None),
    "smtp+starttls": ("django.core.mail.backends.smtp.EmailBackend", "starttls"),
    "smtps": ("django.core.mail.backends.smtp.EmailBackend", "ssl"),
}
DEFAULT_PORTS = {None: 25, "starttls": 587, "ssl": 465}


def email_settings(url: str) -> dict:
    """Return Django's e-mail settings for LITOPYS_EMAIL_URL; empty prints mail on the console."""
    if not url:
        return {"EMAIL_BACKEND": MAIL_SCHEMES["console"][0]}
    parts = urlsplit(url.strip())
    if parts.scheme not in MAIL_SCHEMES:
        raise ImproperlyConfigured(
            f"LITOPYS_EMAIL_URL={_without_password(url)!r} has an unknown scheme; use "
            "smtp+starttls://user:password@host:587, smtps://user:password@host:465, smtp://host:25, "
            "console:// or file:///folder.")
    backend, tls = MAIL_SCHEMES[parts.scheme]
    config = {"EMAIL_BACKEND": backend}
    if parts.scheme == "file":
        if not parts.path:
            raise ImproperlyConfigured("LITOPYS_EMAIL_URL=file:// needs a folder: file:///var/lib/litopys/mail.")
        config["EMAIL_FILE_PATH"] = unquote(parts.path)
    elif parts.scheme != "console":
        if not parts.hostname:
            raise ImproperlyConfigured(f"LITOPYS_EMAIL_URL={_without_password(url)!r} names no mail server; "
                                       "give one: smtp+starttls://user:password@mail.example.org:587.")
        try:
            port = parts.port or DEFAULT_PORTS[tls]
        except ValueError:
            raise ImproperlyConfigured(f"LITOPYS_EMAIL_URL={_without_password(url)!r} has a port that is not "
                                       "a number; give e.g. :587.") from None
        config.update(EMAIL_HOST=parts.hostname, EMAIL_PORT=port,
                      EMAIL_HOST_USER=unquote(parts.username or ""), EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
                      EMAIL_USE_TLS=tls == "starttls", EMAIL_USE_SSL=tls == "ssl", EMAIL_TIMEOUT=30)
    return config


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return url.replace(f":{parts.password}@", ":***@", 1)
