"""Read the words of every language (one YAML file per language in this folder) and merge them.

Every ``<language>.yaml`` here is read; adding a language is adding a file with the same sections.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parent


@functools.cache
def languages() -> dict[str, dict]:
    """Return each language's lexicon by its code ("en", "ru", "uk"), English first, then by code."""
    files = sorted(FOLDER.glob("*.yaml"), key=lambda path: (path.stem != "en", path.stem))
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) or {} for path in files}


def section(*path: str) -> list:
    """Return the values of a section in every language, each language's in turn: ``section("numbers", "units")``."""
    found: list = []
    for lexicon in languages().values():
        value = lexicon
        for key in path:
            value = (value or {}).get(key)
        if isinstance(value, dict):
            found.extend(value.items())
        elif value:
            found.extend(value)
    return found


def words(*path: str) -> frozenset[str]:
    """Return the words of a list section in every language, as one set."""
    found = section(*path)
    for word in found:
        if not isinstance(word, str):  # YAML reads a bare on, no or yes as a boolean
            raise ValueError(f"lexicon section {'/'.join(path)}: {word!r} is no word; quote it in the YAML file")
    return frozenset(found)


def values(*path: str) -> dict[str, int | float]:
    """Return a section of ``value: [forms]`` in every language as one ``form -> value`` mapping."""
    found: dict[str, int | float] = {}
    for value, forms in section(*path):
        for form in forms:
            found.setdefault(str(form), value)
    return found
