"""The JSON contract other tools read, and inputs that must not break it."""

import datetime
import json

import pytest

from litopys.extraction import RULESET, RULESET_VERSION, ClaimCandidate, ExtractionResult, OpinionSpan, extract
from litopys.extraction.ruleset import rule_files, ruleset_version

from .conftest import KHARKIV_OBLAST as KHARKIV

TEXT = (
    "Izium exhumation complete\n\n"
    "The head of the National Police, Ihor Klymenko, said on Friday that work near Izium has been completed. "
    "Of the 447 bodies found there, 215 are women. In our opinion, the figure of almost 450 may be understated."
)
CLAIM_KEYS = [
    "kind", "min", "max", "approximate", "qualifiers", "place", "attributed_to", "date", "quote", "start", "end"
]


def test_the_json_contract(gazetteer):
    result = extract(TEXT, published=datetime.date(2022, 9, 23), gazetteer=gazetteer)
    assert isinstance(result, ExtractionResult)
    data = json.loads(json.dumps(result.to_dict()))
    assert list(data) == ["language", "claims", "opinions"]
    assert data["language"] == "en"
    first = data["claims"][0]
    assert list(first) == CLAIM_KEYS
    assert first == {
        "kind": "bodies",
        "min": 447,
        "max": 447,
        "approximate": False,
        "qualifiers": {},
        "place": {"name": "Izium", "geonames_id": 707292, "admin1": "Kharkiv Oblast"},
        "attributed_to": {"name": "Ihor Klymenko", "role": "Head of the National Police"},
        "date": "2022-09-23",
        "quote": "Of the 447 bodies found there, 215 are women.",
        "start": TEXT.index("Of the 447"),
        "end": TEXT.index("Of the 447") + len("Of the 447 bodies found there, 215 are women."),
    }
    assert data["claims"][1]["qualifiers"] == {"sex": "female"}
    assert all(set(span) == {"start", "end"} for span in data["opinions"])
    assert isinstance(result.claims[0], ClaimCandidate) and isinstance(result.opinions[0], OpinionSpan)


def test_quotes_are_the_exact_text(gazetteer):
    for claim in extract(TEXT, gazetteer=gazetteer).claims:
        assert claim.quote == TEXT[claim.start : claim.end]


def test_ruleset_is_recorded():
    # The version was a hand-kept "1"; it is now derived from the rules (tests/extraction/test_ruleset.py).
    assert RULESET == "litopys-rules" and RULESET_VERSION == ruleset_version(rule_files())


def test_a_place_the_gazetteer_does_not_know_keeps_its_name(gazetteer):
    (claim,) = extract("In the village of Hrakove, five men were held in a basement.", gazetteer=gazetteer).claims
    assert claim.to_dict()["place"] == {"name": "Hrakove", "geonames_id": None, "admin1": None}


def test_an_oblast_is_its_own_admin1(gazetteer):
    text = "Investigators discovered 10 torture chambers in de-occupied territories of Kharkiv region."
    (claim,) = extract(text, gazetteer=gazetteer).claims
    assert claim.to_dict()["place"] == {"name": "Kharkiv Oblast", "geonames_id": 706482, "admin1": "Kharkiv Oblast"}


def test_place_prefers_the_settlement_the_count_is_in(gazetteer):
    text = "In Kharkiv region, shelling killed 3 people in Kupiansk, far from Izium."
    (claim,) = extract(text, gazetteer=gazetteer).claims
    assert claim.place["name"] == "Kupiansk"


def test_place_falls_back_to_earlier_sentences_then_the_headline(gazetteer):
    text = "Kupiansk under fire\n\nShelling went on all night. Shelling killed 3 people.\n\nAnother 4 were wounded."
    claims = extract(text, gazetteer=gazetteer).claims
    assert [c.place["name"] for c in claims] == ["Kupiansk", "Kupiansk"]


def test_repeated_captions_are_one_claim(gazetteer):
    caption = "Mass grave of 447 bodies\n"
    text = "Near Izium, searchers found a mass grave of 447 bodies.\n\n" + caption + caption
    assert len(extract(text, gazetteer=gazetteer).claims) == 1


def test_language_is_detected_or_checked(gazetteer):
    assert extract("Загинули троє людей.", gazetteer=gazetteer).language == "uk"
    assert extract("Погибли три человека.", gazetteer=gazetteer).language == "ru"
    assert extract("Three people died.", language="en", gazetteer=gazetteer).language == "en"
    with pytest.raises(ValueError, match="language"):
        extract("text", language="de")
    with pytest.raises(TypeError):
        extract(b"bytes")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t",
        "\x00\x01\x02 binary \ufffd\ufffd",
        "10^100 bodies were found. " + "9" * 400 + " bodies. 1e308 people died.",
        "Izium Ізюм Изюм 447 тіл bodies тел ¹²³ [1] (1) 1) 1. — – - ... ??? !!!",
        "No numbers, no claims, just words about the weather.",
        "a" * 100_000,
        "1 " * 20_000,
    ],
)
def test_bad_input_gives_a_valid_result(text, gazetteer):
    result = extract(text, gazetteer=gazetteer)
    data = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert data["language"] in ("en", "uk", "ru")
    for claim in result.claims:
        assert claim.quote == text[claim.start : claim.end]
        assert claim.min is None or claim.min < 10**9


def test_the_gazetteer_is_asked_only_where_claims_need_a_place(gazetteer):
    text = "Nothing here.\n\n" * 200 + "Searchers found 447 bodies near Izium."
    extract(text, gazetteer=gazetteer)
    assert gazetteer.calls <= 3


def test_in_the_region_takes_the_oblast_named_before(gazetteer):
    gazetteer.lookup = lambda name: [KHARKIV] if name == "Kharkiv Oblast" else []
    text = "Shelling of Kupiansk injured four people.\n\nOver the week, 9 civilians were killed in the region."
    claims = extract(text, gazetteer=gazetteer).claims
    assert [c.place["name"] for c in claims] == ["Kupiansk", "Kharkiv Oblast"]


def test_street_names_are_not_places(gazetteer):
    text = "In Izium, 12 men were held in a basement on Kupiansk Street."
    (claim,) = extract(text, gazetteer=gazetteer).claims
    assert claim.place["name"] == "Izium"
