"""WSGI entry point for gunicorn (`litopys serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "litopys.core.settings")
django_application = get_wsgi_application()

# Cached public pages are answered before Django's middleware runs (see docs/chronicle.md).
from litopys.sitecache.fastpath import PageCacheApp  # noqa: E402

application = PageCacheApp(django_application)
