"""Files the public site offers for download, at the paths the record's pages link to."""

from django.urls import path

from litopys.exchange.exports import figure, geojson, statistics

app_name = "exchange"
urlpatterns = [
    path("map/incidents.geojson", geojson.incident_features, name="map_geojson"),
    path("statistics.csv", statistics.statistics_csv, name="statistics_csv"),
    path("figures/<int:pk>.json", figure.figure_json, name="figure_json"),
    path("figures/<int:pk>.csv", figure.figure_csv, name="figure_csv"),
]
