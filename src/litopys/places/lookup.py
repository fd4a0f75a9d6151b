"""Map what the pure gazetteer finds to the stored places incidents and claims refer to."""

from litopys.places.gazetteer import PlaceMention
from litopys.places.models import Place


def place_for(mention: PlaceMention | None) -> Place | None:
    """Return the stored place a mention names: by GeoNames id; None for an unknown place or an unloaded table."""
    return Place.objects.for_mention(mention)
