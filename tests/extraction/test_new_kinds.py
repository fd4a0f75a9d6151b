"""Attacks and damaged or destroyed civilian objects, in the three languages, with their qualifiers.

Every text here is synthetic, written for these tests (not taken from the sealed set).
"""

import datetime

import pytest

from litopys import vocab
from litopys.extraction import extract

PUBLISHED = datetime.date(2024, 3, 11)
DAILY = {
    "en": "Over the past day the occupiers shelled 12 settlements of Kharkiv region 30 times; 14 homes and a school "
          "were damaged.",
    "uk": "За минулу добу окупанти 30 разів обстріляли 12 населених пунктів Харківщини. Пошкоджено 14 приватних "
          "будинків та школу.",
    "ru": "За прошедшие сутки оккупанты 30 раз обстреляли 12 населенных пунктов Харьковской области. Повреждены 14 "
          "частных домов и школа.",
}


def found(text, **kwargs):
    return [(c.kind, c.min, c.max, c.qualifiers) for c in extract(text, published=PUBLISHED, **kwargs).claims]


@pytest.mark.parametrize("language", sorted(DAILY))
def test_a_daily_summary_counts_attacks_not_settlements_and_each_object(language):
    assert found(DAILY[language]) == [
        ("attacks", 30, 30, {}),
        ("objects_damaged", 14, 14, {"object": "home"}),
        ("objects_damaged", 1, 1, {"object": "school"}),
    ]


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("Russian forces launched 8 drone attacks on Sumy region overnight.", "drone"),
        ("Росіяни завдали 5 ударів КАБами по Куп'янську.", "aerial_bomb"),
        ("Оккупанты нанесли 4 удара из РСЗО по Никополю.", "mlrs"),
        ("The enemy carried out 16 artillery attacks on Nikopol.", "artillery"),
    ],
)
def test_an_attacks_weapon_is_the_one_its_sentence_states(text, weapon):
    [(kind, _, _, qualifiers)] = found(text)
    assert kind == "attacks" and qualifiers == {"weapon": weapon}


def test_two_weapons_give_no_weapon():
    [(kind, value, _, qualifiers)] = found("The army shelled Kherson 25 times with artillery and drones.")
    assert (kind, value, qualifiers) == ("attacks", 25, {})


def test_damaged_and_destroyed_are_decided_by_what_was_done():
    text = "Three apartment buildings were damaged and two cars destroyed."
    assert found(text) == [("objects_damaged", 3, 3, {"object": "apartment_building"}),
                           ("objects_destroyed", 2, 2, {"object": "vehicle"})]
    text = "Зруйновано 3 будинки, пошкоджено лінію електропередачі. Загинули двоє людей."
    assert found(text) == [("objects_destroyed", 3, 3, {"object": "home"}),
                           ("objects_damaged", 1, 1, {"object": "energy"}), ("killed", 2, 2, {})]


def test_objects_with_no_type_have_no_qualifier_and_people_are_never_objects():
    assert found("Пошкоджено 20 будівель, поранено 3 людей.") == [("objects_damaged", 20, 20, {}),
                                                                  ("injured", 3, 3, {})]


def test_a_place_where_people_were_is_no_object():
    assert found("Двох застрелили біля колодязя, ще трьох — у машині.") == [("killed", 2, 2, {}),
                                                                             ("killed", 3, 3, {})]


def test_an_object_not_damaged_is_no_claim():
    assert found("The school near 3 hospitals reopened.") == []


def test_the_new_kinds_are_in_the_vocabulary_with_labels_in_english_and_ukrainian():
    kinds = vocab.load("claim_kinds")
    for code in ("attacks", "objects_damaged", "objects_destroyed"):
        assert kinds[code]["label"]["en"] and kinds[code]["label"]["uk"]
    assert set(kinds["attacks"]["qualifiers"]) == {"weapon", "target"}
    assert set(kinds["objects_damaged"]["qualifiers"]) == set(kinds["objects_destroyed"]["qualifiers"]) == {"object"}


def test_the_json_contract_gains_only_kinds_and_qualifier_values():
    [claim] = extract("Russian forces launched 8 drone attacks on Sumy region.", published=PUBLISHED).to_dict()[
        "claims"]
    assert set(claim) == {"kind", "min", "max", "approximate", "qualifiers", "place", "attributed_to", "date", "quote",
                          "start", "end"}
    assert claim["qualifiers"] == {"weapon": "drone"}


@pytest.mark.parametrize("text", ["One man, aged 68, was wounded.", "В возрасте 45 лет погиб мужчина."])
def test_an_age_before_its_number_is_no_count(text):
    assert all(value != 68 and value != 45 for _, value, _, _ in found(text))


def test_people_after_a_count_of_things_are_no_part_of_it():
    text = "In Marhanets 4 cars burned down. One man was wounded."
    assert found(text) == [("objects_destroyed", 4, 4, {"object": "vehicle"}), ("injured", 1, 1, {"sex": "male"})]
