from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitecacheConfig(AppConfig):
    name = "litopys.sitecache"
    label = "sitecache"
    verbose_name = _("Public page cache")

    def ready(self):
        from litopys.sitecache import invalidation

        invalidation.connect()
