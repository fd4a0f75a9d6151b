"""Share links and the page metadata that previews read: plain URLs, no third-party script."""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.utils.translation import gettext as _


def canonical(path: str) -> str:
    return settings.LITOPYS_SITE_URL + path


def share_links(title: str, url: str) -> list[dict]:
    """Return (name, href) for each place a reader may share a post to."""
    text = f"{title} {url}"
    mail = urlencode({"subject": title, "body": url}, quote_via=quote)
    return [
        {"name": _("E-mail"), "slug": "email", "href": f"mailto:?{mail}"},
        {"name": "Telegram", "slug": "telegram",
         "href": "https://t.me/share/url?" + urlencode({"url": url, "text": title})},
        {"name": "Facebook", "slug": "facebook",
         "href": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})},
        {"name": "X", "slug": "x", "href": "https://x.com/intent/tweet?" + urlencode({"url": url, "text": title})},
        {"name": "WhatsApp", "slug": "whatsapp", "href": "https://wa.me/?" + urlencode({"text": text})},
    ]


def preview_image(media) -> str:
    """Return the absolute URL of an image for link previews; never one of a sensitive image."""
    if media is None or media.sensitive or not media.file:
        return ""
    return canonical(media.file.url if media.file.url.startswith("/") else "/" + media.file.url)
