"""Words that say what a number counts, in every language of the lexicon (``lexicon/<language>.yaml``).

Patterns are matched case-insensitively against words; a stem ending in ``\\w*`` covers the
inflected forms. All languages are searched together, so mixed-language text works.
"""

from __future__ import annotations

import functools
import re

from ..patterns import source, words
from .loading import alternation, by_key, each, groups, wordset


@functools.lru_cache(maxsize=256)
def lowered(text: str) -> str:
    """Return ``text`` in lower case with every character where it was (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # "İ" lowercases to two characters


# Nouns right after a number that say what is counted ("447 bodies", "10 катівень", "20 пыточных камер").
# Earlier entries win a tie at the same position.
KIND_NOUNS: list[tuple[str, re.Pattern]] = [
    (kind, words("|".join(nouns))) for kind, nouns in by_key("kinds", "nouns").items()
]

# Words anywhere near a number that say what happened to the people counted.
KIND_TRIGGERS: dict[str, re.Pattern] = {
    kind: words("|".join(found)) for kind, found in by_key("kinds", "words").items()
}

# Nouns that count people; with a kind trigger nearby they become claims.
PERSON = words(alternation("person_nouns"))
#: Person nouns that, with nothing else to go on, count a kind ("12 victims": the killed).
KIND_PEOPLE: list[tuple[str, re.Pattern]] = [
    (kind, words("|".join(nouns))) for kind, nouns in by_key("kinds", "people").items()
]
OTHERS = words(alternation("others"))

#: Qualifiers of the kinds that count no people: qualifier -> [(value, its words)], the first value that matches wins.
KIND_QUALIFIER_WORDS: dict[str, list[tuple[str, re.Pattern]]] = {}
for _, _qualifiers in each("kind_qualifiers"):
    for _key, _values in _qualifiers.items():
        for _value, _words in _values.items():
            KIND_QUALIFIER_WORDS.setdefault(_key, []).append((_value, words("|".join(_words))))
#: Nouns that count civilian objects ("14 homes", "3 будівлі"): the generic ones and those that name a type.
OBJECT = words("|".join([alternation("object_nouns"), *(source(found) for _, found in KIND_QUALIFIER_WORDS.get(
    "object", []))]))
#: A single civilian object named with no number ("and a school", "та школу").
SINGLE_OBJECT = words(alternation("single_objects"))
#: A single person named with no number ("a woman", "74-річна жінка"), each pattern with the qualifiers it gives.
SINGLE_PEOPLE: list[tuple[re.Pattern, dict[str, str]]] = [
    (words("|".join(found)), said) for said, found in groups("single_people")
]
SINGLE_PERSON = words("|".join(source(pattern) for pattern, _ in SINGLE_PEOPLE))
#: Just before a person's noun, words that make it no one person in particular ("every child", "кожна дитина").
EVERY = re.compile(rf"(?:^|\W)(?:{alternation('every')})\s+(?:[\w-]+\s+)?$")
#: An age in digits ("12-year-old", "74-річна", "14-летняя"): its years are the group.
#: An age under ``YOUNG["below"]`` gives ``YOUNG["qualifiers"]`` (a child).
YOUNG: dict = next((young for _, young in each("numbers", "young")), {"below": 0, "qualifiers": {}})
AGE = re.compile(rf"(?<!\d)(\d{{1,3}})\s?[-‑–]?\s?(?:{alternation('numbers', 'ages')})")
#: Nouns that count a kind only with its words in the sentence ("shelled … 30 times"), by kind.
KIND_TIMES: list[tuple[str, re.Pattern]] = [
    (kind, words("|".join(found))) for kind, found in by_key("kinds", "times").items()
]

QUALIFIERS: list[tuple[re.Pattern, dict[str, str]]] = [
    (words("|".join(found)), said) for said, found in groups("qualifiers")
]

#: The sex of the counted was not established ("the sex of 11 others has not yet been established").
SEX_UNKNOWN = re.compile(alternation("sex_unknown", "patterns"))
_SEX_HINT = re.compile(alternation("sex_unknown", "hints"))


def mentions_sex(text: str) -> bool:
    """Say whether lowered ``text`` speaks of sex at all (``sex_unknown`` can hold only then)."""
    return _SEX_HINT.search(text) is not None


@functools.lru_cache(maxsize=256)
def sex_unknown(text: str, start: int, end: int) -> bool:
    """Say whether lowered ``text[start:end]`` says the sex of those counted is not established."""
    return _SEX_HINT.search(text, start, end) is not None and SEX_UNKNOWN.search(text, start, end) is not None


#: The last words before a number that name what it counts ("the bodies of", "тела"), by kind.
_BEFORE = {" ".join(phrase.split()): kind for kind, phrases in by_key("kinds", "before").items() for phrase in phrases}
_BEFORE_WORDS = max((len(phrase.split()) for phrase in _BEFORE), default=0)
_BEFORE_ENDS = frozenset(phrase.split()[-1] for phrase in _BEFORE)
#: The kinds the last words before a number may name ("the bodies of": bodies).
NAMED_BEFORE = frozenset(_BEFORE.values())
_GROUP_PHRASES = wordset("groups", "phrases")
_GROUP_HEADS = wordset("groups", "heads")


def _last_words(before: str, count: int) -> list[str]:
    return before.rstrip(" \t\n,:—–-").rsplit(None, count)[-count:]


def named_before(before: str) -> str | None:
    """Return the kind lowered ``before`` ends by naming ("the bodies of (the)", "тіла", "тела": bodies), or None."""
    last = _last_words(before, _BEFORE_WORDS) if _BEFORE_WORDS else []
    if not last or last[-1] not in _BEFORE_ENDS:
        return None
    for size in range(1, len(last) + 1):
        kind = _BEFORE.get(" ".join(last[-size:]))
        if kind is not None:
            return kind
    return None


_GROUP_PHRASE_ENDS = frozenset(phrase.split()[-1] for phrase in _GROUP_PHRASES if phrase.strip())
_GROUP_HEAD_ENDS = frozenset(head.split()[-1] for head in _GROUP_HEADS)


def breakdown(before: str) -> str | None:
    """Return the words by which lowered ``before`` ends by naming a group ("серед поранених", "of them"), or None."""
    last = _last_words(before, 4)
    if not last or last[-1] not in _GROUP_PHRASE_ENDS and (len(last) < 2 or last[-2] not in _GROUP_HEAD_ENDS):
        return None  # neither a group phrase nor a group's head ("among the") before the last word
    for size in (1, 2, 3, 4):
        phrase = " ".join(last[-size:])
        if len(last) >= size and phrase.strip() in _GROUP_PHRASES:
            return phrase
        head = " ".join(last[-size:-1])
        if len(last) >= size and size > 1 and head.strip() in _GROUP_HEADS:
            return phrase
    return None


#: After a number: "12 of them", "12 of the dead".
OF_GROUP = re.compile(rf"\s*(?:{alternation('groups', 'after_number')})")
#: After a number, before its noun: "215 are women", "215 — жінки".
LINKING = re.compile(rf"\s*(?:(?:{alternation('linking_verbs')})\s+|[—–:-]\s*)")

