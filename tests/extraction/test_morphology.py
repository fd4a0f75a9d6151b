"""Morphology through pymorphy3: number words in every case and gender, lemma entries, unknown places' nominatives.

All texts here are synthetic, written for these tests.
"""

import pytest

from litopys.extraction import extract, morphology
from litopys.extraction.lexicon.loading import lemma_pattern
from litopys.extraction.numbers import find_numbers


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("двохсот сорока сімох", 247),
        ("трьомстам", 300),
        ("ста сорока шести", 146),
        ("шістнадцятьох", 16),
        ("п'ятьома", 5),
        ("двомастами", 200),
        ("семерых", 7),
        ("трёмстам", 300),
        ("тремстам", 300),
        ("двумястами", 200),
        ("пятьюстами", 500),
        ("тисячами", 1000),
    ],
)
def test_number_words_are_read_in_every_case_and_gender(phrase, value):
    assert [number.value for number in find_numbers(phrase)] == [value]


@pytest.mark.parametrize("phrase", ["сьома година", "втратили семью"])
def test_a_form_the_analyser_reads_first_as_another_word_is_no_number(phrase):
    assert find_numbers(phrase) == []


def test_inflected_numbers_count_people_in_a_sentence():
    [claim] = extract("Окупанти утримували в підвалі двохсот сорока сімох мешканців села.").claims
    assert (claim.kind, claim.min) == ("detained", 247)


def test_a_lemma_entry_stands_for_every_form_of_its_word():
    import re

    pattern = re.compile(lemma_pattern("будинок", "uk"))
    for form in ("будинок", "будинки", "будинків", "будинками", "будинку"):
        assert pattern.fullmatch(form), form
    assert not pattern.fullmatch("будинкам-и")


def test_the_languages_read_with_an_analyser_are_those_whose_lexicon_names_one():
    assert set(morphology.languages()) == {"uk", "ru"}
    assert morphology.analyzer("en") is None


@pytest.mark.parametrize(
    ("written", "language", "name"),
    [("Ягідному", "uk", "Yahidne"), ("Андріївці", "uk", "Andriivka"), ("Циркунах", "uk", "Tsyrkuny"),
     ("Рай-Олександрівці", "uk", "Rai-Oleksandrivka"), ("Стариці", "uk", "Starytsia"), ("Hrakove", "uk", "Hrakove")],
)
def test_an_unknown_place_is_named_in_the_nominative(written, language, name):
    from litopys.extraction.unknown_places import unknown_name

    assert unknown_name(written, language) == name
