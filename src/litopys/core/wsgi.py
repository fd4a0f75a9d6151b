"""WSGI entry point for gunicorn (`litopys serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "litopys.core.settings")
django_application = get_wsgi_application()

# Cached public pages are answered before Django's middleware runs (see docs/chronicle.md); with
# LITOPYS_HTTPS=1 a plain-HTTP request skips that fast path and is redirected (docs/security.md).
from litopys.core.https import HttpsFirst  # noqa: E402
from litopys.sitecache.fastpath import PageCacheApp  # noqa: E402

application = HttpsFirst(PageCacheApp(django_application), django_application)
