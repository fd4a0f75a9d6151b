"""Cross-check the vocabularies once, at start-up: each file's own fields, and what one names in another."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from litopys import vocab
from litopys.vocab import VocabularyError

#: Vocabularies every installation has, and the fields each entry of them must carry (besides its label).
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "claim_kinds": ("definition", "unit"),
    "incident_types": ("huridocs", "acled"),
    "site_kinds": (),
    "actor_roles": (),
    "source_kinds": ("in_sentence", "authority"),
    "legal_qualifications": ("instrument", "article"),
    "grades": ("definition",),
    "claim_qualifiers": ("values",),
}
#: Where a kind's qualifier is read (claim_kinds.yaml, field "qualifiers").
QUALIFIER_SOURCES = ("noun", "sentence")


@functools.cache
def mappings() -> dict:
    """Return the reference lists of ACLED and HURIDOCS event types (``mappings.yaml``)."""
    return yaml.safe_load((Path(vocab.FOLDER) / "mappings.yaml").read_text(encoding="utf-8"))


def check_all() -> None:
    """Load every vocabulary and check it; raise VocabularyError naming the file and the entry."""
    for name, fields in REQUIRED_FIELDS.items():
        for code, entry in vocab.load(name).items():
            where = f"{name}.yaml: entry {code!r}"
            for field in fields:
                if entry.get(field) in (None, "", {}):
                    raise VocabularyError(f"{where}: needs {field!r}")
    for code, entry in vocab.load("incident_types").items():
        check_mapping(code, entry)
    check_qualifiers()
    for code, entry in vocab.load("source_kinds").items():
        if not isinstance(entry["authority"], int) or entry["authority"] < 0:
            raise VocabularyError(f"source_kinds.yaml: entry {code!r}: authority must be a whole number ≥ 0")
        for language in vocab.LABEL_LANGUAGES:
            if not str(entry["in_sentence"].get(language) or "").strip():
                raise VocabularyError(f"source_kinds.yaml: entry {code!r}: in_sentence has no {language!r} text")


def check_mapping(code: str, entry: dict) -> None:
    """Check an incident type's HURIDOCS and ACLED mappings against the reference lists."""
    where = f"incident_types.yaml: entry {code!r}"
    if entry["huridocs"] not in mappings()["huridocs"]:
        raise VocabularyError(f"{where}: huridocs {entry['huridocs']!r} is not a HURIDOCS event type listed in "
                              "mappings.yaml")
    event, _, sub_event = (part.strip() for part in entry["acled"].partition(" / "))
    if sub_event not in mappings()["acled"].get(event, []):
        raise VocabularyError(f"{where}: acled {entry['acled']!r} is not 'event type / sub-event type' of ACLED's "
                              "codebook as listed in mappings.yaml")


def acled(code: str) -> tuple[str, str]:
    """Return an incident type's ACLED (event type, sub-event type)."""
    event, _, sub_event = vocab.load("incident_types")[code]["acled"].partition(" / ")
    return event, sub_event


def huridocs(code: str) -> str:
    """Return an incident type's HURIDOCS event type."""
    return vocab.load("incident_types")[code]["huridocs"]


def check_qualifiers() -> None:
    """Check that every qualifier a claim kind names is in claim_qualifiers.yaml, each value labelled."""
    known = vocab.load("claim_qualifiers")
    for key, entry in known.items():
        for value, labels in (entry.get("values") or {}).items():
            for language in vocab.LABEL_LANGUAGES:
                if not str((labels or {}).get(language) or "").strip():
                    raise VocabularyError(f"claim_qualifiers.yaml: {key} value {value!r} has no {language!r} label")
    types = vocab.load("incident_types")
    for code, entry in vocab.load("claim_kinds").items():
        for event in ([entry["event"]] if entry.get("event") else []) + list(entry.get("joins") or ()):
            if event not in types:
                raise VocabularyError(f"claim_kinds.yaml: entry {code!r}: event {event!r} is not an incident type of "
                                      "incident_types.yaml")
        for key, read in (entry.get("qualifiers") or {}).items():
            where = f"claim_kinds.yaml: entry {code!r}: qualifier {key!r}"
            if key not in known:
                raise VocabularyError(f"{where} is not in claim_qualifiers.yaml; add it there with its values")
            if read not in QUALIFIER_SOURCES:
                raise VocabularyError(f"{where} is read from {read!r}; use one of {', '.join(QUALIFIER_SOURCES)}")
