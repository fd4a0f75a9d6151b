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


def test_dates_read_without_dateparser_agree_with_it():
    from litopys.extraction.dates import _UNSURE, _calendar, _dateparser

    snippets = {
        "en": ["16 September", "September 16, 2022", "Sept. 16", "23rd of September", "24 September", "Jan 12",
               "30 February", "16.09.2022", "31.02.2022", "01.13.2022", "2022-09-16", "2022-02-30", "29 February"],
        "uk": ["23 вересня 2022", "23 Вересня", "1 травня", "7 листопада", "23 вересень", "23 вересні", "31 вересня",
               "16.09.2022", "16 September"],
        "ru": ["15 сентября 2022", "3 декабря", "23 мая", "23 мае", "5 март", "16.9.2022", "23 вересня"],
    }
    for published in (FRIDAY, datetime.date(2024, 3, 1)):
        for language, forms in snippets.items():
            for snippet in forms:
                fast = _calendar(snippet, language, published)
                assert fast is _UNSURE or fast == _dateparser(snippet, language, published), (snippet, language)
