"""Districts of cities are no raions: "у Приморському районі" in a text on Odesa is Odesa."""

import pytest

from litopys.places.citydistricts import city_of


@pytest.mark.parametrize("text, written, city", [
    ("В Одесі ворог атакував порт. У Приморському районі пошкоджено 4 будинки.", "Приморському районі", "Odesa"),
    ("У Салтівському районі пошкоджено 4 будинки, повідомив мер Харкова.", "Салтівському районі", "Kharkiv"),
    ("В Херсоне в Днепровском районе ранены двое.", "Днепровском районе", "Kherson"),
    ("In Kyiv's Solomianskyi district four people were injured.", "Solomianskyi district", "Kyiv"),
])
def test_a_citys_district_in_a_text_naming_the_city_is_the_city(text, written, city):
    assert city_of(text, written, text.index(written)) == city


@pytest.mark.parametrize("text, written", [
    ("У Приморському районі пошкоджено 4 будинки.", "Приморському районі"),  # no city named: the raion
    ("У Бахмутському районі пошкоджено 4 будинки, повідомили в Одесі.", "Бахмутському районі"),  # no city's district
])
def test_a_district_of_no_named_city_is_left_alone(text, written):
    assert city_of(text, written, text.index(written)) is None


def test_the_city_named_nearest_wins_when_several_have_a_district_of_that_name():
    text = "Про обстріл Києва. Окремо в Херсоні у Дніпровському районі поранено двох."
    assert city_of(text, "Дніпровському районі", text.index("Дніпровському")) == "Kherson"
