"""Incident grades suggested from figures, after Airwars."""

from datetime import date

from litopys import vocab
from litopys.figures.reconcile import figure_key, reconcile
from litopys.review.grades import suggest_grade
from tests.figures import IZIUM, claim, police, seed


def test_every_grade_is_labelled_and_defined_in_english_and_ukrainian():
    assert vocab.codes("grades") == ["confirmed", "fair", "weak", "contested", "discounted"]
    for entry in vocab.load("grades").values():
        assert entry["label"]["en"] and entry["label"]["uk"] and entry["definition"]["en"] and entry["definition"]["uk"]
    assert vocab.label("grades", "contested", "uk") == "Оспорюється" and vocab.label("grades", "weak", "de") == "Weak"


def test_confirmed_needs_a_verified_figure_from_two_origins_one_official():
    assert suggest_grade(reconcile([police(1, 447, status="verified"), seed(2, 447)])) == "confirmed"
    assert suggest_grade(reconcile([claim(1, 447, publisher="A", status="verified"),
                                    claim(2, 447, publisher="B")])) == "fair"
    one_voice_twice = [police(1, 447, status="verified", on=date(2022, 9, 22), source=1), police(2, 447, source=2)]
    assert suggest_grade(reconcile(one_voice_twice)) == "fair"


def test_fair_is_corroborated_or_official():
    assert suggest_grade(reconcile([police(1, 447), seed(2, 447)])) == "fair"
    assert suggest_grade(reconcile([police(1, 447)])) == "fair"
    assert suggest_grade(reconcile([claim(1, 447, publisher="A"), claim(2, 447, publisher="B")])) == "fair"


def test_weak_is_a_single_unofficial_origin():
    assert suggest_grade(reconcile([seed(1, 447), seed(2, max=450, approximate=True)])) == "weak"
    assert suggest_grade([]) == "weak"


def test_contested_until_a_reviewer_settles_the_conflict():
    claims = [police(1, 22, {"status": "military"}), claim(2, 21, q={"status": "military"}, publisher="A")]
    assert suggest_grade(reconcile(claims)) == "contested"
    settled = {figure_key(IZIUM, "bodies", {"status": "military"}): (22, "The police list names 22.")}
    assert suggest_grade(reconcile(claims, best_override=settled)) == "fair"
    assert suggest_grade(reconcile([police(1, 447), seed(2, 447, status="disputed")])) == "contested"
    assert suggest_grade(reconcile([police(1, 447), claim(2, min=460, on=date(2022, 9, 24))])) == "contested"


def test_discounted_when_every_claim_was_rejected():
    assert suggest_grade(reconcile([seed(1, 447, status="rejected"), seed(2, 5, {"age": "child"},
                                                                          status="rejected")])) == "discounted"
    assert suggest_grade(reconcile([seed(1, 447, status="rejected"), seed(2, 5, {"age": "child"})])) == "weak"
