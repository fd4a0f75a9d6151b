"""Phrasings learnt in the seventh round of issue 16 (development sets only), in the three languages.

Every text here is synthetic, written for these tests; nothing comes from a sealed set.
"""

import pytest

from .phrasing import claims


def counted(text):
    return [(c["kind"], c["min"]) for c in claims(text)]


def placed(text):
    return [(c["kind"], c["min"], (c["place"] or {}).get("name")) for c in claims(text)]


def spoken(text):
    return [(c["kind"], c["min"], (c["attributed_to"] or {}).get("name")) for c in claims(text)]


@pytest.mark.parametrize("text", [
    "The mission says about two thirds of the victims were killed by missiles.",
    "Місія наголошує, що близько двох третин жертв спричинили удари ракетами.",
    "Миссия отмечает, что около двух третей жертв погибли от ракетных ударов.",
    "Три чверті загиблих — цивільні.",
    "П'ять відсотків поранених — діти.",
])
def test_a_fraction_or_percentage_in_words_counts_nobody(text):
    assert counted(text) == []


def test_a_count_beside_a_fraction_still_counts():
    assert counted("About two thirds of the 40 people killed were civilians.") == [("killed", 40)]


@pytest.mark.parametrize("text, speaker", [
    ("Іван Федоров, начальник Запорізької ОВА:\n\nВорог завдав 412 ударів по населених пунктах.\n\n"
     "Пошкоджено 14 будинків.", "Іван Федоров"),
    ("Иван Федоров, глава Запорожской ОВА:\n\nВраг нанёс 412 ударов по населённым пунктам.\n\n"
     "Повреждены 14 домов.", "Иван Федоров"),
])
def test_an_opening_line_giving_the_words_with_no_headline_gives_them_for_the_whole_post(text, speaker):
    assert spoken(text) == [("attacks", 412, speaker), ("objects_damaged", 14, speaker)]


def test_a_paragraph_ending_with_a_colon_is_no_opening_without_a_speaker():
    text = "За минулу добу сталося таке:\n\nВорог завдав 412 ударів по населених пунктах.\n\nПошкоджено 14 будинків."
    assert {speaker for _, _, speaker in spoken(text)} == {None}


@pytest.mark.parametrize("text", [
    "Харківська ОВА\n\nВорог завдав 412 ударів по 8 населених пунктах області.\n\nДеталі згодом.",
    "Начальник Харківської ОВА Олег Синєгубов повідомив, що ворог завдав 412 ударів по населених пунктах області.",
    "Oleh Syniehubov, head of the Kharkiv Regional Military Administration, said Russian forces shelled settlements"
    " in the region 412 times.",
    "Глава Харьковской ОВА Олег Синегубов сообщил, что враг нанёс 412 ударов по населённым пунктам области.",
])
def test_the_region_of_a_regional_body_or_its_head_is_its_oblast(text):
    assert placed(text) == [("attacks", 412, "Kharkiv Oblast")]


def test_the_region_named_before_wins_over_the_speakers():
    text = ("Начальник Харківської ОВА Олег Синєгубов розповів про Запорізьку область. "
            "Ворог завдав 412 ударів по населених пунктах області.")
    assert placed(text) == [("attacks", 412, "Zaporizhzhia Oblast")]
