"""Phrasings learnt in the third round of issue 16 (development sets only), in the three languages.

Every text here is synthetic, written for these tests; nothing comes from the sealed set.
"""

import datetime

import pytest

from litopys.extraction import extract

PUBLISHED = datetime.date(2024, 7, 17)


def claims(text, gazetteer=None):
    return extract(text, published=PUBLISHED, gazetteer=gazetteer).to_dict()["claims"]


def found(text, gazetteer=None):
    return [(c["kind"], c["min"], c["max"], c["qualifiers"]) for c in claims(text, gazetteer)]


@pytest.mark.parametrize(
    "text",
    [
        "Повреждены 56 гражданских объектов.",
        "Пошкоджено 56 цивільних об'єктів.",
        "56 civilian facilities were damaged.",
    ],
)
def test_a_word_of_people_describing_things_counts_the_things(text):
    assert found(text) == [("objects_damaged", 56, 56, {})]


def test_people_of_a_place_are_still_people():
    assert found("Ранены двое работников подстанции.") == [("injured", 2, 2, {})]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Об этом сообщили в ГУНП в Донецкой области. Полицейские зафиксировали 12 обстрелов.",
         "Main Directorate of the National Police in Donetsk Oblast"),
        ("Про це повідомили в ГУНП в Донецькій області. Поліцейські зафіксували 12 обстрілів.",
         "Main Directorate of the National Police in Donetsk Oblast"),
    ],
)
def test_officers_of_a_body_named_before_speak_for_it(text, speaker):
    (claim,) = claims(text)
    assert (claim["kind"], claim["min"], claim["attributed_to"]["name"]) == ("attacks", 12, speaker)


def test_one_each_over_a_place_with_a_possessive_adjective():
    text = "Россияне убили 4 жителей Донецкой области: двоих в Торецке и по одному в Курахово и Часовом Яре."
    places = [(c["min"], c["place"]["name"]) for c in claims(text)]  # the project's gazetteer
    assert places == [(4, "Donetsk Oblast"), (2, "Toretsk"), (1, "Kurakhove"), (1, "Chasiv Yar")]
