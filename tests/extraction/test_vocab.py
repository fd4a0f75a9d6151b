import pytest

from litopys import vocab
from litopys.extraction.lexicon import KIND_NOUNS


def test_claim_kinds_cover_what_extraction_produces():
    codes = vocab.codes("claim_kinds")
    for kind in ["bodies", "killed", "injured", "missing", "detained", "deported", "tortured", "torture_sites",
                 "mass_graves", "graves", "area_km2"]:
        assert kind in codes
    assert {kind for kind, _ in KIND_NOUNS} <= set(codes)
    assert vocab.label("claim_kinds", "bodies", "uk") == "Виявлені тіла"


def test_actor_roles():
    codes = vocab.codes("actor_roles")
    for role in ["official", "witness", "volunteer", "medic", "journalist", "perpetrator_unit", "institution"]:
        assert role in codes
    for entry in vocab.load("actor_roles").values():
        assert entry["label"]["en"] and entry["label"]["uk"]


def test_loader_is_cached():
    assert vocab.load("claim_kinds") is vocab.load("claim_kinds")


def test_errors_name_the_file_and_the_entry(tmp_path):
    (tmp_path / "broken.yaml").write_text("good:\n  label: {en: Good, uk: Добре}\nbad:\n  label: {en: Bad}\n")
    with pytest.raises(vocab.VocabularyError, match=r"broken.yaml: entry 'bad': label has no 'uk' text"):
        vocab.load("broken", folder=tmp_path)
    (tmp_path / "flat.yaml").write_text("- a\n- b\n")
    with pytest.raises(vocab.VocabularyError, match="flat.yaml: expected a mapping"):
        vocab.load("flat", folder=tmp_path)
    (tmp_path / "nolabel.yaml").write_text("x: {definition: y}\n")
    with pytest.raises(vocab.VocabularyError, match="nolabel.yaml: entry 'x': needs 'label"):
        vocab.load("nolabel", folder=tmp_path)
    with pytest.raises(vocab.VocabularyError, match="does not exist"):
        vocab.load("absent", folder=tmp_path)
