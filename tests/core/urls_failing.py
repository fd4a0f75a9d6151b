"""A URL configuration whose one page fails, to see the error page's headers (tests only)."""

from django.urls import include, path


def fails(request):
    raise RuntimeError("synthetic failure for the error page's headers")


urlpatterns = [path("synthetic-failure/", fails), path("", include("litopys.core.urls"))]
