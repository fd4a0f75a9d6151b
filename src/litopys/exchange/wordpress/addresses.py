"""Where WordPress addresses lead in Litopys: links between posts and to uploaded files, images by address."""

import re
from urllib.parse import unquote, urljoin, urlsplit

from django.utils.text import slugify

from litopys.exchange.wordpress.wxr import Export

#: WordPress's resized copies ("photo-300x200.jpg", "photo-scaled.jpg") stand for the original file.
SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.\w+$)")
PERMALINK_QUERY = re.compile(r"^(?:p|page_id|attachment_id)=(\d+)$")


def slug_for(text: str, fallback: str, max_length: int = 200) -> str:
    """Return a Unicode slug of text (WordPress slugs come through unchanged), or the fallback."""
    return slugify(text, allow_unicode=True)[:max_length].strip("-") or fallback


def upload_key(url: str) -> str | None:
    """Return an uploads-relative path for a file URL ("2022/09/photo.jpg"), or None."""
    path = unquote(urlsplit(url).path)
    if "/uploads/" not in path:
        return None
    return SIZE_SUFFIX.sub("", path.split("/uploads/", 1)[1])


class Addresses:
    """Map the old site's URLs to attachments, imported posts and stored files."""

    def __init__(self, export: Export):
        self.base = (export.site.base_site_url or export.site.link or "http://wordpress.invalid").rstrip("/")
        self.host = host_of(self.base)
        self.attachments: dict[str, int] = {}
        self.posts: dict[str, int] = {}
        #: Filled in by the importer: WordPress id → new address, uploads path → stored file's address.
        self.targets: dict[int, str] = {}
        self.files: dict[str, str] = {}
        for item in export.items:
            if item.type == "attachment":
                for url in (item.attachment_url, item.attached_file and f"{self.base}/wp-content/uploads/"
                            f"{item.attached_file}"):
                    if url and upload_key(url):
                        self.attachments.setdefault(upload_key(url), item.id)
            elif item.type in ("post", "page"):
                for url in (item.link, item.guid, f"{self.base}/?p={item.id}", f"{self.base}/?page_id={item.id}"):
                    key = self._key(url)
                    if key:
                        self.posts.setdefault(key, item.id)

    def attachment_for_url(self, url: str) -> int | None:
        key = upload_key(url) if self._ours(url) else None
        return self.attachments.get(key) if key else None

    def link_for(self, href: str) -> str | None:
        """Return the Litopys address of a link to the old site's post, page or file, or None to keep it."""
        absolute = urljoin(self.base + "/", href)
        if not self._ours(absolute):
            return None
        fragment = urlsplit(absolute).fragment
        post = self.posts.get(self._key(absolute))
        if post in self.targets:
            return self.targets[post] + (f"#{fragment}" if fragment else "")
        key = upload_key(absolute)
        return self.files.get(key) if key else None

    def _ours(self, url: str) -> bool:
        return host_of(url) in ("", self.host)

    def _key(self, url: str) -> str | None:
        if not url or not url.startswith(("http://", "https://", "/")):
            return None
        parts = urlsplit(urljoin(self.base + "/", url))
        if host_of(parts.geturl()) != self.host:
            return None
        query = parts.query if PERMALINK_QUERY.match(parts.query) else ""
        return f"{unquote(parts.path).rstrip('/')}?{query}"


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")
