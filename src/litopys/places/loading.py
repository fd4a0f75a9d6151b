"""Fill the places table from the gazetteer: idempotent, in bulk, oblasts before the settlements in them."""

from collections.abc import Callable

from django.db import transaction
from django.db.models import F

from litopys.places.gazetteer import Gazetteer
from litopys.places.gazetteer import Place as GazetteerPlace
from litopys.places.models import Place, PlaceKind

FIELDS = ("kind", "name", "name_uk", "name_ru", "alternate_names", "iso_code", "latitude", "longitude", "population")
BATCH = 1000

Progress = Callable[[int, int], None]


def _values(place: GazetteerPlace, names: list[str]) -> dict:
    shown = {place.name, place.name_uk, place.name_ru}
    return {
        "kind": place.kind,
        "name": place.name,
        "name_uk": place.name_uk,
        "name_ru": place.name_ru,
        "alternate_names": [name for name in dict.fromkeys(names) if name not in shown],
        "iso_code": place.admin1_code or "",
        "latitude": place.latitude,
        "longitude": place.longitude,
        "population": place.population,
    }


def _changed(row: Place, values: dict, admin1_id: int | None) -> bool:
    return row.admin1_id != admin1_id or any(getattr(row, field) != value for field, value in values.items())


def _load_group(group: list[tuple[GazetteerPlace, list[str]]], oblast_ids: dict[str, int], counts: dict,
                progress: Progress | None, total: int) -> None:
    existing = Place.objects.in_bulk([place.geonames_id for place, _ in group], field_name="geonames_id")
    created, updated = [], []
    for place, names in group:
        values = _values(place, names)
        row = existing.get(place.geonames_id)
        admin1_id = oblast_ids.get(place.admin1_code or "")
        if place.kind == PlaceKind.OBLAST:
            admin1_id = row.admin1_id if row else None  # itself, set once the row exists
        if row is None:
            created.append(Place(geonames_id=place.geonames_id, admin1_id=admin1_id, **values))
        elif _changed(row, values, admin1_id):
            for field, value in values.items():
                setattr(row, field, value)
            row.admin1_id = admin1_id
            updated.append(row)
    Place.objects.bulk_create(created, batch_size=BATCH)
    Place.objects.bulk_update(updated, [*FIELDS, "admin1"], batch_size=BATCH)
    counts["created"] += len(created)
    counts["updated"] += len(updated)
    counts["unchanged"] += len(group) - len(created) - len(updated)
    if progress:
        progress(counts["created"] + counts["updated"] + counts["unchanged"], total)


def load_places(progress: Progress | None = None, gazetteer: Gazetteer | None = None) -> dict[str, int]:
    """Create or update a row for every place of the gazetteer; return the counts created, updated, unchanged."""
    gazetteer = gazetteer or Gazetteer.default()
    named = [(place, names) for place, names in gazetteer.names() if place.geonames_id is not None]
    total = len(named)
    counts = {"created": 0, "updated": 0, "unchanged": 0, "total": total}
    first = [(p, n) for p, n in named if p.kind != PlaceKind.SETTLEMENT]
    settlements = [(p, n) for p, n in named if p.kind == PlaceKind.SETTLEMENT]
    with transaction.atomic():
        _load_group(first, {}, counts, progress, total)
        oblast_ids = dict(Place.objects.oblasts().values_list("iso_code", "id"))
        # An oblast's admin1 is itself, so that every place answers "which oblast" the same way.
        Place.objects.filter(kind=PlaceKind.OBLAST).exclude(admin1=F("id")).update(admin1=F("id"))
        for start in range(0, len(settlements), BATCH):
            _load_group(settlements[start:start + BATCH], oblast_ids, counts, progress, total)
    return counts


def ensure_place(geonames_id: int, gazetteer: Gazetteer | None = None) -> Place | None:
    """Return the stored row of a gazetteer place, storing it (and its oblast) first if need be.

    Ingest calls this, so a claim keeps its place on an installation where `litopys places load` has not
    run yet; the row then lacks alternate names until the next load fills them in.
    """
    row = Place.objects.filter(geonames_id=geonames_id).first()
    if row is not None:
        return row
    gazetteer = gazetteer or Gazetteer.default()
    place = gazetteer.by_geonames_id(geonames_id)
    if place is None:
        return None
    admin1 = None
    if place.kind != PlaceKind.OBLAST and place.admin1_code:
        oblast = next((o for o in gazetteer.oblasts() if o.admin1_code == place.admin1_code), None)
        admin1 = ensure_place(oblast.geonames_id, gazetteer) if oblast and oblast.geonames_id else None
    with transaction.atomic():
        row, created = Place.objects.get_or_create(geonames_id=geonames_id,
                                                   defaults={"admin1": admin1, **_values(place, [])})
        if created and place.kind == PlaceKind.OBLAST:
            row.admin1 = row
            row.save(update_fields=["admin1"])
    return row


def demo_step() -> str:
    """Load the gazetteer for `litopys demo`; return a one-line summary."""
    counts = load_places()
    return "{total} places ({created} new, {updated} updated)".format(**counts)
