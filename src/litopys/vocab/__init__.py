"""Vocabularies as data: one YAML file per vocabulary, each entry labelled in English and Ukrainian.

A vocabulary file maps a code to an entry; every entry has at least ``label: {en, uk}``.
Other keys (``definition``, ``unit``, ...) are free for the vocabulary's users.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

#: The folder the vocabularies ship in; tests point a loader elsewhere by passing ``folder``.
FOLDER = Path(__file__).resolve().parent
#: Languages every label must have.
LABEL_LANGUAGES = ("en", "uk")


class VocabularyError(ValueError):
    """A vocabulary file is missing or malformed; the message names the file and the entry."""


def load(name: str, folder: Path | None = None) -> dict[str, dict]:
    """Return the vocabulary ``name`` (``claim_kinds`` reads ``claim_kinds.yaml``) as code -> entry."""
    return _load(name, str(folder or FOLDER))


def codes(name: str, folder: Path | None = None) -> list[str]:
    """Return the codes of vocabulary ``name`` in file order."""
    return list(load(name, folder))


def label(name: str, code: str, language: str = "en", folder: Path | None = None) -> str:
    """Return the label of ``code`` in ``language``, falling back to English."""
    entry = load(name, folder)[code]
    return entry["label"].get(language) or entry["label"]["en"]


@functools.cache
def _load(name: str, folder: str) -> dict[str, dict]:
    path = Path(folder) / f"{name}.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VocabularyError(f"vocabulary {name!r}: {path} does not exist") from None
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path.name}: not valid YAML ({exc})") from None
    if not isinstance(raw, dict) or not raw:
        raise VocabularyError(f"{path.name}: expected a mapping of code -> entry at the top level")
    for code, entry in raw.items():
        _validate(path.name, code, entry)
    return raw


def _validate(filename: str, code, entry) -> None:
    where = f"{filename}: entry {code!r}"
    if not isinstance(code, str) or not code:
        raise VocabularyError(f"{where}: codes must be non-empty strings")
    if not isinstance(entry, dict):
        raise VocabularyError(f"{where}: expected a mapping with a 'label'")
    labels = entry.get("label")
    if not isinstance(labels, dict):
        raise VocabularyError(f"{where}: needs 'label: {{en: ..., uk: ...}}'")
    for language in LABEL_LANGUAGES:
        value = labels.get(language)
        if not isinstance(value, str) or not value.strip():
            raise VocabularyError(f"{where}: label has no {language!r} text")
