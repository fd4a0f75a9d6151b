import pytest

from litopys.extraction import extract
from litopys.extraction.numbers import MAX_VALUE, find_numbers


def values(text):
    return [n.value for n in find_numbers(text) if not n.year_like]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("447 bodies", [447]),
        ("at least 1,000 civilians", [1000]),
        ("1 000 people", [1000]),
        ("6\u202f000 km", [6000]),
        ("6\u00a0000 km", [6000]),
        ("1.000 people", [1000]),
        ("1,5 тис. людей", [1500]),
        ("2.5 thousand people", [2500]),
        ("5 тисяч", [5000]),
        ("twenty-two residents", [22]),
        ("two hundred and five", [205]),
        ("four hundred forty seven", [447]),
        ("п'ять тіл", [5]),
        ("пʼять тіл", [5]),
        ("п’ятьох цивільних", [5]),
        ("десять катівень", [10]),
        ("тисяча мирних жителів", [1000]),
        ("дві тисячі", [2000]),
        ("шесть человек", [6]),
        ("двое детей", [2]),
        ("два десятки місць", [20]),
        ("двісті п'ять", [205]),
        ("a dozen graves", [12]),
    ],
)
def test_counts_in_digits_and_words(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "23 September",
        "September 23",
        "23 вересня",
        "15 сентября",
        "23.09.2022",
        "2022-09-23",
        "23.09",
        "Bykivnia¹, Katyn²",
        "as cited [1]",
        "at 9:00 and 15:30",
        "о 10 годині",
        "+380 57 700 00 00",
        "0 800 50 17 20",
        "(044) 123-45-67",
        "the 5th day",
        "3-й батальйон",
        "99% of them",
        "21/8 Instytutska Street",
        "Article 438",
        "ст. 438",
        "2014-2025",
        "COVID19",
    ],
)
def test_not_counts(text):
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("У вересні 447 тіл знайшли в лісі", [447]),
        ("In September 447 bodies were found", [447]),
        ("у вересні 30 людей загинули", [30]),
        ("в сентябре 12 человек пропали", [12]),
        ("on September 16 police found 12 bodies", [12]),
        ("since March 2022 some 3,000 people", [3000]),
        ("у вересні 2022 року 59 тіл", [59]),
    ],
)
def test_a_month_name_takes_only_a_day_or_a_year(text, expected):
    assert values(text) == expected


def test_one_is_found_but_spelled():
    (number,) = find_numbers("one child")
    assert number.value == 1 and number.spelled


def test_years_are_flagged():
    numbers = find_numbers("in 1940 and in 2022")
    assert [n.value for n in numbers] == [1940, 2022]
    assert all(n.year_like for n in numbers)


def test_vague_plurals_are_lower_bounds():
    (number,) = find_numbers("hundreds of bodies")
    assert number.value == 200 and number.vague
    (number,) = find_numbers("десятки тисяч людей")
    assert number.value == 20000 and number.vague


def test_absurd_numbers_are_dropped_not_crashing():
    assert values("10^100 bodies") == []
    assert values("1" * 40 + " bodies") == []
    assert values("9" * 5000) == []
    assert all(n.value < MAX_VALUE for n in find_numbers("1,000,000,000,000 bodies and 3 bodies"))


def test_ranges_give_both_ends():
    assert values("150-200 people") == [150, 200]
    assert values("10–15") == [10, 15]


def test_offsets_point_at_the_number():
    text = "Of the 447 bodies found, 1,000"
    assert [text[n.start : n.end] for n in find_numbers(text)] == ["447", "1,000"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("0.5 billion", 500_000_000), ("0,5 млрд", 500_000_000), ("0,5 мільярда", 500_000_000),
     ("0,5 миллиарда", 500_000_000), ("2 тис.", 2000), ("1,5 млн", 1_500_000)],
)
def test_billions_multiply(text, value):
    assert [n.value for n in find_numbers(text)] == [value]


@pytest.mark.parametrize(
    "text",
    ["Police found 10 billion bodies.", "Знайдено 10 мільярдів тіл.", "Найдено 10 млрд тел.",
     "Police found ten billion bodies."],
)
def test_ten_billion_is_no_count_of_ten(text):
    assert [(c.min, c.max) for c in extract(text).claims] == []


@pytest.mark.parametrize(
    "text", ["Police found -5 bodies.", "Знайдено −5 тіл.", "Temperature (-5) and 3 bodies found."]
)
def test_a_negative_number_is_no_count(text):
    assert 5 not in [c.min for c in extract(text).claims]
