"""Storing the gazetteer: `load_places` and `litopys places load`, and mapping mentions to stored rows."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from litopys.places.gazetteer import Gazetteer
from litopys.places.gazetteer import Place as GazetteerPlace
from litopys.places.loading import load_places
from litopys.places.models import Place, PlaceKind

pytestmark = pytest.mark.django_db


def small_gazetteer(population: int = 45884) -> Gazetteer:
    oblast = GazetteerPlace(706482, "Kharkiv Oblast", "oblast", "Kharkiv Oblast", "UA-63", 49.8, 36.5, 2599000,
                            "Харківська область", "Харьковская область")
    izium = GazetteerPlace(707292, "Izium", "settlement", "Kharkiv Oblast", "UA-63", 49.2, 37.3, population,
                           "Ізюм", "Изюм")
    return Gazetteer([
        (oblast, [("Kharkiv Oblast", 0), ("Харківська область", 0)]),
        (izium, [("Izium", 0), ("Ізюм", 0), ("Изюм", 0), ("Izyum", 1)]),
    ])


def test_load_stores_places_with_their_oblast():
    counts = load_places(gazetteer=small_gazetteer())
    assert counts == {"created": 2, "updated": 0, "unchanged": 0, "total": 2}
    izium = Place.objects.get(geonames_id=707292)
    assert (izium.name, izium.name_uk, izium.name_ru, izium.iso_code) == ("Izium", "Ізюм", "Изюм", "UA-63")
    assert izium.alternate_names == ["Izyum"]
    assert izium.admin1.name == "Kharkiv Oblast" and izium.admin1.kind == PlaceKind.OBLAST
    assert izium.admin1.admin1 == izium.admin1
    assert str(izium) == "Izium, Kharkiv Oblast"


def test_load_again_updates_only_what_changed():
    load_places(gazetteer=small_gazetteer())
    assert load_places(gazetteer=small_gazetteer()) == {"created": 0, "updated": 0, "unchanged": 2, "total": 2}
    assert load_places(gazetteer=small_gazetteer(population=46000))["updated"] == 1
    assert Place.objects.get(geonames_id=707292).population == 46000
    assert Place.objects.count() == 2


def test_place_for_maps_a_mention_to_its_row():
    gazetteer = small_gazetteer()
    load_places(gazetteer=gazetteer)
    [mention] = gazetteer.find("Поховання біля Ізюма.")
    assert Place.objects.for_mention(mention) == Place.objects.get(geonames_id=707292)
    assert Place.objects.for_mention(mention).name == "Izium"
    [unknown] = gazetteer.find("в селі Гракове")
    assert Place.objects.for_mention(unknown) is None
    assert Place.objects.for_mention(None) is None


def test_load_the_whole_gazetteer_twice():
    first = load_places()
    gazetteer = Gazetteer.default()
    assert first["created"] == first["total"] == len(list(gazetteer.places()))
    assert Place.objects.count() == first["total"]
    assert Place.objects.oblasts().count() == 27
    assert not Place.objects.filter(kind=PlaceKind.SETTLEMENT, admin1__isnull=True).exists()
    second = load_places()
    assert (second["created"], second["updated"], second["unchanged"]) == (0, 0, first["total"])
    assert Place.objects.count() == first["total"]
    kharkiv = Place.objects.get(geonames_id=706483)
    assert (kharkiv.name, kharkiv.admin1.iso_code) == ("Kharkiv", "UA-63")


def test_command_prints_a_one_line_summary(monkeypatch):
    monkeypatch.setattr(Gazetteer, "_default", small_gazetteer())
    out = StringIO()
    call_command("places", "load", "--no-progress", stdout=out)
    assert out.getvalue().startswith("2 places: 2 created, 0 updated, 0 unchanged in ")
    out = StringIO()
    call_command("places", "load", "--format", "json", stdout=out)
    assert json.loads(out.getvalue())["unchanged"] == 2
