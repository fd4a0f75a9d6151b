"""Independent origins: relays of one statement count once, independent reports count apart."""

import re
from datetime import date

import pytest

from litopys.figures.origins import assign_origins, voice
from litopys.names import person_key, romanise, same_person
from tests.figures import claim, police, seed

KLYMENKO = "speaker:ihor klymenko:2022-09-23"
SPELLINGS = ["Ihor Klymenko", "Klymenko", "Ігор Клименко", "Игорь Клименко", "Igor Klimenko", "I. Klymenko",
             "National Police Chief Ihor Klymenko", "Ігор КЛИМЕНКО", "ihor klymenko", "Klymenko Ihor Mykhailovych"]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_spellings_of_one_speaker_match(spelling):
    assert same_person("Ihor Klymenko", spelling)


@pytest.mark.parametrize(("a", "b"), [
    ("Ihor Klymenko", "Ihor Terekhov"),
    ("Ihor Klymenko", "Oleh Klymenko"),
    ("Ihor Klymenko", "Ihor"),
    ("National Police of Ukraine", "Ministry of Defence of Ukraine"),
    ("Національна поліція України", "Служба безпеки України"),
])
def test_different_speakers_do_not_match(a, b):
    assert not same_person(a, b)


def test_keys_are_written_in_latin_letters_whatever_the_script():
    assert romanise("Ігор Клименко") == "ihor klymenko"
    assert romanise("Укрінформ") == romanise("Ukrinform") == "ukrinform"
    assert same_person("Зеленський", "Зеленский") and same_person("Зеленский", "Zelenskyy")


def test_one_person_in_two_scripts_is_one_origin_not_two():
    """Origins and actors share one rule for who is the same person (names.same_person, names.person_key):
    "Dmitry Lubinets" and "Дмитро Лубінець" on the same day are one voice, so they corroborate nothing."""
    claims = [claim(1, 200, publisher="Outlet A", speaker="Dmitry Lubinets", source=1),
              claim(2, 200, publisher="Outlet B", speaker="Дмитро Лубінець", source=2)]
    origins = assign_origins(claims)
    assert origins[1] == origins[2] == f"speaker:{person_key('Дмитро Лубінець')}:2022-09-23"
    from litopys.figures.reconcile import reconcile

    [figure] = reconcile(claims)
    assert len(figure.origins) == 1 and figure.status == "unverified"  # one voice: no false corroboration


def test_ten_articles_relaying_one_statement_are_one_origin():
    relays = [claim(i, 447, publisher=f"Outlet {i}", speaker=SPELLINGS[i]) for i in range(10)]
    origins = assign_origins(relays)
    assert set(origins.values()) == {KLYMENKO}


def test_one_speaker_on_two_days_gives_two_statements():
    origins = assign_origins([police(1, 436, on=date(2022, 9, 22), source=1), police(2, 447, source=2)])
    assert origins == {1: "speaker:ihor klymenko:2022-09-22", 2: KLYMENKO}


def test_seed_article_and_police_statement_are_two_origins(samples):
    seed_text = (samples / "seed-article.txt").read_text(encoding="utf-8")
    police_text = (samples / "izium-police-2022-09-23.txt").read_text(encoding="utf-8")
    seed_quote = re.search(r"Near liberated Izium[^.]*\.", seed_text).group(0)
    police_quote = re.search(r"Of the 447 bodies[^.]*\.", police_text).group(0)
    torture_quote = re.search(r"National Police Chief Ihor Klymenko stated[^.]*\.", seed_text).group(0)
    claims = [
        seed(1, 447, quote=seed_quote),
        # The seed also quotes Klymenko on another matter: that quote joins his origin, not the seed's 447.
        seed(2, 10, kind="torture_sites", cell="place:kharkiv-oblast", speaker="Ihor Klymenko", quote=torture_quote),
        police(3, 447, quote=police_quote),
    ]
    origins = assign_origins(claims)
    assert origins[1] == "publisher:war in ukraine:2022-09-23"
    assert origins[2] == origins[3] == KLYMENKO


def test_claims_of_one_source_with_one_attribution_share_an_origin():
    claims = [seed(1, 447), seed(2, 194, q={"sex": "male"}, on=date(2022, 9, 24)),
              police(3, 22, source=5), police(4, 11, source=5, on=date(2022, 9, 24))]
    origins = assign_origins(claims)
    assert origins[1] == origins[2] and origins[3] == origins[4] and origins[1] != origins[3]


def test_own_voice_repeating_a_quoted_value_joins_the_speaker():
    claims = [seed(1, 447, speaker="Ihor Klymenko"), seed(2, 447), police(3, 447)]
    assert len(set(assign_origins(claims).values())) == 1


def test_one_publisher_without_a_speaker_counts_once_a_day():
    claims = [claim(1, 447, publisher="Ukrinform"), claim(2, 447, publisher="UKRINFORM"),
              claim(3, 447, publisher="Ukrinform", on=date(2022, 9, 24)), claim(4, 447)]
    origins = assign_origins(claims)
    assert origins[1] == origins[2] == "publisher:ukrinform:2022-09-23"
    assert origins[3] == "publisher:ukrinform:2022-09-24"
    assert origins[4] == "source:4"


def test_equal_digests_and_near_identical_quotes_are_one_text():
    text = "Near liberated Izium, searchers discovered a mass grave of 447 bodies, investigators said on Friday."
    claims = [
        claim(1, 447, publisher="A", digest="sha1:abc"), claim(2, 447, publisher="B", digest="sha1:abc"),
        claim(3, 447, publisher="C", quote=text), claim(4, 447, publisher="D", quote=text.replace("Friday", "Fri")),
        claim(5, 447, publisher="E", quote="Searchers in a forest near Izium have so far exhumed 447 bodies."),
        claim(6, 447, publisher="F", quote="447 bodies"), claim(7, 447, publisher="G", quote="447 bodies"),
    ]
    origins = assign_origins(claims)
    assert origins[1] == origins[2] and origins[3] == origins[4]
    assert len({origins[1], origins[3], origins[5], origins[6], origins[7]}) == 5


def test_staff_split_a_source_out_of_an_origin():
    claims = [claim(i, 447, publisher=f"Outlet {i}", speaker="Ihor Klymenko") for i in (1, 2, 3)]
    origins = assign_origins(claims, splits=[2])
    assert origins == {1: KLYMENKO, 2: "source:2", 3: KLYMENKO}


def test_staff_merge_origins_by_key_or_by_source():
    claims = [claim(1, 447, publisher="A"), claim(2, 447, publisher="B"), claim(3, 447, speaker="Ihor Klymenko")]
    by_key = assign_origins(claims, merges=[("publisher:a:2022-09-23", KLYMENKO)])
    assert by_key == {1: KLYMENKO, 2: "publisher:b:2022-09-23", 3: KLYMENKO}
    by_source = assign_origins(claims, merges=[("source:2", "source:1")])
    assert by_source[1] == by_source[2] == "publisher:a:2022-09-23"
    assert assign_origins(claims, merges=[("publisher:gone:2022-01-01", "source:1")]) == assign_origins(claims)


def test_keys_do_not_depend_on_the_order_of_claims():
    claims = [claim(i, 447, publisher=f"Outlet {i}", speaker=name) for i, name in enumerate(SPELLINGS)]
    claims += [seed(20, 447), seed(21, 5, q={"age": "child"}), claim(22, 447, on=None, speaker="Klymenko")]
    assert assign_origins(claims) == assign_origins(reversed(claims))
    assert assign_origins(claims)[22] == "speaker:klymenko:undated"


def test_same_day_speakers_keep_the_claims_apart_from_the_publisher():
    claims = [claim(1, 447, publisher="Ukrinform", speaker="Ihor Klymenko"), claim(2, 447, publisher="Ukrinform")]
    assert assign_origins(claims) == {1: KLYMENKO, 2: "publisher:ukrinform:2022-09-23"}


def test_voice_is_the_origin_without_its_day():
    assert voice(KLYMENKO) == "speaker:ihor klymenko"
    assert voice("publisher:war in ukraine:undated") == "publisher:war in ukraine"
    assert voice("source:12") == "source:12"
    assert voice("staff:izium police") == "staff:izium police"


def test_a_speaker_without_letters_counts_as_no_speaker():
    assert assign_origins([claim(1, 447, publisher="Ukrinform", speaker=" — ")]) == {
        1: "publisher:ukrinform:2022-09-23"}
