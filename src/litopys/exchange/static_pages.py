"""What the static export does to each page: find the links it holds, name the file it is written as, and
send its forms to the dynamic site or leave them out."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

#: Forms readers fill in, by URL name: they post to LITOPYS_DYNAMIC_URL, or become a note pointing there.
READER_FORMS = ("chronicle:comment", "chronicle:page-comment", "chronicle:rate")
#: Forms a copy never carries: it is written in one language.
LEFT_OUT_FORMS = ("chronicle:set-language", "set_language")
FORM = re.compile(r"<form\b[^>]*>.*?</form\s*>", re.IGNORECASE | re.DOTALL)
FORM_ACTION = re.compile(r"""\baction\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
CSRF_INPUT = re.compile(r"""<input\b[^>]*\bname\s*=\s*["']csrfmiddlewaretoken["'][^>]*>""", re.IGNORECASE)
XML_URL = re.compile(r"""<(?:loc|link|id)>\s*([^<\s]+)\s*</|\b(?:href|url|src)\s*=\s*["']([^"']+)["']""")
URL_ATTRIBUTES = {"href", "src", "poster", "data", "action"}


class LinkParser(HTMLParser):
    """Collect the URLs a page refers to: href, src, srcset, poster, and data-* attributes holding paths."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in URL_ATTRIBUTES and tag != "form":
                self.urls.append(value)
            elif name in ("srcset", "imagesrcset"):
                self.urls.extend(part.split()[0] for part in value.split(",") if part.strip())
            elif (name.startswith("data-") or name == "content") and value.startswith("/") \
                    and not value.startswith("//"):
                self.urls.append(value)


def links_in(content: bytes, content_type: str) -> list[str]:
    """Return the URLs a response refers to, as written in it."""
    text = content.decode("utf-8", errors="replace")
    if "html" in content_type:
        parser = LinkParser()
        parser.feed(text)
        return parser.urls
    if "xml" in content_type:
        return [html.unescape(a or b) for a, b in XML_URL.findall(text)]
    if "json" in content_type:
        try:
            found = []
            _strings(json.loads(text), found)
            return [value for value in found if value.startswith("/") and not value.startswith("//")]
        except ValueError:
            return []
    if content_type.startswith("text/plain"):
        return [line.split(":", 1)[1].strip() for line in text.splitlines()
                if line.lower().startswith("sitemap:")]
    return []


def _strings(value, found: list[str]) -> None:
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, found)
    elif isinstance(value, list):
        for item in value:
            _strings(item, found)


def file_for(path: str, content_type: str) -> str:
    """Return where a URL path is written, relative to the export: "a/b/" -> "a/b/index.html"."""
    relative = unquote(path).lstrip("/")
    if relative == "" or relative.endswith("/"):
        return relative + "index.html"
    if "html" in content_type and "." not in relative.rsplit("/", 1)[-1]:
        return relative + "/index.html"
    return relative


def view_name(action: str) -> str | None:
    """Return the URL name a form's action resolves to, or None for an action outside the site."""
    try:
        return resolve(urlsplit(action).path).view_name
    except Resolver404:
        return None


def rewrite_forms(page: str, path: str, dynamic_url: str, main_site: str) -> str:
    """Send the site's forms to the dynamic site, or leave them out of a copy that cannot answer them.

    Comment and rating forms (READER_FORMS) post to the dynamic site, or become one note per page that
    points there. Search and other forms of the site go to the dynamic site too, or are left out; the
    language switch is always left out, since a copy is written in one language.
    """
    noted = []

    def replace(match: re.Match) -> str:
        form = match.group(0)
        opening = form[:form.index(">") + 1]
        found = FORM_ACTION.search(opening)
        action = next((group for group in found.groups() if group is not None), "") if found else ""
        action = urljoin(path, html.unescape(action) or path)
        name = view_name(action)
        if name is None:
            return form
        if name in READER_FORMS or (dynamic_url and name not in LEFT_OUT_FORMS):
            if dynamic_url:
                quoted = html.escape(dynamic_url.rstrip("/") + action, quote=True)
                opening_new = (FORM_ACTION.sub(f'action="{quoted}"', opening, count=1) if found
                               else opening[:-1] + f' action="{quoted}">')
                return CSRF_INPUT.sub("", opening_new + form[len(opening):])
        if name not in READER_FORMS or noted:  # one note per page, however many forms it replaces
            return ""
        noted.append(path)
        note = html.escape(_("Comments and ratings are taken on the main site, not on this copy."))
        if main_site:
            link = html.escape(main_site.rstrip("/") + path, quote=True)
            note += f' <a href="{link}">{html.escape(_("Open this page on the main site"))}</a>.'
        return f'<p class="litopys-static-note">{note}</p>'

    return FORM.sub(replace, page)
