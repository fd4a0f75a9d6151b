"""Say what a quantity counts: the kind of claim, from the words of its sentence.

"447 bodies" -> bodies; "1,000 civilians died" -> killed; "215 are women" after "447 bodies" -> a breakdown whose
kind comes from its total; "killed 3 and injured 7" -> each number takes the verb next to it. The words of each
kind are the lexicon's (sections kinds/nouns and kinds/words); ``reading`` reads the words around a quantity.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .bounds import Quantity
from .claimkinds import GROUP_KINDS, KIND_QUALIFIERS, OBJECT_KINDS, PEOPLE_KINDS, STATE_KINDS
from .lexicon import KIND_NOUNS, KIND_PEOPLE, KIND_QUALIFIER_WORDS, KIND_TRIGGERS, QUALIFIERS, lowered
from .lexicon.loading import alternation, section
from .patterns import source, union
from .segment import clause_of, clauses

if TYPE_CHECKING:
    from .reading import Reading

#: Between two coordinated numbers: a few words of the first's predicate ("prisoners of war were killed and 73
#: wounded"), then a comma or "and" (", and" too).
_AND = alternation("kinds", "coordination", "conjunctions")
_COORDINATION = re.compile(
    rf"\s*(?:[^\W\d][\w'’-]*(?:\s+|(?=,))){{0,4}}(?:,\s*(?:(?:{_AND})\s+)?|(?<=\s)(?:{_AND})\s+)"
    r"(?:,\s*)?"
    rf"(?:(?:{alternation('kinds', 'coordination', 'also')})\s+)?"
)
_WITH_VERB = re.compile(
    rf"\s*(?:[^\W\d][\w'’-]*\s+){{0,3}}?(?:,\s*)?(?:{_AND})\s+[^\W\d][\w'’-]*\s+"
    rf"(?:(?:{alternation('kinds', 'coordination', 'also')})\s+)?"
)
_CLAUSE_REST = re.compile(rf"\s*(?:{alternation('groups', 'of_them')})?\s*(?:[,;:.!?)\]»”\"]|\s[—–]\s|$)")
_TO = alternation("kinds", "to")
_TOTAL_TO = re.compile(rf"(?:{alternation('kinds', 'totals')})\b.{{0,80}}?\b(?:{_TO})\s+$")
_CHANGE = re.compile(rf"(?:{alternation('kinds', 'risen')})\s+(?:(?:{_TO})\s+)?$")
#: How far (in characters) a verb may stand from a number with no noun of its own.
BARE_REACH = 30
#: How far a verb elsewhere in the sentence may stand from a counted noun.
SENTENCE_REACH = 150


# One pattern for all counted nouns: at the same position, the earlier kind in KIND_NOUNS wins.
_ANY_KIND_NOUN, _NOUN_OWNERS = union([source(pattern) for _, pattern in KIND_NOUNS], capture=True)
_NOUN_KINDS = tuple(KIND_NOUNS[owner][0] if owner >= 0 else None for owner in _NOUN_OWNERS)
_ANY_QUALIFIER = union([source(pattern) for pattern, _ in QUALIFIERS])[0]


@functools.lru_cache(maxsize=4096)
def qualifiers_of(word: str) -> dict[str, str]:
    """Return the qualifiers a word gives a count of people ("women": sex female)."""
    found: dict[str, str] = {}
    for pattern, values in QUALIFIERS:
        if pattern.fullmatch(word):
            for key, value in values.items():
                found.setdefault(key, value)
    return found


#: Words that name the sex of those counted only beside a count of the other sex: (word, sex, the other's words).
_BY_CONTRAST = tuple((entry["word"], entry["sex"], re.compile(rf"(?<!\w)(?:{entry['other']})(?!\w)"))
                     for entry in section("sex_by_contrast"))


def sex_by_contrast(word: str, sentence: str) -> str | None:
    """Return the sex a count's word names in a lowered sentence that also counts the other sex ("41 чоловік,
    29 жінок"), or None ("41 чоловік загинули": people)."""
    for written, sex, other in _BY_CONTRAST:
        if word == written and other.search(sentence):
            return sex
    return None


def described_as(word: str) -> dict[str, str]:
    """Return the qualifiers a word describing one person gives ("хлопчик": a male child; "чоловік": a man, as it
    is when it describes someone, not counts people)."""
    found = qualifiers_of(word)
    return found or next(({"sex": sex} for written, sex, _ in _BY_CONTRAST if written == word), {})


# One pattern for all trigger words; at the same position, the earlier kind in KIND_TRIGGERS wins.
_ANY_TRIGGER, _TRIGGER_OWNERS = union([source(pattern) for pattern in KIND_TRIGGERS.values()], capture=True)
_TRIGGER_KINDS = tuple(list(KIND_TRIGGERS)[owner] if owner >= 0 else None for owner in _TRIGGER_OWNERS)


def _partitive_kind(sentence: str, reading: Reading) -> str | None:
    """The kind of a part taken from a group: the first verb of another kind after the group's noun in its
    clause ("three of the men were beaten", "троих из задержанных … пытали током"), else the group's kind."""
    low = lowered(sentence)
    end = clause_of(clauses(low), reading.noun_end)[1]
    for start, _, kind in triggers(sentence):
        if reading.noun_end <= start < end and kind != reading.kind and kind in PEOPLE_KINDS:
            return kind
    return reading.kind


def trigger_kind(text: str) -> str | None:
    """Return the kind of the first word in ``text`` that says what befell people, or None."""
    match = _ANY_TRIGGER.search(lowered(text))
    return _TRIGGER_KINDS[match.lastindex] if match else None


@functools.lru_cache(maxsize=64)
@functools.lru_cache(maxsize=256)
def triggers(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Return (start, end, kind) of every word in ``sentence`` that says what happened to people (read once per
    sentence: every number of a sentence asks)."""
    kinds = _TRIGGER_KINDS
    return tuple((m.start(), m.end(), kinds[m.lastindex]) for m in _ANY_TRIGGER.finditer(lowered(sentence)))


#: What a count of people, or a number with no noun, may be: people's kinds, and objects ("12 were destroyed").
_COUNTABLE = PEOPLE_KINDS | OBJECT_KINDS


def nearest_trigger(
    found: tuple[tuple[int, int, str], ...], span: tuple[int, int], within: tuple[int, int], reach: int,
    kinds: frozenset[str] = PEOPLE_KINDS,
) -> str | None:
    """Return the kind (one of ``kinds``) of the trigger nearest to ``span`` inside ``within`` and no farther than
    ``reach``."""
    best = None
    for start, end, kind in found:
        if kind not in kinds or start < within[0] or end > within[1] or span[0] <= start < span[1]:
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
    for start, end, kind in triggers(sentence):
        if start < quantity.start and end >= reading.noun_end and kind in GROUP_KINDS:
            return kind, "enclosing"  # "the fate of 19 of the detainees has not been established": missing
    if reading.rule == "noun" and reading.kind in STATE_KINDS:
        # "четверых задержанных пытали", "місцеперебування ще двох затриманих невідоме": the noun names the group,
        # the words after it in its clause, before the next number, what befell those counted
        end = min(clause_of(clauses(lowered(sentence)), reading.noun_end)[1], between[1])
        for start, _, kind in triggers(sentence):
            if reading.noun_end <= start < end and kind != reading.kind and kind in GROUP_KINDS:
                return kind, "noun"
        return reading.kind, reading.rule
    if reading.kind is not None and not (reading.sex_unknown and total_kind):
        return reading.kind, reading.rule
    found = [trigger for trigger in triggers(sentence) if not _of_the_next(sentence, trigger, between[1])]
    span = (quantity.start, reading.noun_end)
    if reading.thing:
        # "14 homes were damaged", "зруйновано 3 школи": what was done to them, in the clause, else near them
        clause = clause_of(clauses(lowered(sentence)), quantity.start)
        if total_kind in OBJECT_KINDS:  # "▪️ приватних будинків — 641 (ще 57 зруйновано)": the 57's word
            found = [trigger for trigger in found if trigger[0] < between[1]]
        kind = nearest_trigger(found, span, clause, 10**6, OBJECT_KINDS) or nearest_trigger(
            found, span, (0, len(sentence)), SENTENCE_REACH, OBJECT_KINDS)
        if kind is None and total_kind in OBJECT_KINDS:
            return total_kind, "breakdown"  # "Повреждены 156 объектов. Среди них 71 частный дом, 3 школы"
        return kind, "object"
    if reading.bare:
        # Its own clause first: "held there; of them, 12 were subjected to torture"
        clause = clause_of(clauses(lowered(sentence)), quantity.start)
        own = (max(between[0], clause[0]), min(between[1], clause[1]))
        kind = nearest_trigger(found, span, own, BARE_REACH, _COUNTABLE) or nearest_trigger(
            found, span, between, BARE_REACH, _COUNTABLE)
        low = lowered(sentence)
        if kind is None and (
            _CHANGE.search(low, max(0, quantity.start - 25), quantity.start)
            or _TOTAL_TO.search(low, max(0, quantity.start - 120), quantity.start)
        ):
            # "the death toll from a strike on Kupiansk rose to seven": the subject names the kind
            subject = (max(0, quantity.start - SENTENCE_REACH), span[0])
            kind = nearest_trigger(found, span, subject, 10**6)
            for word in _ANY_QUALIFIER.findall(low, *subject):
                for key, value in qualifiers_of(word).items():
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
    kind = nearest_trigger(found, span, _uncontrasted(sentence, span), SENTENCE_REACH)
    if kind is not None:
        return kind, "verb"
    window = lowered(sentence)[quantity.end : reading.noun_end + 1]
    for kind, people in KIND_PEOPLE:
        if people.search(window):
            return kind, "person_noun"
    return None, ""


#: After "and", a verb right before the next number is that number's: "вбили 23 мирних мешканців і поранили 71".
_JOINER_BEFORE = re.compile(rf"(?<!\w)(?:{alternation('kinds', 'joiners')})\s+$")
#: … and so is one after a comma (and an adverb): "повреждены 38 домов и школа, полностью разрушены 4 дома".
_COMMA_BEFORE = re.compile(r",\s+(?:[^\W\d_]+\s+)?$")
_TO_THE_NEXT = re.compile(rf"\s+(?:(?:{alternation('kinds', 'another')})\s+)?")


def _of_the_next(sentence: str, trigger: tuple[int, int, str], next_start: int) -> bool:
    """Say whether a trigger word after "and" or a comma stands right before the next number, whose it is."""
    start, end, _ = trigger
    if next_start >= len(sentence) or end > next_start:
        return False
    low = lowered(sentence)
    return _TO_THE_NEXT.fullmatch(low, end, next_start) is not None and (_JOINER_BEFORE.search(
        low, max(0, start - 8), start) is not None or _COMMA_BEFORE.search(low, max(0, start - 24), start) is not None)


#: A clause opened by "but"/"а" after a comma, or by a semicolon, has its own subject: its verb is not a count's
#: before it, and a figure in it is not superseded by the sentence's opening.
_CONTRAST = re.compile(rf"(?:,\s+(?:{alternation('kinds', 'contrast')})|;)\s")


def contrasted(low: str, start: int) -> bool:
    """Say whether a contrasting clause ("…, але згодом …") opens before ``start`` in a lowered sentence."""
    return _CONTRAST.search(low, 0, start) is not None


def _uncontrasted(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Return the part of a sentence a count may take a verb from: not past a contrasting clause ("94 случая пыток
    гражданских лиц, а безвестно отсутствующими числятся более 2 300 жителей")."""
    low = lowered(sentence)
    before = [found.end() for found in _CONTRAST.finditer(low, 0, span[0])]
    after = _CONTRAST.search(low, span[1])
    return (before[-1] if before else 0), (after.start() if after else len(sentence))


def _ends_clause(sentence: str, position: int) -> bool:
    return _CLAUSE_REST.match(lowered(sentence), position) is not None


def coordinated(sentence: str, previous_end: int, start: int, verb: bool = False) -> bool:
    """Say whether a number continues the one before it: "1,017 civilians killed and 2,145 injured" (``verb``: or
    with a verb of its own after "and": "killed 23 civilians and injured 71")."""
    low = lowered(sentence)
    if _COORDINATION.fullmatch(low, previous_end, start) is not None:
        return True
    return verb and _WITH_VERB.fullmatch(low, previous_end, start) is not None


#: Where a kind's qualifier is read (``vocab/claim_kinds.yaml``, field ``qualifiers``): the counted noun.
NOUN_QUALIFIER = "noun"
#: How far after its noun a count's own words reach ("3 удари FPV-дронами"), up to a comma or a bracket.
OWN_WORDS_REACH = 150
#: How far the words joined to a counted noun reach ("7 объектов генерации и передачи").
JOINED_WORDS_REACH = 30
_DASH_AFTER = re.compile(r"\s*[—–-]\s+")
_OWN_WORDS_STOP = re.compile(r"[,;:.!?()\[\]\d]|\s[—–]\s")
#: The words joined to a counted noun end at a conjunction too ("5 buildings and a school": no school).
_JOINED_WORDS_STOP = re.compile(rf"[,;:.!?()\[\]\d]|\s[—–]\s|\s(?:{alternation('kinds', 'joiners')})\s")


def kind_qualifiers(kind: str, sentence: str, noun: tuple[int, int]) -> dict[str, str]:
    """Return the qualifiers of a count of a kind that counts no people: from its noun ("14 homes": object home) or
    from its sentence, when the sentence states one value only ("drones": weapon drone; "artillery and drones":
    none). ``sentence`` is lowered; ``noun`` the span of the count's words."""
    found: dict[str, str] = {}
    for key, where in KIND_QUALIFIERS.get(kind, {}).items():
        words = KIND_QUALIFIER_WORDS.get(key, [])
        if where == NOUN_QUALIFIER:
            # the noun, else the words joined to it ("7 объектов генерации и передачи": generation, an energy site)
            stop = _JOINED_WORDS_STOP.search(sentence, noun[1], noun[1] + JOINED_WORDS_REACH)
            joined = (noun[0], stop.start() if stop else min(len(sentence), noun[1] + JOINED_WORDS_REACH))
            value = next((value for value, pattern in words if pattern.search(sentence, *noun)), None) or next(
                (value for value, pattern in words if pattern.search(sentence, *joined)), None)
            found.update({key: value} if value is not None else {})
            continue
        # The count's own words first ("9 mortar attacks and 2 FPV drone strikes", "3 удари FPV-дронами"), then the
        # sentence when it states one value only.
        bare = not any(character.isalpha() for character in sentence[noun[0]:noun[1]])
        dash = bare and _DASH_AFTER.match(sentence, noun[1])  # "812 — артилерійські, 366 — із РСЗВ": its words
        after = dash.end() if dash else noun[1]
        stop = _OWN_WORDS_STOP.search(sentence, after, after + OWN_WORDS_REACH)
        own = (noun[0], stop.start() if stop else min(len(sentence), after + OWN_WORDS_REACH))
        stated = {value for value, pattern in words if pattern.search(sentence, *own)}
        if not stated:  # "with artillery and drones": two in its own words are none
            stated = {value for value, pattern in words if pattern.search(sentence)}
        value = stated.pop() if len(stated) == 1 else None
        if value is not None:
            found[key] = value
    return found
