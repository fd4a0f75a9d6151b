"""Read the words of every language (one YAML file per language in this folder) and merge them.

Every ``<language>.yaml`` here is read, in the order of the language codes; adding a language is adding a file
with the same sections. A section's entries are words, or regular expressions where the rules read them so; the
rules compile the entries of all languages together, so that mixed-language text works.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parent
#: An entry written "~lemma" stands for every form of that word, as the language's analyser inflects it.
LEMMA = "~"
#: After a lemma, the grammatical number its forms are limited to ("~школа@sing").
NUMBER = "@"
_APOSTROPHE = "['’ʼ`]"


@functools.cache
def languages() -> dict[str, dict]:
    """Return each language's lexicon by its code ("en", "ru", "uk"), in the order of the codes; entries written
    "~lemma" are replaced by a regular expression of every form of the word (``morphology.forms``)."""
    return {code: _inflected(lexicon, code) for code, lexicon in written().items()}


@functools.cache
def written() -> dict[str, dict]:
    """Return each language's lexicon as its file writes it ("~lemma" entries as they are)."""
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) or {} for path in sorted(FOLDER.glob("*.yaml"))}


def _inflected(value, language: str):
    """Replace every "~lemma" entry of a lexicon by the alternation of its word's forms."""
    if isinstance(value, dict):
        return {key: _inflected(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [_inflected(item, language) for item in value]
    if isinstance(value, str) and value.startswith(LEMMA) and len(value) > 1:
        return lemma_pattern(value[1:], language)
    return value


def lemma_pattern(lemma: str, language: str) -> str:
    """Return a regular expression matching every form of ``lemma`` (of several words: every form of the last);
    "~школа@sing" only its singular forms that are no plural one ("школу", not "школи")."""
    from ..morphology import forms

    lemma, _, number = lemma.partition(NUMBER)
    *head, last = lemma.split()
    written = sorted(forms(last, language, number=number or None), key=len, reverse=True)
    alternatives = "|".join(re.escape(form).replace("'", _APOSTROPHE) for form in written)
    prefix = "".join(re.escape(word) + r"\s+" for word in head)
    return f"{prefix}(?:{alternatives})"


def each(*path: str) -> list[tuple[str, object]]:
    """Return (language, value) of a section for every language that has it: for rules built per language."""
    found = []
    for code, lexicon in languages().items():
        value = _lookup(lexicon, path)
        if value not in (None, [], {}, ""):
            found.append((code, value))
    return found


def section(*path: str) -> list:
    """Return the values of a section in every language, each language's in turn: ``section("numbers", "units")``."""
    found: list = []
    for _, value in each(*path):
        if isinstance(value, dict):
            found.extend(value.items())
        else:
            found.extend(value)
    return found


def entries(*path: str) -> list[str]:
    """Return the entries of a list section in every language, in order, each once."""
    return _strings(section(*path), path)


def alternation(*path: str) -> str:
    """Return the entries of a list section in every language as one alternation ("a|b|c"); one never matching
    when no language has any."""
    return "|".join(entries(*path)) or "(?!)"


def wordset(*path: str) -> frozenset[str]:
    """Return the words of a list section in every language, as one set."""
    return frozenset(entries(*path))


def values(*path: str) -> dict[str, int | float]:
    """Return a section of ``value: [forms]`` in every language as one ``form -> value`` mapping."""
    found: dict[str, int | float] = {}
    for value, forms in section(*path):
        for form in forms:
            found.setdefault(str(form), value)
    return found


def pairs(*path: str) -> dict[str, str]:
    """Return a section of ``key: value`` in every language as one mapping (the first language's value wins)."""
    found: dict[str, str] = {}
    for key, value in section(*path):
        found.setdefault(key, value)
    return found


def by_key(*path: str) -> dict[str, list[str]]:
    """Return a section of ``key: [entries]`` in every language as one mapping, keys in the order first met."""
    found: dict[str, list] = {}
    for key, items in section(*path):
        found.setdefault(key, []).extend(items or [])
    return {key: _strings(items, (*path, str(key))) for key, items in found.items()}


def groups(*path: str, field: str = "words") -> list[tuple[dict, list[str]]]:
    """Return a section listing ``{<what it says>..., words: [entries]}`` in every language as (what it says,
    entries), one per distinct group in the order first met: the languages' groups saying the same are one."""
    found: dict[tuple, list] = {}
    for group in section(*path):
        said = {key: value for key, value in group.items() if key != field}
        found.setdefault(tuple(said.items()), []).extend(group.get(field) or [])
    return [(dict(said), _strings(items, path)) for said, items in found.items()]


def letters(case: str, language: str | None = None) -> str:
    """Return the letters of ``case`` ("upper" or "lower") of one language, or of all, as a character class's body."""
    found = [alphabet.get(case, "") for code, alphabet in each("alphabet") if language in (None, code)]
    return "".join(dict.fromkeys(found))


def _lookup(lexicon: dict, path: tuple[str, ...]):
    value = lexicon
    for key in path:
        value = (value or {}).get(key)
    return value


def _strings(items: list, path: tuple) -> list[str]:
    for item in items:
        if not isinstance(item, str):  # YAML reads a bare on, no or yes as a boolean
            raise ValueError(f"lexicon section {'/'.join(path)}: {item!r} is no word; quote it in the YAML file")
    return list(dict.fromkeys(items))
