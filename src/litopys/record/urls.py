"""URLs of the public record, included at the site root. Pages use paths, not query strings, so that the
static export can write every page as a file."""

from django.urls import path

from litopys.record import figure_pages, views

app_name = "record"
urlpatterns = [
    path("incidents/", views.incident_list, name="incidents"),
    path("incidents/page/<int:page>/", views.incident_list, name="incidents_page"),
    path("incidents/<slug:slug>/", views.incident_detail, name="incident"),
    path("map/", views.incident_map, name="map"),
    path("timeline/", views.timeline, name="timeline"),
    path("timeline/page/<int:page>/", views.timeline, name="timeline_page"),
    path("statistics/", views.statistics, name="statistics"),
    path("figures/<int:pk>/", figure_pages.figure_detail, name="figure"),
    path("corrections/", figure_pages.corrections, name="corrections"),
    path("corrections/page/<int:page>/", figure_pages.corrections, name="corrections_page"),
    path("corrections/feed/", figure_pages.corrections_feed, name="corrections_feed"),
]
