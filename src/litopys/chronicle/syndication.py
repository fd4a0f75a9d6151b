"""What machines read: RSS and Atom feeds, the sitemap and robots.txt. Authors are named, never e-mailed."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from litopys.chronicle.models import Post
from litopys.chronicle.sitemaps import sections
from litopys.sitecache.http import public_page

FEED_ITEMS = 20


def site_url(path: str = "/") -> str:
    """Return the canonical absolute URL of a path on the public site."""
    return settings.LITOPYS_SITE_URL + path


def author_of(post) -> str:
    if post.author_name:
        return post.author_name
    # A full name, never the login name: that is half of a staff member's credentials.
    return post.author.get_full_name() if post.author_id else ""


class LatestPostsFeed(Feed):
    title = _("Litopys — a verified chronicle")
    description = _("New posts of the chronicle; every number opens to its sources.")

    def link(self):
        return site_url("/")

    def feed_url(self):
        return site_url("/feed/")

    def items(self):
        return (Post.objects.published().filter(kind=Post.Kind.POST).select_related("author", "category")
                .order_by("-published_at", "-pk")[:FEED_ITEMS])

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.lead

    def item_link(self, post):
        return site_url(post.get_absolute_url())

    def item_guid(self, post):
        return site_url(post.get_absolute_url())

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.updated_at

    def item_author_name(self, post):
        return author_of(post) or None

    # Authors are named, never reached: these stay empty whatever the user account holds.
    def item_author_email(self, post):
        return None

    def author_email(self):
        return None

    def item_categories(self, post):
        return [post.category.name] if post.category_id else []


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description

    def feed_url(self):
        return site_url("/feed/atom/")


rss = public_page(LatestPostsFeed())
atom = public_page(LatestPostsAtomFeed())


@public_page
def sitemap(request):
    """List every public URL under the canonical host, section by section."""
    parts = urlsplit(settings.LITOPYS_SITE_URL)
    site = SimpleNamespace(domain=parts.netloc + parts.path.rstrip("/"), name=parts.netloc)
    urls = []
    for section_class in sections().values():
        section = section_class()
        urls.extend(section.get_urls(site=site, protocol=parts.scheme or "https"))
    return TemplateResponse(request, "chronicle/sitemap.xml", {"urlset": urls},
                            content_type="application/xml; charset=utf-8").render()


@public_page
def robots(request):
    lines = ["User-agent: *", "Disallow: /staff/", "Disallow: /search/", "Disallow: /language/", "",
             f"Sitemap: {site_url('/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
