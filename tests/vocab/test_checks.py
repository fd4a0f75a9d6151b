"""The vocabularies are checked once at start-up, and codes that reach the database are checked against them."""

import pytest
import yaml
from django.core.exceptions import ValidationError

from litopys import vocab
from litopys.vocab import VocabularyError, checks
from litopys.vocab.choices import InVocabulary, constants


def test_every_vocabulary_passes_its_checks():
    checks.check_all()


def test_incident_types_map_to_huridocs_and_acled():
    assert checks.acled("shelling") == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert checks.huridocs("torture") == "Torture"
    for code in vocab.codes("incident_types"):
        event, sub_event = checks.acled(code)
        assert sub_event in checks.mappings()["acled"][event]


@pytest.mark.parametrize("mapping, problem", [
    ({"huridocs": "Killing", "acled": "Violence against civilians / Shelling"}, "acled 'Violence against"),
    ({"huridocs": "Murder most foul", "acled": "Violence against civilians / Attack"}, "huridocs 'Murder most"),
    ({"huridocs": "Killing", "acled": "Attack"}, "acled 'Attack'"),
])
def test_a_mapping_that_is_not_in_the_reference_lists_is_refused(mapping, problem):
    with pytest.raises(VocabularyError, match=f"incident_types.yaml: entry 'x': {problem}"):
        checks.check_mapping("x", {"label": {"en": "X", "uk": "Х"}, **mapping})


def test_a_vocabulary_missing_a_required_field_is_refused(tmp_path, monkeypatch):
    for name in checks.REQUIRED_FIELDS:
        (tmp_path / f"{name}.yaml").write_text((vocab.FOLDER / f"{name}.yaml").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    kinds = yaml.safe_load((tmp_path / "source_kinds.yaml").read_text(encoding="utf-8"))
    del kinds["photo"]["authority"]
    (tmp_path / "source_kinds.yaml").write_text(yaml.safe_dump(kinds, allow_unicode=True), encoding="utf-8")
    (tmp_path / "mappings.yaml").write_text((vocab.FOLDER / "mappings.yaml").read_text(encoding="utf-8"))
    monkeypatch.setattr(vocab, "FOLDER", tmp_path)
    with pytest.raises(VocabularyError, match="source_kinds.yaml: entry 'photo': needs 'authority'"):
        checks.check_all()


def test_legal_qualifications_name_an_instrument_and_an_article():
    entry = vocab.load("legal_qualifications")["cc_ua_438"]
    assert entry["instrument"] == "Criminal Code of Ukraine" and entry["article"] == "438"
    assert vocab.load("legal_qualifications")["rome_8_2_a_i"]["article"] == "8(2)(a)(i)"


@pytest.mark.parametrize("value", [["not_a_code", 42], "cc_ua_438", ["cc_ua_438", "cc_ua_438"], [None]])
def test_codes_outside_the_vocabulary_are_invalid(value):
    with pytest.raises(ValidationError):
        InVocabulary("legal_qualifications")(value)


def test_codes_of_the_vocabulary_are_valid():
    InVocabulary("legal_qualifications")(["rome_8_2_a_i", "cc_ua_438"])
    InVocabulary("legal_qualifications")([])


def test_source_kinds_are_one_list_with_constants_authority_and_sentence_forms():
    kinds = constants("source_kinds")
    assert kinds.WEB_ARCHIVE == "web_archive" and kinds.values == vocab.codes("source_kinds")
    from litopys.figures.claims import AUTHORITY_RANK, OFFICIAL_KINDS
    from litopys.figures.wording import ENGLISH, source_kind_text

    assert AUTHORITY_RANK["official_statement"] < AUTHORITY_RANK["document"] < AUTHORITY_RANK["article"]
    assert AUTHORITY_RANK["photo"] == AUTHORITY_RANK["video"]
    assert OFFICIAL_KINDS == {"official_statement", "dataset"}
    assert source_kind_text("web_archive", ENGLISH) == "an archived web page"


@pytest.mark.django_db
def test_an_incident_with_a_code_outside_the_legal_vocabulary_fails_validation():
    from litopys.incidents.models import Incident

    incident = Incident(title="Synthetic incident", slug="synthetic", type="killing",
                        legal_qualifications=["not_a_code", 42])
    with pytest.raises(ValidationError) as raised:
        incident.full_clean()
    assert "legal_qualifications" in raised.value.message_dict
    incident.legal_qualifications = ["cc_ua_438"]
    incident.full_clean()
