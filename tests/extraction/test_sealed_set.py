"""The sealed held-out set (and the development set, the first sealed set) is well-formed and scored, never tuned
against: no accuracy threshold here.

See tests/data/extraction/sealed/README.md: no extraction rule is changed because of a sealed text.
"""

import datetime
import re
from pathlib import Path

import pytest
import yaml

from litopys import vocab
from litopys.extraction.evaluation import Score, load, score

MAIN = Path(__file__).resolve().parent.parent / "data" / "extraction"
SEALED = MAIN / "sealed"
SEALED_2 = MAIN / "sealed-2"
SEALED_3 = MAIN / "sealed-3"
#: The first sealed set, unsealed (see its README), and the second development set: held to the same form.
DEVELOPMENT = MAIN / "development"
DEVELOPMENT_2 = MAIN / "development-2"
DEVELOPMENT_3 = MAIN / "development-3"
DEVELOPMENT_4 = MAIN / "development-4"
DEVELOPMENT_5 = MAIN / "development-5"
DEVELOPMENT_6 = MAIN / "development-6"
DEVELOPMENT_7 = MAIN / "development-7"
DEVELOPMENT_8 = MAIN / "development-8"
#: How many texts each set holds per language (the seventh development set is mostly Ukrainian, the eighth all).
PER_LANGUAGE = {SEALED: 15, SEALED_2: 15, SEALED_3: 15, DEVELOPMENT: 15, DEVELOPMENT_2: 12, DEVELOPMENT_3: 15,
                DEVELOPMENT_4: 15, DEVELOPMENT_5: 15, DEVELOPMENT_6: 15, DEVELOPMENT_7: {"en": 12, "ru": 13, "uk": 20},
                DEVELOPMENT_8: {"en": 0, "ru": 0, "uk": 24}}
LANGUAGES = ("en", "uk", "ru")
LABEL_KEYS = {"kind", "min", "max", "approximate", "qualifiers", "place", "speaker", "date"}
#: Figures in digits, with a thousands separator ("1,084", "1 200", "2.123", thin or narrow no-break space) or without.
DIGITS = re.compile(r"\d{1,3}(?:[ ,.\u00a0\u2009\u202f]\d{3})+(?!\d)|\d+")
#: "1,5 тис.", "139 тыс.", "2 тисячі", "13 thousand".
THOUSANDS = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:тис\.|тыс\.|тисяч\w*|тысяч\w*|thousand)")


def yaml_file(folder, name):
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def figures_in_digits(text):
    found = {int(re.sub(r"\D", "", match.group())) for match in DIGITS.finditer(text)}
    found |= {round(float(m.group(1).replace(",", ".")) * 1000) for m in THOUSANDS.finditer(text)}
    return found


@pytest.fixture(scope="module", params=list(PER_LANGUAGE), ids=[folder.name for folder in PER_LANGUAGE])
def folder(request):
    return request.param


@pytest.fixture(scope="module")
def cases(folder):
    return load(folder)


def test_the_texts_of_each_language_numbered_in_turn_and_each_labelled(cases, folder):
    texts = sorted(path.stem for path in folder.glob("*.txt"))
    count = PER_LANGUAGE[folder]
    counts = count if isinstance(count, dict) else dict.fromkeys(LANGUAGES, count)
    assert texts == [f"{language}-{n:02d}" for language in ("en", "ru", "uk") for n in range(1, counts[language] + 1)]
    assert sorted(cases) == texts, "every text has an entry in expected.yaml and every entry a text"
    for name, case in cases.items():
        assert isinstance(case["published"], datetime.date), name
    assert any(not case["claims"] for case in cases.values()), "a text with no claim"


def test_every_label_has_the_fields_of_the_main_set(cases):
    for name, case in cases.items():
        for claim in case["claims"]:
            assert set(claim) == LABEL_KEYS, f"{name}: {claim}"
            assert claim["min"] is not None or claim["max"] is not None, f"{name}: {claim}"
            if claim["min"] is not None and claim["max"] is not None:
                assert claim["min"] <= claim["max"], f"{name}: {claim}"
            assert isinstance(claim["approximate"], bool), f"{name}: {claim}"
            assert claim["date"] is None or isinstance(claim["date"], datetime.date), f"{name}: {claim}"
            assert claim["date"] is None or claim["date"] <= case["published"], f"{name}: {claim}"


def test_every_kind_and_qualifier_is_in_the_vocabulary_or_the_contract(cases, folder):
    contract = yaml_file(folder, "contract.yaml")
    known = set(vocab.load("claim_kinds"))
    new = contract["new_kinds"]
    assert not known & set(new), "a new kind of the contract is already in the vocabulary: move it"
    kinds = vocab.load("claim_kinds")
    values = {key: set(entry["values"]) for key, entry in vocab.load("claim_qualifiers").items()}
    for name, case in cases.items():
        for claim in case["claims"]:
            kind = claim["kind"]
            assert kind in known or kind in new, f"{name}: unknown kind {kind!r}"
            if kind in new:
                allowed = new[kind]["qualifiers"]
            else:
                allowed = list(kinds[kind].get("qualifiers") or {}) or contract["people_qualifiers"]
            for key, value in claim["qualifiers"].items():
                assert key in allowed, f"{name}: qualifier {key!r} on {kind}"
                assert value in contract["qualifiers"][key], f"{name}: {key}={value!r}"
                assert key not in values or value in values[key], f"{name}: {key}={value!r} not in the vocabulary"


def test_every_labelled_figure_is_in_its_text(cases, folder):
    words = yaml_file(folder, "words.yaml")
    for name, case in cases.items():
        text = case["text"]
        spelled = words.get(name, {})
        for value, phrases in spelled.items():
            for phrase in phrases:
                assert phrase in text, f"{name}: words.yaml says {phrase!r} states {value}"
        digits = figures_in_digits(text)
        for claim in case["claims"]:
            for value in (claim["min"], claim["max"]):
                if value is not None:
                    assert value in digits or value in spelled, f"{name}: {value} of {claim} is not in the text"


@pytest.mark.parametrize("sealed_folder", [SEALED, SEALED_2, SEALED_3],
                         ids=["sealed", "sealed-2", "sealed-3"])
def test_the_main_set_never_sees_a_sealed_text(sealed_folder):
    main = load(MAIN)
    sealed = {path.read_text(encoding="utf-8") for path in sealed_folder.glob("*.txt")}
    assert len(sealed) == 45
    assert not sealed & {path.read_text(encoding="utf-8") for path in DEVELOPMENT.glob("*.txt")}
    for development in (DEVELOPMENT_2, DEVELOPMENT_3, DEVELOPMENT_4, DEVELOPMENT_5, DEVELOPMENT_6, DEVELOPMENT_7,
                        DEVELOPMENT_8):
        assert not sealed & {path.read_text(encoding="utf-8") for path in development.glob("*.txt")}
    assert not any(case["text"] in sealed for case in main.values())
    assert all(path.parent == MAIN for path in MAIN.glob("*.txt")), "the tuning glob reads the main folder only"
    assert not sealed & {path.read_text(encoding="utf-8") for path in MAIN.glob("*.txt")}
    main_labels = yaml.safe_load((MAIN / "expected.yaml").read_text(encoding="utf-8"))
    assert not any(name.startswith("sealed") for name in main_labels)


def test_the_scorer_runs_on_the_sealed_set_and_reports_every_language(cases, folder):
    scores = score(folder)
    count = PER_LANGUAGE[folder]
    written = [language for language in LANGUAGES if not isinstance(count, dict) or count[language]]
    assert sorted(scores) == sorted(written)
    for language, result in scores.items():
        assert isinstance(result, Score)
        labelled = sum(len(c["claims"]) for name, c in cases.items() if name.startswith(f"{language}-"))
        assert result.true_positives + result.false_negatives == labelled, language
        for value in (result.precision, result.recall, result.f1, result.place_accuracy, result.speaker_accuracy):
            assert 0.0 <= value <= 1.0
