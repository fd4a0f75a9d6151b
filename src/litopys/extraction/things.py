"""Read a count of things: civilian objects ("14 homes"), attacks counted in times or munitions ("shelled … 30
times", "двічі атакували", "5 дронами"), and whether a word of people describes things ("гражданских объектов").
A part of ``reading.read``; ``reading`` is its ``Reading``."""

from __future__ import annotations

import re

from .bounds import Quantity
from .kinds import triggers
from .lexicon import KIND_TIMES, OBJECT
from .lexicon.loading import alternation
from .patterns import words
from .segment import clause_of, clauses

#: A number with no noun is still a count when it is followed by one of these ("12 were killed", "вісім отримали").
BARE_NEXT = words(alternation("kinds", "bare_next"))
_TIMES_KINDS = frozenset(kind for kind, _ in KIND_TIMES)
_ADJECTIVAL = re.compile(rf"(?:{alternation('kinds', 'adjective_ends')})$")
#: Before a count of munitions: the country they were launched at ("атакувала Україну 94 ударними дронами").
_AT_THE_COUNTRY = re.compile(
    rf"(?<!\w)(?:{alternation('kinds', 'at_the_country')})\s+"
    rf"(?:\d[\d\s\u00a0]*(?:[^\W\d_]+\s+){{1,3}}(?:,\s*|(?:{alternation('kinds', 'joiners')})\s+))*$"
)  # the country, then only other counts of munitions: "Україну 94 ударними дронами і 8 ракетами"
#: Counts of times, which count attacks wherever they were aimed ("атакували Україну 30 разів").
_TIMES = re.compile(rf"(?:{alternation('kinds', 'times_words')}|{alternation('kinds', 'count_of_times')})(?!\w)")


def launched_at_the_country(low: str, start: int, noun: str) -> bool:
    """Say whether a count of munitions (not of times) was launched at the whole country: the Air Force's tally of
    munitions, not a count of attacks ("Россия атаковала Украину 64 ракетами и 147 ударными дронами")."""
    return _TIMES.match(noun) is None and _AT_THE_COUNTRY.search(low, max(0, start - 80), start) is not None


def read_thing(sentence: str, quantity: Quantity, window: str, position: int, reading) -> None:
    """Read a count of civilian objects ("14 homes") or of attacks as a number of times ("shelled … 30 times": the
    kind's words must be in the number's clause)."""
    thing = OBJECT.search(window)
    if thing is not None and not BARE_NEXT.match(window.lstrip()):  # "трьох — у машині": where, not what
        reading.thing, reading.noun_end = True, position + thing.end()
        return
    head = window.lstrip()
    for kind, pattern in KIND_TIMES:
        times = pattern.match(head)
        if times is None:
            continue
        clause = clause_of(clauses(sentence), quantity.start)
        if any(found == kind and clause[0] <= start < clause[1] for start, _, found in triggers(sentence)) and not \
                launched_at_the_country(sentence, quantity.start, times.group()):
            reading.kind, reading.rule = kind, "noun"
            reading.noun_end = position + (len(window) - len(head)) + times.end()
        return


def read_times(sentence: str, quantity: Quantity, reading) -> None:
    """Read "двічі атакували", "shelled … twice": attacks counted in times, when its words are in its clause."""
    clause = clause_of(clauses(sentence), quantity.start)
    for start, _, found in triggers(sentence):
        if found in _TIMES_KINDS and clause[0] <= start < clause[1]:
            reading.kind, reading.rule, reading.noun_end = found, "noun", quantity.end
            return


def describes_thing(window: str, person: re.Match) -> bool:
    """Say whether a word of people qualifies the noun of things after it ("гражданских объектов")."""
    if not _ADJECTIVAL.search(window, 0, person.end()):
        return False
    rest = window[person.end():]
    head = rest.lstrip()
    return len(head) < len(rest) and OBJECT.match(head) is not None


#: A list item's words before its number: "▪️ приватних будинків — 641", "Private houses: 641".
_LABEL_BEFORE = re.compile(r"(?:^|\n)[^\w\n]*(\w[^\n—–:]{1,60}?)\s*[—–:-]\s*$")


def read_label(sentence: str, quantity: Quantity, reading) -> None:
    """Read a count of civilian objects a list item names before its number ("▪️ приватних будинків — 641")."""
    label = _LABEL_BEFORE.search(sentence, 0, quantity.start)
    if label is not None and OBJECT.search(label.group(1)) is not None:
        reading.thing, reading.noun_start, reading.noun_end = True, label.start(1), quantity.end
