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


def test_four_people_are_no_thursday():
    assert find_date("Среди раненых – четверо детей.", "ru", FRIDAY) is None
    assert find_date("щонайменше четверо загиблих", "uk", FRIDAY) is None
    assert find_date("у четвер", "uk", FRIDAY)[0] == datetime.date(2022, 9, 22)
    assert find_date("в четверг", "ru", FRIDAY)[0] == datetime.date(2022, 9, 22)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("killed since 24 February 2022", "en", None),
        ("з 24 лютого загинули", "uk", None),
        ("с 24 февраля погибли", "ru", None),
        ("from 16 to 23 September", "en", FRIDAY),
        ("from 16 September to 20 September", "en", datetime.date(2022, 9, 20)),
        ("з 16 вересня по 20 вересня", "uk", datetime.date(2022, 9, 20)),
        ("since Monday 5 were killed, on Wednesday 2 more", "en", datetime.date(2022, 9, 21)),
        ("заява від 20 вересня 2022 року", "uk", datetime.date(2022, 9, 20)),
        ("a statement from 20 September", "en", datetime.date(2022, 9, 20)),
    ],
)
def test_a_period_gives_its_end_and_a_period_without_one_no_date(text, language, expected):
    found = find_date(text, language, FRIDAY)
    assert (found[0] if found else None) == expected


def _dates(text, gazetteer, published=FRIDAY):
    return [(c.kind, c.min, c.date) for c in extract(text, published=published, gazetteer=gazetteer).claims]


def test_the_first_day_of_a_range_is_no_count(gazetteer):
    for text in ("Between 16 and 23 September, police exhumed 447 bodies near Izium.",
                 "З 16 по 23 вересня поліція ексгумувала 447 тіл.",
                 "С 16 по 23 сентября извлечены 447 тел."):
        assert _dates(text, gazetteer) == [("bodies", 447, FRIDAY)], text


def test_a_speaker_named_again_later_keeps_the_date_they_spoke_on(gazetteer):
    text = "Ihor Klymenko said on Monday that the work was over.\n\nAccording to Klymenko, 447 bodies were found."
    assert _dates(text, gazetteer) == [("bodies", 447, datetime.date(2022, 9, 19))]
    text = "У неділю Олег Синєгубов повідомив про обстріл. За його словами, загинули двоє людей."
    assert _dates(text, gazetteer) == [("killed", 2, datetime.date(2022, 9, 18))]
    far = "Ihor Klymenko said on Monday that it was over.\n\nA.\n\nB.\n\nAccording to Klymenko, 447 bodies were found."
    assert _dates(far, gazetteer) == [("bodies", 447, None)]  # a statement of another day, maybe


def test_another_speaker_does_not_take_the_date(gazetteer):
    text = (
        "Dmytro Lubinets said on Monday that 300 children had been deported. "
        "Meanwhile, the Kharkiv regional police said 40 people were missing."
    )
    assert _dates(text, gazetteer) == [("deported", 300, datetime.date(2022, 9, 19)), ("missing", 40, None)]


def test_a_breakdown_keeps_its_totals_date_when_the_speaker_comes_after(gazetteer):
    text = (
        "Станом на 19 вересня в Ізюмі ексгумовано тіла 146 людей. З них 129 — цивільні. "
        "Про це повідомив начальник ГУНП у Харківській області Володимир Тимошко."
    )
    september_19 = datetime.date(2022, 9, 19)
    assert _dates(text, gazetteer) == [("bodies", 146, september_19), ("bodies", 129, september_19)]


def test_a_dated_document_dates_its_speakers_claims(gazetteer):
    text = (
        "Statement of the Office of the Prosecutor General, 14 October 2022\n\n"
        "Investigators have documented 25 places of detention and torture in the Kharkiv region."
    )
    assert _dates(text, gazetteer, datetime.date(2022, 10, 20)) == [("torture_sites", 25, datetime.date(2022, 10, 14))]


def test_a_line_dating_the_statement_dates_its_claims(gazetteer):
    text = (
        "Investigators have documented 22 torture chambers in the Kharkiv region, the regional police said.\n\n"
        "The statement was published on the police website on 5 October 2022."
    )
    assert _dates(text, gazetteer, datetime.date(2022, 10, 7)) == [("torture_sites", 22, datetime.date(2022, 10, 5))]
    text = "Investigators have documented 22 torture chambers in the Kharkiv region, the regional police said."
    assert _dates(text, gazetteer, datetime.date(2022, 10, 7)) == [("torture_sites", 22, None)]
