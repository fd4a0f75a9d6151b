"""The sitemap's sections: the chronicle's own, and those other apps declare in their AppConfig's ``sitemaps``
({section: dotted path of a Sitemap class}), in app order.

Every URL is absolute under LITOPYS_SITE_URL, whatever host the request came to.
"""

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.utils.module_loading import import_string

from litopys.chronicle.models import Category, Post, Tag


class ChronicleSitemap(Sitemap):
    """A section whose links carry the canonical host; subclass it for other sections."""

    limit = 5000


class PostSitemap(ChronicleSitemap):
    changefreq = "weekly"
    priority = 0.8
    kind = Post.Kind.POST

    def items(self):
        return Post.objects.published().filter(kind=self.kind).only("slug", "kind", "updated_at").order_by("-pk")

    def lastmod(self, post):
        return post.updated_at


class PageSitemap(PostSitemap):
    changefreq = "monthly"
    priority = 0.5
    kind = Post.Kind.PAGE


class CategorySitemap(ChronicleSitemap):
    changefreq = "daily"
    priority = 0.4

    def items(self):
        return (Category.objects.filter(posts__in=Post.objects.published().filter(kind=Post.Kind.POST))
                .annotate(latest=Max("posts__updated_at")).order_by("slug"))

    def lastmod(self, category):
        return category.latest


class TagSitemap(ChronicleSitemap):
    changefreq = "weekly"
    priority = 0.3

    def items(self):
        return (Tag.objects.filter(posts__in=Post.objects.published().filter(kind=Post.Kind.POST))
                .annotate(latest=Max("posts__updated_at")).order_by("slug"))

    def lastmod(self, tag):
        return tag.latest


def sections() -> dict[str, type[Sitemap]]:
    """Return section name -> Sitemap class for every installed app that declares sections."""
    found: dict[str, type[Sitemap]] = {}
    for config in apps.get_app_configs():
        for name, path in getattr(config, "sitemaps", {}).items():
            found.setdefault(name, import_string(path))
    return found
