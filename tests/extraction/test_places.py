"""Where a claim is, through the real gazetteer: districts, villages with their district, streets, clauses."""

import datetime

from litopys.extraction import extract

PUBLISHED = datetime.date(2022, 9, 23)
KUPIANSK_DISTRICT = {"name": "Kupiansk district", "geonames_id": None, "admin1": "Kharkiv Oblast"}


def places(text):
    return [(c.kind, c.min, c.place) for c in extract(text, published=PUBLISHED).claims]


def test_a_district_is_a_place_of_its_own_in_its_centres_oblast():
    [claim] = extract("У Куп'янському районі під завалами знайшли тіла трьох людей.").claims
    assert claim.place == KUPIANSK_DISTRICT


def test_each_count_takes_the_place_of_its_clause():
    text = (
        "The number of civilians confirmed dead in the Kupiansk district has risen to 52, bringing the total for "
        "the Kharkiv region since February to more than 1,000, regional prosecutors said."
    )
    [district, region] = places(text)
    assert district[2] == KUPIANSK_DISTRICT
    assert region[2]["name"] == "Kharkiv Oblast"


def test_the_district_is_the_one_named_before():
    text = (
        "In the Kupiansk district 52 civilians were killed, more than anywhere else in the Kharkiv region. "
        "Another 16 children died in the district."
    )
    assert [place for _, _, place in places(text)] == [KUPIANSK_DISTRICT, KUPIANSK_DISTRICT]


def test_a_village_followed_by_its_district_is_the_village():
    text = (
        "18 вересня в с. Козача Лопань Харківського району виявлено масове поховання. "
        "Із землі вилучено тіла 17 осіб."
    )
    grave, claim = extract(text, published=PUBLISHED).claims  # a mass grave found, named once: one (issue 16)
    assert (grave.kind, grave.min) == ("mass_graves", 1)
    assert all(c.place["name"] == "Kozacha Lopan" and c.place["geonames_id"] for c in (grave, claim))


def test_an_unknown_village_keeps_its_name_without_the_district():
    [claim] = extract("У селі Гракове Чугуївського району знайшли тіла двох людей.").claims
    assert claim.place == {"name": "Hrakove", "geonames_id": None, "admin1": None}


def test_an_unknown_village_is_named_in_the_nominative_and_the_national_transliteration():
    """Synthetic: the gazetteer knows neither village; their names are inflected in the text."""
    [claim] = extract("У селі Ягідному окупанти утримували 360 людей.").claims
    assert claim.place["name"] == "Yahidne"
    [claim] = extract("У селі Новій Гуті знайшли тіла трьох людей.").claims
    assert claim.place["name"] == "Nova Huta"  # the adjective agrees with its noun
    [claim] = extract("В селе Ягодном задержали 12 человек.", language="ru").claims
    assert claim.place["name"] == "Yahodnoe"  # the Russian name, in the same transliteration


def test_a_street_is_not_a_village():
    [claim] = extract("На вулиці Жовтневій у Балаклії знайшли тіла трьох людей.").claims
    assert claim.place["name"] == "Balakliia"


def test_a_district_in_the_headline_and_its_centre_in_the_text_are_one_claim():
    text = "Росіяни вбили 25 мирних жителів Куп'янського району\n\nУ Куп'янську загинули 25 цивільних."
    [claim] = extract(text, published=PUBLISHED).claims
    assert (claim.kind, claim.min, claim.place) == ("killed", 25, KUPIANSK_DISTRICT)


def test_a_long_paragraph_of_claims_is_read_once(gazetteer):
    """A paragraph of thousands of claims without places: the gazetteer reads each sentence once, not the
    paragraph up to each claim (which took time growing with the square of the paragraph's length)."""
    read = []
    find = gazetteer.find
    gazetteer.find = lambda text: read.append(len(text)) or find(text)
    text = "5 bodies. " * 5000
    assert len(extract(text, gazetteer=gazetteer).claims) == 1  # repeats of one claim
    assert sum(read) <= 2 * len(text)


def test_a_district_with_an_irregular_adjective_is_the_district():
    """Synthetic: "Бучанський" is not made from "Буча" by rule; the gazetteer's data lists it."""
    [claim] = extract("У Бучанському районі знайшли тіла 360 цивільних.").claims
    assert claim.place == {"name": "Bucha district", "geonames_id": None, "admin1": "Kyiv Oblast"}
