"""The rules' version is derived from the rules: a claim's extracted_by says which rules produced it."""

import re

from litopys.extraction import RULESET_VERSION
from litopys.extraction.ruleset import ENGINE_VERSION, rule_files, ruleset_version


def test_the_version_names_the_engine_and_a_hash_of_the_rules():
    assert re.fullmatch(rf"{re.escape(ENGINE_VERSION)}\.[0-9a-f]{{10}}", RULESET_VERSION)
    assert RULESET_VERSION != "1"


def test_every_rule_data_file_is_hashed():
    files = rule_files()
    assert {"extraction/lexicon/en.yaml", "extraction/lexicon/uk.yaml", "extraction/lexicon/ru.yaml",
            "extraction/speakers.yaml", "vocab/claim_kinds.yaml", "names/given_names.yaml"} <= set(files)


def test_changing_a_lexicon_entry_changes_the_version():
    files = rule_files()
    changed = dict(files)
    changed["extraction/lexicon/uk.yaml"] = files["extraction/lexicon/uk.yaml"].replace(
        "сорок".encode(), "сорокъ".encode(), 1
    )
    assert changed != files
    assert ruleset_version(changed) != ruleset_version(files)
    assert ruleset_version(files) == RULESET_VERSION


def test_changing_the_kinds_vocabulary_or_the_engine_changes_the_version():
    files = rule_files()
    changed = dict(files, **{"vocab/claim_kinds.yaml": files["vocab/claim_kinds.yaml"] + b"\n# another line\n"})
    assert ruleset_version(changed) != ruleset_version(files)
    assert ruleset_version(files, engine="999") != ruleset_version(files)
