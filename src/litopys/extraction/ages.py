"""Numbers that are a person's age, not a count: "aged 68", "у віці 68", "Serhii K., 52, a resident", "One woman,
67, was killed", "aged 45 and 52"."""

from __future__ import annotations

import re

from litopys.names import FIRST_NAMES

from .lexicon.loading import alternation, letters

#: Before a number, what makes it an age: "aged 68", "у віці 68", "в возрасте 68 лет".
_AGE_BEFORE = re.compile(rf"(?<!\w)(?:{alternation('numbers', 'ages_before')})\s+$", re.I)
#: A person's name and a comma right before a number set off by commas: "The witness, Serhii K., 52, a resident".
_NAME_BEFORE = re.compile(rf"([{letters('upper')}][\w'’ʼ-]+)\s+[{letters('upper')}][\w'’ʼ.-]*,\s*$")
_COMMA_AFTER = re.compile(r"\s*,")
_NOUN_BEFORE = re.compile(rf"(?<!\w)(?:{alternation('numbers', 'aged_nouns')}),\s*$", re.I)
#: An age in a list of ages: "aged 45 and 52", "віком 45 і 52 роки".
_AGES_BEFORE = re.compile(
    rf"(?<!\w)(?:{alternation('numbers', 'ages_before')})\s+\d+(?:\s*,\s*\d+)*\s*"
    rf"(?:,|(?:{alternation('kinds', 'joiners')}))\s+$",
    re.I,
)


#: After the last age of a list: a comma, a closing mark, the word for years, the end of the text.
_AGE_ENDS = re.compile(rf"\s*(?:[,;.)]|(?:{alternation('numbers', 'durations')})(?!\w)|$)", re.I)


def _set_off(text: str, start: int, end: int) -> bool:
    """Say whether a number set off by commas after a person's name or noun is their age ("Serhii K., 52, a
    resident", "One woman, 67, was killed"), or follows another age ("aged 45 and 52")."""
    if _AGES_BEFORE.search(text, max(0, start - 40), start) and _AGE_ENDS.match(text, end):
        return True  # "aged 45 and 52," but not "a man aged 60 and 3 children"
    if _COMMA_AFTER.match(text, end) is None:
        return False
    name = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if name is not None and name.group(1) in FIRST_NAMES:
        return True
    return _NOUN_BEFORE.search(text, max(0, start - 24), start) is not None


def is_age(text: str, start: int, end: int) -> bool:
    """Say whether the number at ``text[start:end]`` is someone's age."""
    return bool(_AGE_BEFORE.search(text, max(0, start - 24), start)) or _set_off(text, start, end)
