"""People a text names without quoting them, for "she says" and a bare surname to resolve to.

"Омбудсман Дмитро Лубінець зустрівся з родинами… За його даними, …": "його" is Dmytro Lubinets, though
no reporting verb named him; "Лубінець: …" in a headline is the same man named in full further down.
Asked only when the speakers already named cannot answer, so ordinary text costs nothing.
"""

from __future__ import annotations

import re

from .lexicon.loading import letters
from .names import FIRST_NAMES, ROLE_WORDS, STOP_WORDS, find_name
from .resolution import named_by
from .speakers import Speaker, parse

#: How far back (in characters) "he" or "she" may look for a person the text named.
REACH = 800
#: How far either way a bare surname may look for the same person named in full (a headline, the lead).
FULL_NAME_REACH = 4000
#: Where a sentence starts: the role before a name is read from there ("Мешканка Ірпеня Тетяна Кравець").
_SENTENCE_START = re.compile(r"[.!?…]\s+|\n")
_ROLE_WORDS = 8
#: Capitalised words that may be a surname named in full elsewhere, and how many of them "he" may look at.
_CAPITALISED_WORD = re.compile(rf"(?<!\w)[{letters('upper')}][^\W\d_]{{3,}}")
_SURNAMES_TRIED = 4


def named_before(text: str, end: int) -> Speaker | None:
    """Return the person named last in the sentences of ``text`` before ``end``."""
    start = max(0, end - REACH)
    window = text[start:end]
    found = find_name(window, anchored=True)
    if found is not None:
        return _with_role(text, start + found[0], start + found[1], found[2])
    return _first_name_alone(window)  # "Halyna, 58, lived in Bucha … She says": a first name alone


def named_in(text: str, start: int, end: int) -> Speaker | None:
    """Return the person named last in ``text[start:end]`` with a first name (and surname, or alone: "Місцевий
    мешканець Василь, 67-річний тракторист"), or None."""
    found = find_name(text[start:end], anchored=True)
    named_at = start + found[0] if found is not None else -1
    for word in list(reversed(list(_CAPITALISED_WORD.finditer(text, start, end))))[:_SURNAMES_TRIED]:
        if word.start() <= named_at:
            break  # the one named in full last comes after any bare surname
        if word.group() not in STOP_WORDS and word.group().lower() not in ROLE_WORDS:
            person = named_in_full(text, word.group(), start)  # "Prokudin described …", named in full before
            if person is not None:
                return person
    if found is not None:
        return _with_role(text, start + found[0], start + found[1], found[2])
    return _first_name_alone(text[start:end])


def _first_name_alone(window: str) -> Speaker | None:
    for word in reversed(window.split()):
        word = word.strip(",.;:!?\"'«»“”()")
        if word in FIRST_NAMES and FIRST_NAMES[word][0] == word:
            return Speaker(word, None)
    return None


def named_in_full(text: str, surname: str, at: int) -> Speaker | None:
    """Return the person whose surname ``surname`` is (or first name: "пані Ніна"), named in full in ``text`` near
    ``at``."""
    stem = re.escape(surname[: max(3, len(surname) - 2)])
    near = re.compile(rf"(?<!\w){stem}\w*")
    first = surname in FIRST_NAMES
    for match in near.finditer(text, max(0, at - FULL_NAME_REACH), at + FULL_NAME_REACH):
        start, end = (match.start(), match.end() + 40) if first else (max(0, match.start() - 40), match.end())
        found = find_name(text[start:end], anchored=True)
        if found is not None and named_by(found[2], surname):
            return _with_role(text, start + found[0], start + found[1], found[2])
    return None


def _with_role(text: str, start: int, end: int, name: str) -> Speaker:
    earliest = max(0, start - 120)
    sentence_start = max((m.end() for m in _SENTENCE_START.finditer(text, earliest, start)), default=earliest)
    words = text[sentence_start:start].split()[-_ROLE_WORDS:]
    reference = parse(" ".join([*words, text[start:end]])) if words else None
    if reference is not None and reference.speaker is not None and reference.speaker.name == name:
        return reference.speaker
    return Speaker(name, None)
