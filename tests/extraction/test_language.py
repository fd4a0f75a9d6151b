import pytest

from litopys.extraction.language import detect


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Investigators found 447 bodies near Izium.", "en"),
        ("Слідчі знайшли 447 тіл біля Ізюма.", "uk"),
        ("Следователи нашли 447 тел под Изюмом, их эксгумировали.", "ru"),
        ("Загинули троє людей", "uk"),
        ("", "en"),
        ("12345 !!!", "en"),
    ],
)
def test_detect(text, expected):
    assert detect(text) == expected


def test_mixed_script_goes_by_the_majority():
    assert detect("Izium (Ізюм) — місто на Харківщині, де знайшли масове поховання.") == "uk"


def test_long_text_is_sampled_but_still_right():
    assert detect("Слідчі знайшли тіла. " * 50_000) == "uk"
