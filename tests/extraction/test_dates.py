import datetime

import pytest

from litopys.extraction import extract
from litopys.extraction.dates import find_date, parse

FRIDAY = datetime.date(2022, 9, 23)


@pytest.mark.parametrize(
    ("snippet", "language", "expected"),
    [
        ("Friday", "en", FRIDAY),
        ("Monday", "en", datetime.date(2022, 9, 19)),
        ("п'ятницю", "uk", FRIDAY),
        ("пятницу", "ru", FRIDAY),
        ("yesterday", "en", datetime.date(2022, 9, 22)),
        ("вчора", "uk", datetime.date(2022, 9, 22)),
        ("16 September", "en", datetime.date(2022, 9, 16)),
        ("September 16, 2022", "en", datetime.date(2022, 9, 16)),
        ("23 вересня 2022", "uk", FRIDAY),
        ("15 сентября 2022", "ru", datetime.date(2022, 9, 15)),
        ("16.09.2022", "en", datetime.date(2022, 9, 16)),
        ("2022-09-16", "en", datetime.date(2022, 9, 16)),
    ],
)
def test_parse(snippet, language, expected):
    assert parse(snippet, language, FRIDAY) == expected


def test_without_publication_date_only_full_dates_resolve():
    assert parse("Friday", "en", None) is None
    assert parse("16 September", "en", None) is None
    assert parse("16 September 2022", "en", None) == datetime.date(2022, 9, 16)


def test_month_and_year_alone_is_no_date():
    assert find_date("since the town was liberated in September 2022", "en", FRIDAY) is None


def test_a_claim_gets_the_date_its_speaker_stated_it(gazetteer):
    text = "Ihor Klymenko said on Friday that work near Izium was over. Searchers found 447 bodies there."
    (claim,) = extract(text, published=FRIDAY, gazetteer=gazetteer).claims
    assert claim.date == FRIDAY


def test_a_claim_without_any_date_has_none(gazetteer):
    (claim,) = extract("Searchers found 447 bodies near Izium.", published=FRIDAY, gazetteer=gazetteer).claims
    assert claim.date is None
