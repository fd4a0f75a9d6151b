"""Read a WordPress eXtended RSS (WXR) export into plain dataclasses; no Django, no network."""

import datetime
import email.utils
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from litopys.exchange.wordpress.phpserial import PHPSerialError, unserialize

CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/$")
# XML 1.0 forbids these; WordPress writes them when a post contains them (a known export bug).
FORBIDDEN_CHARACTERS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
NO_DATE = "0000-00-00 00:00:00"


class WXRError(ValueError):
    """The file cannot be read as a WordPress export; the message names it and says why."""


@dataclass
class Site:
    title: str = ""
    link: str = ""
    description: str = ""
    language: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""


@dataclass
class Author:
    """A WordPress user who wrote posts; the export's e-mail address is deliberately not read."""

    login: str
    display_name: str


@dataclass
class Term:
    """A category, tag or term of another taxonomy; `parent` is the parent's slug."""

    term_id: int
    taxonomy: str
    slug: str
    name: str
    parent: str = ""
    description: str = ""


@dataclass
class ItemTerm:
    """An item's `<category domain=… nicename=…>`: which taxonomy, which slug."""

    domain: str
    slug: str
    name: str


@dataclass
class Comment:
    id: int
    author: str
    email: str
    url: str
    date_gmt: datetime.datetime | None
    date: datetime.datetime | None
    content: str
    approved: str
    type: str
    parent: int


@dataclass
class Item:
    """A post, page, attachment, menu item or any other post type, with its postmeta and comments."""

    id: int
    type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    slug: str = ""
    status: str = ""
    parent: int = 0
    date: datetime.datetime | None = None
    date_gmt: datetime.datetime | None = None
    pub_date: datetime.datetime | None = None
    comment_status: str = ""
    password: str = ""
    sticky: bool = False
    attachment_url: str = ""
    terms: list[ItemTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How reports name the item: `post 4 “Title”`."""
        return f"{self.type} {self.id} “{(self.title or 'untitled')[:60]}”"

    def slugs(self, domain: str) -> list[str]:
        """Return the slugs of this item's terms of one taxonomy ("category", "post_tag"), in order."""
        return [term.slug for term in self.terms if term.domain == domain]

    @property
    def thumbnail_id(self) -> int | None:
        return _int(self.meta.get("_thumbnail_id"))

    @property
    def attached_file(self) -> str:
        """The file's path under wp-content/uploads, e.g. "2022/09/photo.jpg"."""
        path = self.meta.get("_wp_attached_file", "")
        if not path and "/uploads/" in self.attachment_url:
            path = self.attachment_url.split("/uploads/", 1)[1]
        return unquote(path)

    @property
    def attachment_metadata(self) -> dict:
        """`_wp_attachment_metadata` (width, height, sizes, image_meta…), or {} when unreadable."""
        raw = self.meta.get("_wp_attachment_metadata", "")
        try:
            value = unserialize(raw) if raw else {}
        except PHPSerialError:
            return {}
        return value if isinstance(value, dict) else {}


@dataclass
class Export:
    site: Site
    authors: list[Author] = field(default_factory=list)
    categories: list[Term] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)
    other_terms: list[Term] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def author_name(self, login: str) -> str:
        """Return the display name of the author with this login, or the login itself."""
        return next((a.display_name for a in self.authors if a.login == login and a.display_name), login)


def parse_wxr(path: str | Path) -> Export:
    """Read a WXR file; raise WXRError with a one-line reason when it is not one."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WXRError(f"{path} does not exist; check the path.") from None
    except IsADirectoryError:
        raise WXRError(f"{path} is a folder; give the path of the exported .xml file.") from None
    except OSError as exc:
        raise WXRError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    return parse_wxr_bytes(data, name=str(path))


def parse_wxr_bytes(data: bytes, name: str = "the export") -> Export:
    """Read WXR from bytes (see parse_wxr)."""
    warnings = []
    cleaned, removed = FORBIDDEN_CHARACTERS.subn(b"", data)
    if removed:
        warnings.append(f"{name}: removed {removed} control characters that XML does not allow")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             strip_cdata=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(cleaned, parser)
    except etree.XMLSyntaxError as exc:
        raise WXRError(f"{name} is not well-formed XML ({exc.msg}); "
                       f"export it again from WordPress (Tools → Export).") from None
    wp = next((uri for uri in (root.nsmap or {}).values() if uri and WP_NAMESPACE.match(uri)), None)
    channel = root.find("channel")
    if root.tag != "rss" or wp is None or channel is None:
        raise WXRError(f"{name} is XML but not a WordPress export (no wp: namespace on an <rss> root); "
                       f"export it from WordPress with Tools → Export.")
    ns = {"wp": wp, "excerpt": wp.rstrip("/") + "/excerpt/", "content": CONTENT, "dc": DC}
    site = Site(title=_text(channel, "title"), link=_text(channel, "link"),
                description=_text(channel, "description"), language=_text(channel, "language"),
                base_site_url=_text(channel, "wp:base_site_url", ns),
                base_blog_url=_text(channel, "wp:base_blog_url", ns),
                wxr_version=_text(channel, "wp:wxr_version", ns))
    export = Export(site=site, warnings=warnings)
    for el in channel.findall("wp:author", ns):
        export.authors.append(Author(login=_text(el, "wp:author_login", ns),
                                     display_name=_text(el, "wp:author_display_name", ns)))
    _read_terms(channel, ns, export)
    for el in channel.findall("item"):
        item = _read_item(el, ns)
        if item is None:
            export.warnings.append(f"{name}: an <item> without a wp:post_id was left out "
                                   f"({_text(el, 'title') or 'untitled'})")
        else:
            export.items.append(item)
    return export


def _read_terms(channel, ns, export: Export) -> None:
    seen = set()
    for el in channel.findall("wp:category", ns):
        term = Term(term_id=_int(_text(el, "wp:term_id", ns)) or 0, taxonomy="category",
                    slug=_slug(_text(el, "wp:category_nicename", ns)), name=_text(el, "wp:cat_name", ns),
                    parent=_slug(_text(el, "wp:category_parent", ns)),
                    description=_text(el, "wp:category_description", ns))
        export.categories.append(term)
        seen.add(("category", term.slug))
    for el in channel.findall("wp:tag", ns):
        term = Term(term_id=_int(_text(el, "wp:term_id", ns)) or 0, taxonomy="post_tag",
                    slug=_slug(_text(el, "wp:tag_slug", ns)), name=_text(el, "wp:tag_name", ns),
                    description=_text(el, "wp:tag_description", ns))
        export.tags.append(term)
        seen.add(("post_tag", term.slug))
    # WordPress 4.x+ repeats categories and tags as generic <wp:term>s and adds other taxonomies there.
    for el in channel.findall("wp:term", ns):
        term = Term(term_id=_int(_text(el, "wp:term_id", ns)) or 0, taxonomy=_text(el, "wp:term_taxonomy", ns),
                    slug=_slug(_text(el, "wp:term_slug", ns)), name=_text(el, "wp:term_name", ns),
                    parent=_slug(_text(el, "wp:term_parent", ns)), description=_text(el, "wp:term_description", ns))
        if (term.taxonomy, term.slug) in seen:
            continue
        seen.add((term.taxonomy, term.slug))
        {"category": export.categories, "post_tag": export.tags}.get(term.taxonomy, export.other_terms).append(term)


def _read_item(el, ns) -> Item | None:
    post_id = _int(_text(el, "wp:post_id", ns))
    if post_id is None:
        return None
    item = Item(
        id=post_id, type=_text(el, "wp:post_type", ns) or "post", title=_text(el, "title"), link=_text(el, "link"),
        guid=_text(el, "guid"), creator=_text(el, "dc:creator", ns), content=_raw(el, "content:encoded", ns),
        excerpt=_raw(el, "excerpt:encoded", ns).strip(), slug=_slug(_text(el, "wp:post_name", ns)),
        status=_text(el, "wp:status", ns), parent=_int(_text(el, "wp:post_parent", ns)) or 0,
        date=_date(_text(el, "wp:post_date", ns)), date_gmt=_date(_text(el, "wp:post_date_gmt", ns), utc=True),
        pub_date=_rfc822(_text(el, "pubDate")), comment_status=_text(el, "wp:comment_status", ns),
        password=_text(el, "wp:post_password", ns), sticky=_text(el, "wp:is_sticky", ns) == "1",
        attachment_url=_text(el, "wp:attachment_url", ns),
    )
    for term in el.findall("category"):
        item.terms.append(ItemTerm(domain=term.get("domain", ""), slug=_slug(term.get("nicename", "")),
                                   name=(term.text or "").strip()))
    for meta in el.findall("wp:postmeta", ns):
        item.meta.setdefault(_text(meta, "wp:meta_key", ns), _raw(meta, "wp:meta_value", ns))
    for c in el.findall("wp:comment", ns):
        comment_id = _int(_text(c, "wp:comment_id", ns))
        if comment_id is None:
            continue
        item.comments.append(Comment(
            id=comment_id, author=_text(c, "wp:comment_author", ns), email=_text(c, "wp:comment_author_email", ns),
            url=_text(c, "wp:comment_author_url", ns), date_gmt=_date(_text(c, "wp:comment_date_gmt", ns), utc=True),
            date=_date(_text(c, "wp:comment_date", ns)), content=_raw(c, "wp:comment_content", ns),
            approved=_text(c, "wp:comment_approved", ns), type=_text(c, "wp:comment_type", ns) or "comment",
            parent=_int(_text(c, "wp:comment_parent", ns)) or 0,
        ))
    return item


def _raw(el, path: str, ns=None) -> str:
    return el.findtext(path, default="", namespaces=ns)


def _text(el, path: str, ns=None) -> str:
    return _raw(el, path, ns).strip()


def _int(value) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _slug(value: str) -> str:
    # WordPress stores non-Latin slugs percent-encoded ("%d1%96%d0%b7…").
    return unquote(value.strip())


def _date(value: str, utc: bool = False) -> datetime.datetime | None:
    if not value or value == NO_DATE:
        return None
    try:
        parsed = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return parsed.replace(tzinfo=datetime.UTC) if utc else parsed


def _rfc822(value: str) -> datetime.datetime | None:
    try:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None
    return parsed if parsed and parsed.tzinfo else None
