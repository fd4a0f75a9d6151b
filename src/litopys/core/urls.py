"""Top-level URLs: the staff site under /staff/, public pages at the root."""

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    # Browsers ask for /favicon.ico whatever a page links; answer with the site's icon.
    path("favicon.ico", RedirectView.as_view(url=static("core/favicon.ico"), permanent=True)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("staff/review/", include("litopys.review.urls")),
    path("staff/jobs/", include("litopys.jobs.urls")),
    path("staff/capture/", include("litopys.capture.urls")),
    path("staff/packages/", include("litopys.exchange.packages.urls")),
    # Login in two steps, two-factor enrolment and password reset: before the admin, whose login they replace.
    path("staff/", include("litopys.core.accounts.urls")),
    path("staff/", admin.site.urls),
    # The API (docs/api.md): its own namespace at the top, as django-ninja reverses its URLs from there.
    path("api/", include("litopys.exchange.api.urls")),
    path("", include("litopys.record.urls")),
    path("", include("litopys.exchange.urls")),
    path("", include("litopys.chronicle.urls")),
]
