"""The gazetteer's contents: divisions, settlements, names in three languages, look-ups."""

import pytest

from litopys.places.gazetteer import Gazetteer, Place

DIVISION_CODES = {
    "UA-05", "UA-07", "UA-09", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23", "UA-26", "UA-30", "UA-32", "UA-35",
    "UA-40", "UA-43", "UA-46", "UA-48", "UA-51", "UA-53", "UA-56", "UA-59", "UA-61", "UA-63", "UA-65", "UA-68",
    "UA-71", "UA-74", "UA-77",
}


def test_the_27_divisions_have_their_iso_codes(gazetteer):
    oblasts = gazetteer.oblasts()
    assert {oblast.admin1_code for oblast in oblasts} == DIVISION_CODES
    assert len(oblasts) == 27
    kharkiv = next(oblast for oblast in oblasts if oblast.admin1_code == "UA-63")
    assert kharkiv == Place(
        geonames_id=706482, name="Kharkiv Oblast", kind="oblast", admin1="Kharkiv Oblast", admin1_code="UA-63",
        latitude=kharkiv.latitude, longitude=kharkiv.longitude, population=kharkiv.population,
        name_uk="Харківська область", name_ru="Харьковская область",
    )
    assert 49 < kharkiv.latitude < 50.5 and 35.5 < kharkiv.longitude < 38


def test_geonames_ids_are_unique(gazetteer):
    ids = [place.geonames_id for place in gazetteer.places()]
    assert None not in ids
    assert len(ids) == len(set(ids))


def test_every_division_has_names_in_three_languages(gazetteer):
    for oblast in gazetteer.oblasts():
        assert oblast.name and oblast.name_uk and oblast.name_ru, oblast
        assert oblast.geonames_id and oblast.population > 300_000, oblast
    mykolaiv = gazetteer.lookup("Mykolaiv Oblast")[0]
    assert mykolaiv.name_ru == "Николаевская область"  # pycountry has no Russian name for it


def test_settlements_are_those_of_ukraine_with_oblasts(gazetteer):
    settlements = [place for place in gazetteer.places() if place.kind == "settlement"]
    assert 5000 < len(settlements) < 6500
    assert all(place.admin1_code in DIVISION_CODES for place in settlements)
    assert [place.name for place in gazetteer.places() if place.kind == "country"] == ["Ukraine"]


@pytest.mark.parametrize(
    ("geonames_id", "name", "name_uk", "name_ru"),
    [
        (707292, "Izium", "Ізюм", "Изюм"),
        (712926, "Balakliia", "Балаклія", "Балаклея"),
        (706483, "Kharkiv", "Харків", "Харьков"),
        (703448, "Kyiv", "Київ", "Киев"),
        (709717, "Donetsk", "Донецьк", "Донецк"),
        (700569, "Mykolaiv", "Миколаїв", "Николаев"),
        (703845, "Kryvyi Rih", "Кривий Ріг", "Кривой Рог"),
        (696643, "Poltava", "Полтава", "Полтава"),
    ],
)
def test_settlement_names_use_the_ukrainian_transliteration(gazetteer, geonames_id, name, name_uk, name_ru):
    place = gazetteer.by_geonames_id(geonames_id)
    assert (place.name, place.name_uk, place.name_ru) == (name, name_uk, name_ru)


def test_settlements_name_their_oblast(gazetteer):
    izium = gazetteer.by_geonames_id(707292)
    assert (izium.kind, izium.admin1, izium.admin1_code) == ("settlement", "Kharkiv Oblast", "UA-63")
    assert izium.population > 40_000
    assert str(izium) == "Izium, Kharkiv Oblast"


@pytest.mark.parametrize("name", ["Izium", "Izyum", "Ізюм", "Ізюмі", "Изюме", "izium"])
def test_lookup_accepts_any_spelling_or_case(gazetteer, name):
    assert gazetteer.lookup(name)[0].geonames_id == 707292


def test_lookup_tells_city_from_oblast(gazetteer):
    assert gazetteer.lookup("Kharkiv")[0].kind == "settlement"
    assert gazetteer.lookup("Kharkiv region")[0].kind == "oblast"
    assert gazetteer.lookup("Харківщина")[0].admin1_code == "UA-63"
    assert gazetteer.lookup("UA-63")[0].name == "Kharkiv Oblast"
    assert gazetteer.lookup("Kyiv City")[0].admin1_code == "UA-30"
    assert gazetteer.lookup("Atlantis") == []


def test_lookup_puts_homonyms_most_populous_first(gazetteer):
    lymans = [place for place in gazetteer.lookup("Lyman") if place.name == "Lyman"]
    assert [place.admin1_code for place in lymans] == ["UA-14", "UA-63", "UA-51"]


def test_best_prefers_the_oblast_near_text_names(gazetteer):
    assert gazetteer.best("Lyman").admin1_code == "UA-14"
    assert gazetteer.best("Lyman", near_text="Lyman, Kharkiv region, was shelled.").admin1_code == "UA-63"
    assert gazetteer.best("Лиман", near_text="Лиман на Одещині").admin1_code == "UA-51"
    assert gazetteer.best("Nowhere at all") is None


def test_default_is_built_once():
    assert Gazetteer.default() is Gazetteer.default()


def test_a_small_gazetteer_can_be_built_from_plain_records():
    village = Place(1, "Hrakove", "settlement", "Kharkiv Oblast", "UA-63", 49.4, 36.6, 900, "Гракове", "Граково")
    small = Gazetteer([(village, [("Hrakove", 0), ("Гракове", 0), ("Граково", 0)])])
    assert [m.place for m in small.find("У Граковому і в Гракове.")] == [village, village]
    assert list(small.places()) == [village]
