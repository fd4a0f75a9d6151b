"""A sitemap section an app could declare (for the sitemap test)."""

from django.contrib.sitemaps import Sitemap


class Extra(Sitemap):
    def items(self):
        return ["/somewhere-declared/"]

    def location(self, item):
        return item
