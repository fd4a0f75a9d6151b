"""What a pronoun says of the one it stands for: their sex ("she", "за її словами"), checked against a person's first
name, so that "she" is never resolved to a man."""

from __future__ import annotations

from .lexicon import lowered
from .lexicon.loading import each
from .names import FIRST_NAMES
from .speakers import Speaker

#: The sex ("f", "m") each pronoun gives its speaker, in lowercase.
_SEX_OF = {word: sex[0] for _, table in each("speakers", "sexed_pronouns") for sex, words in table.items()
           for word in words}


def pronoun_sex(pronoun: str) -> str | None:
    """The sex ("f", "m") a pronoun gives its speaker ("she", "за її словами"), or None ("вони", "it")."""
    return _SEX_OF.get(next((word for word in lowered(pronoun).split() if word in _SEX_OF), ""))


def sex_of(speaker: Speaker) -> str | None:
    """The sex ("f", "m") a person's first name gives, or None (a body, a role, a name not known)."""
    if speaker.institution or not speaker.name:
        return None
    found = FIRST_NAMES.get(speaker.name.split()[0])
    return found[1] if found else None


def allows(wanted: str | None, person: Speaker) -> bool:
    """Say whether a person may be the one a pronoun of sex ``wanted`` stands for."""
    return wanted is None or sex_of(person) in (None, wanted)
