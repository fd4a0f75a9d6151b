import pytest

from litopys.extraction.bounds import quantities
from litopys.extraction.numbers import find_numbers


def bounds(text):
    return [(q.min, q.max, q.approximate) for q in quantities(text, find_numbers(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 1,000 civilians", (1000, None, False)),
        ("no fewer than 12", (12, None, False)),
        ("more than 20", (20, None, False)),
        ("over 400 graves", (400, None, False)),
        ("1,000+ victims", (1000, None, False)),
        ("447 or more", (447, None, False)),
        ("almost 450 bodies", (None, 450, True)),
        ("nearly 200 children", (None, 200, True)),
        ("up to 30", (None, 30, True)),
        ("fewer than 50", (None, 50, True)),
        ("no more than 20", (None, 20, False)),
        ("approximately 6,000", (6000, 6000, True)),
        ("about 900 graves", (900, 900, True)),
        ("around 40", (40, 40, True)),
        ("some 40 people", (40, 40, True)),
        ("щонайменше тисяча", (1000, None, False)),
        ("не менше 25", (25, None, False)),
        ("понад 6 тисяч", (6000, None, False)),
        ("більше ніж 20", (20, None, False)),
        ("майже 30", (None, 30, True)),
        ("близько 450", (450, 450, True)),
        ("приблизно 40", (40, 40, True)),
        ("до 200 людей", (None, 200, True)),
        ("не більше 20", (None, 20, False)),
        ("не менее 1000", (1000, None, False)),
        ("по меньшей мере 12", (12, None, False)),
        ("более 20", (20, None, False)),
        ("свыше 300", (300, None, False)),
        ("почти 50", (None, 50, True)),
        ("около 15", (15, 15, True)),
        ("примерно 116", (116, 116, True)),
        ("447 bodies", (447, 447, False)),
        ("hundreds of bodies", (200, None, True)),
    ],
)
def test_bound_words(text, expected):
    assert bounds(text) == [expected]


def test_a_verb_of_change_makes_do_exact():
    assert bounds("кількість загиблих зросла до 447") == [(447, 447, False)]
    assert bounds("число погибших возросло до 447") == [(447, 447, False)]


@pytest.mark.parametrize(
    "text", ["from 150 to 200 people", "від 150 до 200 людей", "от 150 до 200", "150-200", "between 150 and 200"]
)
def test_ranges(text):
    assert bounds(text) == [(150, 200, False)]


def test_two_or_three_is_an_approximate_range():
    assert bounds("two or three bodies") == [(2, 3, True)]


def test_the_span_covers_the_bound_words():
    text = "found at least 1,000 bodies"
    (quantity,) = quantities(text, find_numbers(text))
    assert text[quantity.start : quantity.end] == "at least 1,000"
