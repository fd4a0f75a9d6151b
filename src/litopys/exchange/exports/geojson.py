"""The map's data as GeoJSON: one point per published incident with a position, with public data only."""

from django.http import JsonResponse
from django.urls import reverse

from litopys.figures.public import PublicFigure
from litopys.record.presentation import incident_pin, period_text, place_name
from litopys.record.selectors import headline, public_incidents, verified_figures
from litopys.sitecache.http import public_page
from litopys.vocab.choices import label


def map_features(incidents, figures: dict[int, list[PublicFigure]]) -> dict:
    """Return a GeoJSON FeatureCollection of public incidents with a position, with public data only."""
    features = []
    for incident in incidents:
        pin = incident_pin(incident)
        if pin is None:
            continue
        (latitude, longitude), precision = pin
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(longitude, 5), round(latitude, 5)]},
            "properties": {
                "title": incident.title, "slug": incident.slug,
                "url": reverse("record:incident", args=[incident.slug]),
                "type": incident.type, "type_label": label("incident_types", incident.type),
                "dates": period_text(incident),
                "start_date": incident.start_date.isoformat() if incident.start_date else None,
                "place": place_name(incident.place), "geo_precision": precision,
                "figures": [{"kind": f.kind, "label": f.label, "best": f.best, "min": f.min, "max": f.max,
                             "text": f.value_text} for f in headline(figures.get(incident.pk, []))],
            },
        })
    return {"type": "FeatureCollection", "features": features}


@public_page
def incident_features(request):
    """Return published incidents as GeoJSON points with public data only."""
    incidents = list(public_incidents())
    collection = map_features(incidents, verified_figures([incident.pk for incident in incidents]))
    return JsonResponse(collection, content_type="application/geo+json", json_dumps_params={"ensure_ascii": False})
