"""The sitemap's sections. Other parts of the site add theirs: `sitemaps["incidents"] = IncidentSitemap`.

Every URL is absolute under LITOPYS_SITE_URL, whatever host the request came to.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

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


#: Section name -> Sitemap class (or instance). The record pages register theirs here.
sitemaps: dict[str, type[Sitemap] | Sitemap] = {
    "posts": PostSitemap,
    "pages": PageSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
}
