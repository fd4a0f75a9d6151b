"""The sentences that explain a figure read in the reader's language, facts and all."""

from datetime import date

from django.utils import translation

from litopys.figures.localised import sentence
from litopys.figures.wording import Bound, Valued, Voice, Wording, group_of, say

KLYMENKO = Voice("Ihor Klymenko", date(2022, 9, 23))
ADMINISTRATION = Voice("Kharkiv Regional Military Administration", date(2022, 9, 24))


def conflict():
    return Wording("conflict", {"count": 2, "values": [Valued(21, (ADMINISTRATION,)), Valued(22, (KLYMENKO,))]})


def test_english_is_the_contract():
    assert say(conflict()) == ("2 independent origins give different values: 21 (Kharkiv Regional Military "
                               "Administration, 24 September 2022) and 22 (Ihor Klymenko, 23 September 2022).")


def test_ukrainian_readers_get_ukrainian_sentences():
    with translation.override("uk"):
        text = sentence(conflict())
    assert text == ("2 незалежні першоджерела дають різні значення: 21 (Kharkiv Regional Military Administration, "
                    "24 вересня 2022) і 22 (Ihor Klymenko, 23 вересня 2022).")


def test_ukrainian_counts_agree_with_their_numbers():
    breakdown = Wording("parts_exceed_total", {
        "who": Voice("", None, 7),
        "parts": (group_of(215, {"sex": "female"}), group_of(194, {"sex": "male"}), group_of(5, {"age": "child"}),
                  group_of(1, {"status": "military"}), group_of(22, {"status": "military"})),
        "sum": 437, "total": 436})
    with translation.override("uk"):
        text = sentence(breakdown)
    assert "джерело 7" in text
    assert "215 жінок, 194 чоловіки, 5 дітей, 1 військовослужбовець, 22 військовослужбовці" in text
    assert "436" in text and "parts" not in text


def test_interim_figure_in_ukrainian():
    interim = Wording("interim_superseded", {"old": Bound(1000, None), "new": 1447, "who": KLYMENKO})
    with translation.override("uk"):
        text = sentence(interim)
    assert "щонайменше 1 000" in text.replace("\xa0", " ") and "1 447" in text.replace("\xa0", " ")
    assert "23 вересня 2022" in text
    with translation.override("en"):
        assert sentence(interim).startswith("An earlier figure of at least 1,000")


def test_nothing_to_word_falls_back_to_the_english_sentence():
    assert sentence(None, "As given.") == "As given."
