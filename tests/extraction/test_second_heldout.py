"""Phrasings met in the second batch of texts scored before any rule was written for them (en/uk/ru-30 to -34)."""

import datetime

import pytest

from litopys.extraction import extract
from litopys.extraction.numbers import find_numbers

PUBLISHED = datetime.date(2022, 9, 23)


def found(text, gazetteer):
    return extract(text, published=PUBLISHED, gazetteer=gazetteer).to_dict()["claims"]


def claims(text, gazetteer):
    return [(c["kind"], c["min"], c["max"], c["qualifiers"]) for c in found(text, gazetteer)]


@pytest.mark.parametrize("word, value", [("троих", 3), ("пятерых", 5), ("двоих", 2), ("десятерых", 10)])
def test_russian_collective_numerals_in_the_accusative(word, value):
    assert [n.value for n in find_numbers(f"задержали {word} жителей")] == [value]


def test_a_figure_passed_is_a_lower_bound(gazetteer):
    assert claims("Civilian death toll in Izium tops 9,000", gazetteer) == [("killed", 9000, None, {})]


def test_a_headline_figure_passed_is_restated_by_the_text(gazetteer):
    text = "Death toll in Izium tops 400\n\nPolice said at least 447 people were killed in Izium."
    assert claims(text, gazetteer) == [("killed", 447, None, {})]


def test_coordination_across_a_predicate_carries_bound_and_qualifier(gazetteer):
    text = "At least 50 prisoners of war were killed and 73 wounded in Izium."
    assert claims(text, gazetteer) == [
        ("killed", 50, None, {"status": "military"}),
        ("injured", 73, None, {"status": "military"}),
    ]


def test_coordination_after_a_part_carries_the_whole(gazetteer):
    text = "The mission verified at least 9,083 civilians killed, including 534 children, and 15,779 injured."
    assert claims(text, gazetteer) == [
        ("killed", 9083, None, {"status": "civilian"}),
        ("killed", 534, 534, {"age": "child", "status": "civilian"}),  # a part keeps its total's status (LABELLING.md)
        ("injured", 15779, None, {"status": "civilian"}),
    ]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("In Izium six residents were held in a basement. Three of the men were beaten and given electric shocks.",
         "tortured"),
        ("В Изюме задержали шестерых жителей. Троих из задержанных ежедневно избивали и пытали током.", "tortured"),
    ],
)
def test_a_part_of_a_group_takes_what_befell_it(text, kind, gazetteer):
    assert claims(text, gazetteer)[-1][0] == kind


def test_one_of_a_group_counts_when_a_verb_says_what_befell_them(gazetteer):
    text = "In Izium six residents were held in a basement. One of the detainees died of his injuries."
    assert claims(text, gazetteer) == [("detained", 6, 6, {}), ("killed", 1, 1, {})]
    assert claims("One of the mass graves in Izium was the largest.", gazetteer) == []


@pytest.mark.parametrize(
    "text",
    [
        "Earlier reports of 39 dead in Izium were revised upward.",
        "Earlier figures had put the toll in Izium at 50, the police said.",
        "Повернути додому вдалося лише 371 дитину.",
        "Вдалося встановити долю понад 4 тисяч людей, які вважалися зниклими.",
    ],
)
def test_superseded_figures_and_people_no_longer_counted(text, gazetteer):
    assert all(value != claim[1] for claim in claims(text, gazetteer) for value in (39, 50, 371, 4000))


def test_released_prisoners_bearing_torture_still_count(gazetteer):
    assert claims("В Ізюмі звільнено 95 полонених, у 40 з них сліди катувань.", gazetteer)[-1][0] == "tortured"


def test_a_liberated_area_is_still_an_area(gazetteer):
    assert claims("ВСУ освободили более 3 тыс. кв. км в Харьковской области.", gazetteer) == [
        ("area_km2", 3000, None, {})
    ]


def test_the_speaker_of_a_paragraph_ending_with_a_colon_speaks_the_next(gazetteer):
    text = (
        "Глава Харьковской ОВА Олег Синегубов сообщил в Telegram:\n\n"
        "Изюм. Погибших: 3, раненых: 19, в том числе двое детей."
    )
    assert [(c["attributed_to"] or {}).get("name") for c in found(text, gazetteer)] == ["Олег Синегубов"] * 3


def test_russian_defence_ministry_is_not_ukraines(gazetteer):
    text = "At least 50 prisoners were killed in Izium, Russia's defence ministry said."
    assert found(text, gazetteer)[0]["attributed_to"]["name"] == "Ministry of Defence of Russia"


def test_a_paragraph_listing_places_gives_none_to_the_next(gazetteer):
    text = (
        "The mission said on Monday that it had verified 90 civilians killed.\n\n"
        "Reports from Izium and Kupiansk arrive with delays.\n\nIn May, the mission recorded 136 civilians killed."
    )
    places = [(c["place"] or {}).get("name") for c in found(text, gazetteer)]
    assert places[-1] not in ("Izium", "Kupiansk")


def test_a_headline_country_is_the_place_when_nothing_nearer_is(gazetteer):
    text = "Civilian death toll in Ukraine tops 9,000\n\nThe mission said at least 9,083 civilians were killed."
    assert [(c["place"] or {}).get("name") for c in found(text, gazetteer)] == ["Ukraine"]
