"""The two shared samples, through the real gazetteer."""

import datetime

import pytest

from litopys.extraction import extract

PUBLISHED = datetime.date(2022, 9, 23)


def summary(result):
    return [
        (
            c.kind,
            c.min,
            c.max,
            c.approximate,
            c.qualifiers,
            c.place and c.place["name"],
            c.attributed_to and c.attributed_to.name,
        )
        for c in result.claims
    ]


@pytest.fixture
def seed(samples):
    text = (samples / "seed-article.txt").read_text(encoding="utf-8")
    return text, extract(text, published=PUBLISHED)


@pytest.fixture
def police(samples):
    text = (samples / "izium-police-2022-09-23.txt").read_text(encoding="utf-8")
    return text, extract(text, published=PUBLISHED)


def test_police_sample_gives_the_six_claims_of_the_breakdown(police):
    _, result = police
    klymenko = "Ihor Klymenko"
    assert summary(result) == [
        ("bodies", 447, 447, False, {}, "Izium", klymenko),
        ("bodies", 215, 215, False, {"sex": "female"}, "Izium", klymenko),
        ("bodies", 194, 194, False, {"sex": "male"}, "Izium", klymenko),
        ("bodies", 5, 5, False, {"age": "child"}, "Izium", klymenko),
        ("bodies", 22, 22, False, {"status": "military"}, "Izium", klymenko),
        ("bodies", 11, 11, False, {"sex": "unknown"}, "Izium", klymenko),
    ]
    assert {c.attributed_to.role for c in result.claims} == {"Head of the National Police"}
    assert {c.date for c in result.claims} == {PUBLISHED}
    assert result.claims[0].place == {"name": "Izium", "geonames_id": 707292, "admin1": "Kharkiv Oblast"}


def test_seed_article_gives_the_required_claims(seed):
    _, result = seed
    assert summary(result) == [
        ("area_km2", 6000, 6000, True, {}, "Kharkiv Oblast", None),
        ("torture_sites", 10, 10, False, {}, "Kharkiv Oblast", "Ihor Klymenko"),
        ("bodies", 447, 447, False, {}, "Izium", None),
        ("bodies", 194, 194, False, {"sex": "male"}, "Izium", None),
        ("bodies", 215, 215, False, {"sex": "female"}, "Izium", None),
        ("bodies", 5, 5, False, {"age": "child"}, "Izium", None),
        ("killed", 1000, None, False, {"status": "civilian"}, "Izium", "Maksym Strelnyk"),
    ]
    (strelnyk,) = [c for c in result.claims if c.kind == "killed"]
    assert strelnyk.attributed_to.role == "Izium city council deputy"
    assert result.claims[0].place["geonames_id"] == 706482


def test_seed_opinions_cover_the_evaluative_paragraphs_and_yield_nothing(seed):
    text, result = seed
    covered = [text[o.start : o.end] for o in result.opinions]
    for words in [
        "in our opinion",
        "Gestapo or SS look like small children",
        "The population of this vile country does all this",
        "viper’s nest",
        "what negotiations can there be",
        "must face conviction",
    ]:
        assert any(words in span for span in covered), words
    for claim in result.claims:
        assert not any(o.start <= claim.start < o.end for o in result.opinions)


def test_seed_footnotes_years_and_durations_are_no_claims(seed):
    _, result = seed
    values = {c.min for c in result.claims} | {c.max for c in result.claims}
    assert not values & {1, 2, 1940, 450, 2014, 2025}
    assert not [c for c in result.claims if "ten years" in c.quote or "therapist" in c.quote]
