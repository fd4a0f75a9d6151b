"""/api/: the versioned API; /api/ itself leads to its documentation page."""

from django.urls import path
from django.views.generic import RedirectView

from litopys.exchange.api.root import api

urlpatterns = [
    path("", RedirectView.as_view(url="v1/docs", permanent=False)),
    path("v1/", api.urls),
]
