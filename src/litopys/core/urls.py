"""Top-level URLs: the staff site under /staff/, public pages at the root."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Litopys"
admin.site.site_title = "Litopys"

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("staff/review/", include("litopys.review.urls")),
    # Login in two steps, two-factor enrolment and password reset: before the admin, whose login they replace.
    path("staff/", include("litopys.core.accounts.urls")),
    path("staff/", admin.site.urls),
    path("", include("litopys.record.urls")),
    path("", include("litopys.exchange.urls")),
    path("", include("litopys.chronicle.urls")),
]
