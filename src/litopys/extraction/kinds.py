"""Say what a quantity counts: the kind of claim and the qualifiers its noun gives.

"447 bodies" -> bodies; "1,000 civilians died" -> killed, status civilian; "215 are women" -> a
breakdown (sex female) whose kind comes from its total; "10 torture chambers" -> torture_sites.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .bounds import Quantity
from .claimkinds import GROUP_KINDS, PLACE_OF, SIGNS_ON, part_of
from .lexicon import (
    KIND_NOUNS,
    KIND_PEOPLE,
    KIND_TRIGGERS,
    LINKING,
    OF_GROUP,
    OTHERS,
    PERSON,
    QUALIFIERS,
    breakdown,
    lowered,
    mentions_sex,
    named_before,
    sex_unknown,
)
from .lexicon.loading import alternation, entries, wordset
from .patterns import source, union, words

# A full stop inside a sentence is an abbreviation ("3 тыс. кв. км"), so it does not end the window.
_WINDOW_STOP = re.compile(r"[,;:!?()\[\]«»\"“”]|\s[—–]\s")
_WINDOW_WORDS = 4
#: A number with no noun is still a count when it is followed by one of these ("12 were killed", "вісім отримали").
_BARE_NEXT = words(alternation("kinds", "bare_next"))
#: Signs of what befell them are said right after the noun of those counted ("30 bodies bore signs of torture").
SIGNS_REACH = 40
_SIGNS_AFTER = [(kind, KIND_TRIGGERS[kind], seen_on) for kind, seen_on in SIGNS_ON.items() if kind in KIND_TRIGGERS]
#: Between two coordinated numbers: a few words of the first's predicate ("prisoners of war were killed and 73
#: wounded"), then a comma or "and" (", and" too).
_AND = alternation("kinds", "coordination", "conjunctions")
_COORDINATION = re.compile(
    rf"\s*(?:[^\W\d][\w'’-]*(?:\s+|(?=,))){{0,4}}(?:,\s*(?:(?:{_AND})\s+)?|(?<=\s)(?:{_AND})\s+)"
    r"(?:,\s*)?"
    rf"(?:(?:{alternation('kinds', 'coordination', 'also')})\s+)?"
)
_CLAUSE_REST = re.compile(rf"\s*(?:{alternation('groups', 'of_them')})?\s*(?:[,;:.!?)\]»”\"]|\s[—–]\s|$)")
#: The last words _RHETORICAL can end with: other text needs no search.
_RHETORICAL_ENDS = tuple(dict.fromkeys(phrase.split()[-1] for phrase in entries("kinds", "rhetorical")))
_RHETORICAL = re.compile(rf"(?:{alternation('kinds', 'rhetorical')})\s*$")
_PARTITIVE = re.compile(rf"\s*\S+\s+(?:{alternation('groups', 'partitive')})\s*$")
_JOINERS = wordset("kinds", "joiners")
_TO = alternation("kinds", "to")
_TOTAL_TO = re.compile(rf"(?:{alternation('kinds', 'totals')})\b.{{0,80}}?\b(?:{_TO})\s+$")
_CHANGE = re.compile(rf"(?:{alternation('kinds', 'risen')})\s+(?:(?:{_TO})\s+)?$")
_CONJUNCTION = words(alternation("kinds", "conjunctions"))
#: Places, premises and basements: what torture sites are counted as when a clause says what happened there.
_SITE_NOUN = words(alternation("kinds", "site_nouns"))
#: "… 11 places in the liberated part of the region where detainees were tortured", "3 места, где удерживали и пытали".
_WHERE = re.compile(rf"\b(?:{alternation('kinds', 'where')})\b")
SITE_REACH = 80
#: How far (in characters) a verb may stand from a number with no noun of its own.
BARE_REACH = 30
#: How far a verb elsewhere in the sentence may stand from a counted noun.
SENTENCE_REACH = 150


# One pattern for all counted nouns: at the same position, the earlier kind in KIND_NOUNS wins.
_ANY_KIND_NOUN, _NOUN_OWNERS = union([source(pattern) for _, pattern in KIND_NOUNS], capture=True)
_NOUN_KINDS = tuple(KIND_NOUNS[owner][0] if owner >= 0 else None for owner in _NOUN_OWNERS)
_ANY_QUALIFIER = union([source(pattern) for pattern, _ in QUALIFIERS])[0]


@functools.lru_cache(maxsize=4096)
def _qualifiers_of(word: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for pattern, values in QUALIFIERS:
        if pattern.fullmatch(word):
            for key, value in values.items():
                found.setdefault(key, value)
    return found


# One pattern for all trigger words; at the same position, the earlier kind in KIND_TRIGGERS wins.
_ANY_TRIGGER, _TRIGGER_OWNERS = union([source(pattern) for pattern in KIND_TRIGGERS.values()], capture=True)
_TRIGGER_KINDS = tuple(list(KIND_TRIGGERS)[owner] if owner >= 0 else None for owner in _TRIGGER_OWNERS)


@dataclass(slots=True)
class Reading:
    """What the words around a quantity say it counts."""

    kind: str | None = None
    qualifiers: dict[str, str] = field(default_factory=dict)
    rule: str = ""
    person: bool = False
    bare: bool = False
    linked: bool = False
    others: bool = False
    sex_unknown: bool = False
    noun_end: int = 0
    #: The kind a breakdown phrase before the number names ("серед поранених" -> injured).
    group_kind: str | None = None


_CLAUSE_BREAK = re.compile(r",\s|;\s*|:\s|\s[—–]\s|\s-\s|\(|\)")


@functools.lru_cache(maxsize=64)
def clauses(sentence: str) -> list[tuple[int, int]]:
    """Split ``sentence`` into clauses at ", " ";" ": " and dashes (not at the comma of "1,000")."""
    bounds, start = [], 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(sentence)))
    return bounds


def clause_of(bounds: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= position <= end:
            return start, end
    return 0, bounds[-1][1] if bounds else position


def read(sentence: str, quantity: Quantity, limit: int) -> Reading | None:
    """Read the words after (and just before) ``quantity``; ``limit`` is where the next quantity starts."""
    reading = Reading()
    sentence = lowered(sentence)
    position = quantity.end
    of_group, link = OF_GROUP.match(sentence, position), None
    if of_group:
        reading.linked, position = True, of_group.end()
    else:
        link = LINKING.match(sentence, position)
        position = link.end() if link else position
    stop = _WINDOW_STOP.search(sentence, position, min(limit, position + 80))
    window = sentence[position : stop.start() if stop else min(limit, position + 80, len(sentence))]
    tokens = window.split(None, _WINDOW_WORDS)[:_WINDOW_WORDS]
    for index, token in enumerate(tokens):
        if index and token in _JOINERS:
            tokens = tokens[:index]  # "three people and injured 12": "injured" is the next number's
            break
    end = 0
    for token in tokens:  # the window ends with its last word
        end = window.index(token, end) + len(token)
    window = window[:end]
    if quantity.number.year_like and not _starts_with_noun(window):
        return None  # "in 1940"
    if not of_group and limit < len(sentence) and _PARTITIVE.match(sentence, position, limit):
        return None  # "146 тел из 447": the count that matters is the whole
    rhetorical_from = max(0, quantity.start - 30)
    if sentence[rhetorical_from : quantity.start].rstrip().endswith(_RHETORICAL_ENDS) and _RHETORICAL.search(
        sentence, rhetorical_from, quantity.start
    ):
        return None  # "behind every one of the 447 graves is a family"
    if quantity.value == 1 and quantity.number.spelled and not _one_counts(sentence, window, position, of_group):
        return None  # "one of the", "one in three", "one mass grave"; but "одну дитину", "one of the detainees died"
    match = _ANY_KIND_NOUN.search(window)
    if match:
        reading.kind, reading.rule = _NOUN_KINDS[match.lastindex], "noun"
        reading.noun_end = position + match.end()
        if reading.kind in GROUP_KINDS and _names_group(window, match.start(), of_group):
            # "троих из задержанных … пытали": what befell them decides; the group is the total they are part of
            reading.rule, reading.linked, reading.group_kind = "partitive", True, reading.kind
    person = PERSON.search(window)
    reading.person = person is not None
    reading.others = reading.person and OTHERS.search(window) is not None
    if reading.person:
        for word in _ANY_QUALIFIER.findall(window):
            for key, value in _qualifiers_of(word).items():
                reading.qualifiers.setdefault(key, value)
        reading.noun_end = reading.noun_end or position + person.end()
    before = sentence[max(0, quantity.start - 40) : quantity.start]
    named = named_before(before)
    if named is not None and (reading.kind is None or part_of(reading.kind, named)):
        reading.kind, reading.rule = named, "named-before"  # "тела 432 погибших": the bodies are what is counted
    if reading.kind is None and not reading.person and _SITE_NOUN.match(window.lstrip()):
        site = _site_of(sentence, position + len(window))
        if site is not None:
            reading.kind, reading.rule = site, "site-where"
    group = breakdown(before)
    if group:
        reading.linked = True
        reading.group_kind = _trigger_kind(group)
    clause = None  # the clause of the number, found only when needed
    if mentions_sex(sentence):
        clause = clause_of(clauses(sentence), quantity.start)
        reading.sex_unknown = sex_unknown(sentence, clause[0], clause[1])
        if reading.sex_unknown:
            reading.qualifiers["sex"] = "unknown"
    for kind, signs_of, seen_on in _SIGNS_AFTER:
        if reading.kind not in seen_on and not (reading.person and reading.kind is None):
            continue
        after = reading.noun_end or quantity.end
        signs = signs_of.search(sentence, after, after + SIGNS_REACH)
        if signs and signs.end() > (clause or clause_of(clauses(sentence), quantity.start))[1]:
            signs = None  # in the next clause; no word crosses a clause break
        if signs and not _CONJUNCTION.search(sentence, after, signs.start()):
            reading.kind, reading.rule = kind, "signs-after-noun"
            break
    if reading.kind is None and not reading.person:
        first = tokens[0] if tokens else ""
        verb_before = link is not None and link.group(0).strip()[:1].isalpha()  # "60 are believed to be held"
        if first and not (reading.linked or verb_before or _BARE_NEXT.match(first) or _trigger_kind(first)):
            return None  # "ten years", "two therapist doctors": the noun counts something else
        reading.bare = True
    reading.noun_end = reading.noun_end or (position if of_group else quantity.end)
    return reading


#: Kinds whose noun may name the group a part is taken from ("three of the detainees", "троих из задержанных").
#: Before a group's noun: "three of the detainees", "троих из задержанных", "one out of".
_GROUP_OF = re.compile(rf"\s*(?:{alternation('groups', 'of')})\s+")


def _names_group(window: str, noun_start: int, of_group) -> bool:
    """Say whether the counted noun names the group a part is taken from ("of the detainees", "из задержанных")."""
    if of_group is not None:
        return not window[:noun_start].strip()
    found = _GROUP_OF.match(window)
    return found is not None and found.end() == noun_start


def _partitive_kind(sentence: str, reading: Reading) -> str | None:
    """The kind of a part taken from a group: the first verb of another kind after the group's noun in its
    clause ("three of the men were beaten", "троих из задержанных … пытали током"), else the group's kind."""
    low = lowered(sentence)
    end = clause_of(clauses(low), reading.noun_end)[1]
    for start, _, kind in triggers(sentence):
        if reading.noun_end <= start < end and kind != reading.kind:
            return kind
    return reading.kind


def _one_counts(sentence: str, window: str, position: int, of_group) -> bool:
    """Say whether a spelled "one" counts a person: "одну дитину", "one of the detainees died" (a verb follows the
    group's noun in its clause); not "one of the", "one in three", "one mass grave"."""
    head = window.lstrip()
    if of_group is None:
        return PERSON.match(head) is not None
    noun = _ANY_KIND_NOUN.match(head) or PERSON.match(head)
    if noun is None:
        return False
    after = position + (len(window) - len(head)) + noun.end()
    end = clause_of(clauses(sentence), after)[1]
    return any(after <= start < end for start, _, _ in triggers(sentence))


def _site_of(sentence: str, after: int) -> str | None:
    """Return the kind the places just counted are of when said to be where something befell people (held,
    tortured: torture sites), or None."""
    where = _WHERE.search(sentence, after, after + SITE_REACH)
    if where is None:
        return None
    found = _ANY_TRIGGER.search(sentence, where.end(), where.end() + SITE_REACH)
    return PLACE_OF.get(_TRIGGER_KINDS[found.lastindex]) if found is not None else None


def _starts_with_noun(window: str) -> bool:
    head = window.lstrip()
    return _ANY_KIND_NOUN.match(head) is not None or PERSON.match(head) is not None


def _trigger_kind(text: str) -> str | None:
    match = _ANY_TRIGGER.search(lowered(text))
    return _TRIGGER_KINDS[match.lastindex] if match else None


@functools.lru_cache(maxsize=64)
def triggers(sentence: str) -> list[tuple[int, int, str]]:
    """Return (start, end, kind) of every word in ``sentence`` that says what happened to people."""
    kinds = _TRIGGER_KINDS
    return [(m.start(), m.end(), kinds[m.lastindex]) for m in _ANY_TRIGGER.finditer(lowered(sentence))]


def nearest_trigger(
    found: list[tuple[int, int, str]], span: tuple[int, int], within: tuple[int, int], reach: int
) -> str | None:
    """Return the kind of the trigger nearest to ``span`` inside ``within`` and no farther than ``reach``."""
    best = None
    for start, end, kind in found:
        if start < within[0] or end > within[1] or span[0] <= start < span[1]:
            continue
        gap = start - span[1] if start >= span[1] else span[0] - end
        if gap <= reach and (best is None or gap < best[0]):
            best = (gap, kind)
    return best[1] if best else None


def decide(
    sentence: str, quantity: Quantity, reading: Reading, total_kind: str | None, between: tuple[int, int]
) -> tuple[str | None, str]:
    """Return (kind, rule) for a quantity, given the kind of the total it may break down.

    A noun decides first ("447 bodies"); a number with no noun takes a verb right next to it and
    not beyond a neighbouring number ("killed 3 and injured 7"); a count of people takes the
    nearest verb of its clause, then the group it belongs to, then its total, then any verb near it.
    """
    if reading.rule == "partitive":
        return _partitive_kind(sentence, reading), "partitive"
    if reading.kind is not None and not (reading.sex_unknown and total_kind):
        return reading.kind, reading.rule
    found = triggers(sentence)
    span = (quantity.start, reading.noun_end)
    if reading.bare:
        # Its own clause first: "held there; of them, 12 were subjected to torture"
        clause = clause_of(clauses(lowered(sentence)), quantity.start)
        own = (max(between[0], clause[0]), min(between[1], clause[1]))
        kind = nearest_trigger(found, span, own, BARE_REACH) or nearest_trigger(found, span, between, BARE_REACH)
        low = lowered(sentence)
        if kind is None and (
            _CHANGE.search(low, max(0, quantity.start - 25), quantity.start)
            or _TOTAL_TO.search(low, max(0, quantity.start - 120), quantity.start)
        ):
            # "the death toll from a strike on Kupiansk rose to seven": the subject names the kind
            subject = (max(0, quantity.start - SENTENCE_REACH), span[0])
            kind = nearest_trigger(found, span, subject, 10**6)
            for word in _ANY_QUALIFIER.findall(low, *subject):
                for key, value in _qualifiers_of(word).items():
                    reading.qualifiers.setdefault(key, value)  # "the number of civilians confirmed dead"
        if kind is None and reading.linked and total_kind and _ends_clause(sentence, reading.noun_end):
            return total_kind, "breakdown"  # "у 30 из них." but not "140 of them had been examined"
        return kind, "verb"
    clause = clause_of(clauses(lowered(sentence)), quantity.start)
    kind = None if reading.sex_unknown else nearest_trigger(found, span, clause, 10**6)
    if kind is not None:
        return kind, "verb"
    if reading.group_kind:
        return reading.group_kind, "breakdown"
    if total_kind and (reading.qualifiers or reading.linked or reading.others):
        return total_kind, "breakdown"
    kind = nearest_trigger(found, span, (0, len(sentence)), SENTENCE_REACH)
    if kind is not None:
        return kind, "verb"
    window = lowered(sentence)[quantity.end : reading.noun_end + 1]
    for kind, people in KIND_PEOPLE:
        if people.search(window):
            return kind, "victims"
    return None, ""


def _ends_clause(sentence: str, position: int) -> bool:
    return _CLAUSE_REST.match(lowered(sentence), position) is not None


def coordinated(sentence: str, previous_end: int, start: int) -> bool:
    """Say whether a number continues the one before it: "1,017 civilians killed and 2,145 injured"."""
    return _COORDINATION.fullmatch(lowered(sentence), previous_end, start) is not None
