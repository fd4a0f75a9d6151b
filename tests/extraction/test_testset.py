"""The hand-labelled test set: F1 per language must stay above a floor set below what the rules achieve."""

from pathlib import Path

import pytest

from litopys.extraction.evaluation import load, score

FOLDER = Path(__file__).resolve().parent.parent / "data" / "extraction"
#: Achieved when the floors were set: F1 en 1.00, uk 0.99, ru 0.99 (72 texts, 156 claims); now en 0.99, uk 1.00,
#: ru 0.99 (87 texts, 212 claims); en 0.98, uk 0.99, ru 0.99 (102 texts, 257 claims), on texts the rules were
#: written against; texts scored before tuning reached 0.53-1.00 (docs/extraction.md).
FLOORS = {"en": 0.85, "uk": 0.85, "ru": 0.85}
#: Date accuracy over matched claims: en 0.75, uk 0.88, ru 0.97 when dates were first labelled, 1.00 in all three after
#: the rules were fixed against those labels (docs/extraction.md); most labels in ru are null.
DATE_FLOOR = 0.9


@pytest.fixture(scope="module")
def scores():
    return score(FOLDER)


def test_the_set_has_eight_texts_per_language():
    cases = load(FOLDER)
    for language in FLOORS:
        assert sum(name.startswith(f"{language}-") for name in cases) >= 8
    assert any(not case["claims"] for case in cases.values()), "an opinion text with no claims"


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_f1_per_language(scores, language):
    result = scores[language]
    assert result.f1 >= FLOORS[language], "\n".join(result.misses)


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_place_and_speaker_accuracy(scores, language):
    result = scores[language]
    assert result.place_accuracy >= 0.8, "\n".join(result.misses)
    assert result.speaker_accuracy >= 0.8, "\n".join(result.misses)


def test_every_expected_claim_has_a_date_label():
    for name, case in load(FOLDER).items():
        for claim in case["claims"]:
            assert "date" in claim, f"{name}: {claim}"


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_date_accuracy(scores, language):
    result = scores[language]
    assert result.dates_labelled == result.true_positives
    assert result.date_accuracy >= DATE_FLOOR, "\n".join(result.misses)
