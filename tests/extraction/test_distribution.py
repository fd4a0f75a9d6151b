"""A total broken down across places: each part a claim of the total's kind at its own place, same speaker and date.

Every text here is synthetic, written for these tests (not taken from the sealed set).
"""

import datetime

import pytest

from litopys.extraction import extract

PUBLISHED = datetime.date(2023, 5, 10)
TEXTS = {
    "en": "The Kherson regional police said on Monday that at least 10 torture chambers were found in the region: "
          "six of them in Kherson, two in Beryslav, and one each in Bilozerka and Chornobaivka.",
    "uk": "Поліція Херсонської області в понеділок повідомила, що в області виявили щонайменше 10 катівень: шість із "
          "них у Херсоні, дві — у Бериславі, і по одній у Білозерці та Чорнобаївці.",
    "ru": "Полиция Херсонской области в понедельник сообщила, что в области обнаружили не менее 10 пыточных: шесть из "
          "них в Херсоне, две — в Бериславе, и по одной в Белозерке и Чернобаевке.",
}
PARTS = [(6, "Kherson"), (2, "Beryslav"), (1, "Bilozerka"), (1, "Chornobaivka")]


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_a_total_broken_down_across_places_gives_a_claim_per_place(language):
    total, *parts = extract(TEXTS[language], published=PUBLISHED).claims
    assert (total.kind, total.min, total.max, total.place["name"]) == ("torture_sites", 10, None, "Kherson Oblast")
    assert [(part.min, part.max, part.place["name"]) for part in parts] == [(n, n, name) for n, name in PARTS]
    speaker = "Main Directorate of the National Police in Kherson Oblast"
    for claim in (total, *parts):
        assert claim.kind == "torture_sites" and claim.attributed_to.name == speaker
        assert claim.date == datetime.date(2023, 5, 8)


def test_parts_in_parentheses_keep_the_totals_kind_and_qualifiers():
    text = "Over the week 174 civilians were killed, the mission said (61 in Kharkiv Oblast, 40 in Donetsk Oblast)."
    total, *parts = extract(text, published=PUBLISHED).claims
    assert (total.kind, total.min, total.qualifiers) == ("killed", 174, {"status": "civilian"})
    assert [(p.kind, p.min, p.qualifiers, p.place["name"]) for p in parts] == [
        ("killed", 61, {"status": "civilian"}, "Kharkiv Oblast"), ("killed", 40, {"status": "civilian"},
                                                                   "Donetsk Oblast")]
    assert total.place["name"] == "Ukraine"  # several oblasts: the country holds them all


def test_parts_after_a_dash_with_one_each_before_the_number():
    text = "Всього в Харківській області знайшли 12 масових поховань – по два у Харкові та Ізюмі, вісім у Балаклії."
    total, *parts = extract(text, published=PUBLISHED).claims
    assert (total.kind, total.min, total.place["name"]) == ("mass_graves", 12, "Kharkiv Oblast")
    assert [(p.min, p.place["name"]) for p in parts] == [(2, "Kharkiv"), (2, "Izium"), (8, "Balakliia")]


def test_a_list_of_places_without_numbers_is_no_breakdown():
    text = "Police found 25 bodies in three villages: Hrakove, Tsyrkuny and Kozacha Lopan."
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.kind, c.min) for c in claims] == [("bodies", 25)]


def test_a_place_before_its_number_after_a_dash():
    text = "Під час окупації в Київській області загинули 14 цивільних: у Бучі — 8, у Гостомелі — 6."
    total, *parts = extract(text, published=PUBLISHED).claims
    assert (total.kind, total.min, total.place["name"]) == ("killed", 14, "Kyiv Oblast")
    assert [(p.kind, p.min, p.qualifiers, p.place["name"]) for p in parts] == [
        ("killed", 8, {"status": "civilian"}, "Bucha"), ("killed", 6, {"status": "civilian"}, "Hostomel")]


def test_a_whole_opening_its_clause_is_broken_down_after_its_comma():
    text = "Of the 120 civilians detained in the Kharkiv region, 70 were held in Izium and 50 in Balakliia."
    total, *parts = extract(text, published=PUBLISHED).claims
    assert (total.kind, total.min, total.place["name"]) == ("detained", 120, "Kharkiv Oblast")
    assert [(p.min, p.qualifiers, p.place["name"]) for p in parts] == [
        (70, {"status": "civilian"}, "Izium"), (50, {"status": "civilian"}, "Balakliia")]


def test_a_date_between_the_reporting_verb_and_the_speaker():
    text = ("Всего обнаружено 12 мест массовых захоронений, сообщил 30 сентября глава Национальной полиции "
            "Игорь Клименко.")
    [claim] = extract(text, published=datetime.date(2022, 10, 1)).claims
    assert claim.attributed_to.name == "Игорь Клименко" and claim.date == datetime.date(2022, 9, 30)
