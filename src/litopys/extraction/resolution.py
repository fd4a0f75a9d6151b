"""Resolve references to speakers: "he", "Klymenko", "the council", "the minister" mean someone named before."""

from __future__ import annotations

import functools
import re

from .speakers import Reference, Speaker, categories, category

#: How many speakers are remembered for "he", surnames and "the council".
MEMORY = 64


class SpeakerBook:
    """The speakers a document has named, most recently named last."""

    def __init__(self):
        #: Oldest first; a dict, so that naming someone again moves them to the end at once.
        self.speakers: dict[Speaker, None] = {}

    def resolve(self, reference: Reference) -> Speaker | None:
        """Return the speaker a reference means, remembering the speakers named so far."""
        speaker = reference.speaker
        if reference.how == "pronoun" or (speaker is not None and speaker.name is None):
            # "he said", "за його словами"; "the minister said" after the minister was named
            return next((s for s in reversed(self.speakers) if not s.institution and s.name), speaker)
        if reference.how == "surname":
            for known in reversed(self.speakers):
                if known.name and not known.institution and named_by(known.name, speaker.name):
                    return known
        if reference.how == "generic":
            kind = category(speaker.name)
            for known in reversed(self.speakers):
                stems = _stems(speaker.name)  # "the service": a word of "State Emergency Service of Ukraine"
                same = (kind and kind in categories(known.name)) or bool(stems) and stems <= _stems(known.name)
                if known.institution and same and known != speaker:
                    return known
        if speaker is not None and speaker.name:
            self.speakers.pop(speaker, None)
            self.speakers[speaker] = None
            if len(self.speakers) > MEMORY:  # a long document: who spoke long ago is not "he" now
                del self.speakers[next(iter(self.speakers))]
        return speaker


_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1024)
def _stems(name: str) -> frozenset[str]:
    return frozenset(word[:5] for word in _WORD.findall(name.lower()) if len(word) > 2)


def named_by(full: str, word: str) -> bool:
    """Say whether a person named in full is the one a surname or a first name alone names ("пані Ніна")."""
    return same_surname(full, word) or " " in full and full.split()[0] == word


def same_surname(full: str, surname: str) -> bool:
    last = full.split()[-1].lower()
    surname = surname.lower()
    common = min(len(last), len(surname)) - 2
    if len(last) >= 3 and surname.startswith(last) and len(surname) - len(last) <= 2:
        return True  # a short surname declined: "Ким" -> "Кима", "Кіпер" -> "Кіпера", "Кіпером"
    return last == surname or (common >= 4 and last[:common] == surname[:common] and abs(len(last) - len(surname)) <= 2)


