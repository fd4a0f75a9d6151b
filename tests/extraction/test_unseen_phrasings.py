"""Phrasings met in texts scored before any rule was written for them (en/uk/ru-25 to -29)."""

import datetime

import pytest

from litopys.extraction import extract
from litopys.extraction.numbers import find_numbers

PUBLISHED = datetime.date(2022, 9, 23)


def claims(text, gazetteer):
    found = extract(text, published=PUBLISHED, gazetteer=gazetteer).to_dict()["claims"]
    return [(c["kind"], c["min"], c["max"], c["qualifiers"]) for c in found]


def speakers(text, gazetteer):
    found = extract(text, published=PUBLISHED, gazetteer=gazetteer).to_dict()["claims"]
    return [(c["attributed_to"] or {}).get("name") for c in found]


@pytest.mark.parametrize(
    "text, value",
    [
        ("майже пів тисячі цивільних", 500),
        ("півтори тисячі людей", 1500),
        ("полтысячи человек", 500),
        ("загинули одинадцятеро людей", 11),
        ("тіла дванадцятьох людей", 12),
    ],
)
def test_halves_and_collective_numerals(text, value):
    assert [n.value for n in find_numbers(text)] == [value]


def test_half_alone_is_no_count():
    assert find_numbers("пів року тому") == []


def test_the_dead_of_a_count_of_bodies_are_those_bodies(gazetteer):
    text = (
        "In total, 447 bodies were exhumed near Izium.\n\n"
        "Two hundred and fifteen of the dead were women and 194 were men."
    )
    assert claims(text, gazetteer) == [
        ("bodies", 447, 447, {}),
        ("bodies", 215, 215, {"sex": "female"}),
        ("bodies", 194, 194, {"sex": "male"}),
    ]


def test_a_whole_named_again_before_its_part(gazetteer):
    text = (
        "Из массового захоронения в Изюме извлечены тела 111 человек. "
        "По его словам, из 111 погибших 35 были военными."
    )
    assert claims(text, gazetteer) == [("bodies", 111, 111, {}), ("bodies", 35, 35, {"status": "military"})]


def test_bodies_of_the_dead_count_bodies(gazetteer):
    assert claims("В Изюме обнаружены тела 432 погибших.", gazetteer) == [("bodies", 432, 432, {})]


def test_adjectives_of_sex_qualify_bodies(gazetteer):
    text = "В Ізюмі підняли 447 тіл. Із них 215 жіночих і 194 чоловічих."
    assert claims(text, gazetteer)[1:] == [
        ("bodies", 215, 215, {"sex": "female"}),
        ("bodies", 194, 194, {"sex": "male"}),
    ]


def test_places_where_people_were_tortured_are_torture_sites(gazetteer):
    text = "Investigators identified 11 places in the Kharkiv region where detainees were tortured."
    assert claims(text, gazetteer) == [("torture_sites", 11, 11, {})]
    text = "В Купянске задокументированы три места, где военные удерживали и пытали местных жителей."
    assert claims(text, gazetteer) == [("torture_sites", 3, 3, {})]


def test_places_where_nothing_happened_to_people_are_no_claim(gazetteer):
    assert claims("Evacuation buses stop at 11 places in Izium where the shelters are.", gazetteer) == []


def test_four_of_the_sites_are_no_count_of_people(gazetteer):
    text = "В Изюме обнаружено 11 мест пыток. В четырех из них найдены орудия пыток."
    assert claims(text, gazetteer) == [("torture_sites", 11, 11, {})]


def test_a_count_with_its_noun_left_out(gazetteer):
    text = "В Ізюмі таких місць щонайменше чотири, ще три — у Куп'янську."
    previous = "На Харківщині виявили понад 20 катівень.\n\n"
    assert claims(previous + text, gazetteer) == [
        ("torture_sites", 20, None, {}),
        ("torture_sites", 4, None, {}),
        ("torture_sites", 3, 3, {}),
    ]


def test_a_verb_of_its_own_clause_first(gazetteer):
    text = "No fewer than forty residents of Izium were held there; of them, at least 12 were subjected to torture."
    assert claims(text, gazetteer) == [("detained", 40, None, {}), ("tortured", 12, None, {})]


def test_a_number_linked_by_a_verb(gazetteer):
    text = "At least 60 residents of Izium are missing, and at least 40 are believed to be held in Russian prisons."
    assert ("detained", 40, None, {}) in claims(text, gazetteer)


def test_found_dead_counts_bodies(gazetteer):
    assert claims("In Izium four men were found dead in a pit.", gazetteer) == [("bodies", 4, 4, {"sex": "male"})]


def test_a_headline_restated_in_the_text_is_one_claim(gazetteer):
    text = (
        "Shelling kills 16 in Kupiansk\n\n"
        "Russian shelling of Kupiansk killed at least sixteen civilians over the past week, the governor said."
    )
    assert claims(text, gazetteer) == [("killed", 16, None, {"status": "civilian"})]


def test_a_headline_figure_the_text_does_not_restate_stays(gazetteer):
    text = "Shelling kills 3 in Kupiansk\n\nAt least 1,000 civilians have been killed in the Kharkiv region."
    assert len(claims(text, gazetteer)) == 2


def test_the_country_of_a_cited_law_is_no_place(gazetteer):
    text = "В Изюме работают следователи. С начала месяца обнаружены тела 63 погибших (ст. 438 УК Украины)."
    found = extract(text, published=PUBLISHED, gazetteer=gazetteer).to_dict()["claims"]
    assert found[0]["place"]["name"] == "Izium"


def test_a_surname_in_a_headline_is_the_person_named_in_full_below(gazetteer):
    text = (
        "Лубінець: з Ізюма вивезли 500 людей\n\n"
        "Омбудсман Дмитро Лубінець зустрівся з родинами. За його даними, з Ізюма до РФ вивезли 500 людей, "
        "зокрема 37 дітей."
    )
    assert set(speakers(text, gazetteer)) == {"Дмитро Лубінець"}


def test_she_says_is_the_woman_the_text_introduced(gazetteer):
    text = "Halyna, 58, lived in Izium. She says soldiers led away seven men."
    assert speakers(text, gazetteer) == ["Halyna"]


def test_who_reported_it_replaces_a_group_that_did_it(gazetteer):
    text = (
        "У Харківській області прокурори та слідчі задокументували понад двадцять катівень. "
        "Про це повідомив генпрокурор Андрій Костін."
    )
    assert speakers(text, gazetteer) == ["Андрій Костін"]


def test_a_subject_together_with_others_is_the_first_named(gazetteer):
    text = (
        "Прокуратура Харьковской области\n\n"
        "Прокуроры совместно со следователями Национальной полиции зафиксировали в Изюме 11 мест пыток."
    )
    assert speakers(text, gazetteer) == ["Kharkiv Regional Prosecutor's Office"]
