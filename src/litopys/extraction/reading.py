"""Read the words around a quantity: the noun it counts, the qualifiers that noun gives, what it is part of.

"447 bodies" -> a noun of bodies; "1,000 civilians died" -> people, status civilian, kind left to the verb;
"215 are women" -> a breakdown (sex female); "three of the detainees" -> a part of a group; "in 1940", "ten years",
"behind every one of the 447 graves" -> no count. ``kinds.decide`` then says what the quantity counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bounds import Quantity
from .claimkinds import GROUP_KINDS, PLACE_OF, SIGNS_ON, part_of, parts_of
from .kinds import (
    _ANY_KIND_NOUN,
    _ANY_QUALIFIER,
    _ANY_TRIGGER,
    _NOUN_KINDS,
    _TRIGGER_KINDS,
    described_as,
    qualifiers_of,
    sex_by_contrast,
    trigger_kind,
    triggers,
)
from .lexicon import (
    KIND_TRIGGERS,
    LINKING,
    NAMED_BEFORE,
    OF_GROUP,
    OTHERS,
    PERSON,
    breakdown,
    lowered,
    mentions_sex,
    named_before,
    sex_unknown,
)
from .lexicon.loading import alternation, entries, wordset
from .patterns import words
from .segment import clause_of, clauses
from .things import BARE_NEXT, describes_thing, read_label, read_thing, read_times

# A full stop inside a sentence is an abbreviation ("3 тыс. кв. км"), so it does not end the window.
_WINDOW_STOP = re.compile(r"[,;:!?()\[\]«»\"“”]|\s[—–]\s")
_WINDOW_WORDS = 4
#: Signs of what befell them are said right after the noun of those counted ("30 bodies bore signs of torture").
SIGNS_REACH = 40
_SIGNS_AFTER = [(kind, KIND_TRIGGERS[kind], seen_on) for kind, seen_on in SIGNS_ON.items() if kind in KIND_TRIGGERS]
#: The last words _RHETORICAL can end with: other text needs no search.
_RHETORICAL_ENDS = tuple(dict.fromkeys(phrase.split()[-1] for phrase in entries("kinds", "rhetorical")))
_RHETORICAL = re.compile(rf"(?:{alternation('kinds', 'rhetorical')})\s*$")
_PARTITIVE = re.compile(rf"\s*\S+\s+(?:{alternation('groups', 'partitive')})\s*$")
_JOINERS = wordset("kinds", "joiners")
#: Numbers that are a count of times by themselves: "двічі", "дважды", "twice".
_TIMES_WORDS = wordset("kinds", "times_words")
#: Right before a number, "on": "на 19 тілах", "on 40 of the bodies" (the bounds' prepositions).
_ON_THE = re.compile(rf"(?<!\w)(?:{alternation('bounds', 'prepositions')})\s+$")
_ITEM_DASH = re.compile(r"\s+[\u2013\u2014]\s+")
_PHONE = re.compile(rf"(?<!\w)(?:{alternation('numbers', 'phone_before')})\s+(?:\S+\s+){{0,2}}$")
_DURATION = re.compile(rf"(?:{alternation('numbers', 'durations')})[.,;:]?")
_CONJUNCTION = words(alternation("kinds", "conjunctions"))
#: Places, premises and basements: what torture sites are counted as when a clause says what happened there.
_SITE_NOUN = words(alternation("kinds", "site_nouns"))
#: "… 11 places in the liberated part of the region where detainees were tortured", "3 места, где удерживали и пытали".
_WHERE = re.compile(rf"\b(?:{alternation('kinds', 'where')})\b")
SITE_REACH = 80
#: Right before "N of them": "In 11 of them …": the counted are places.
_IN_OF_THEM = re.compile(rf"(?<!\w)(?:{alternation('kinds', 'in_of_them')})\s+$")
#: The kinds a noun named before the number may replace: none yet, or one a named kind's count may hold.
#: Who they were, in brackets after a count: "1 загиблий (чоловік, 64 роки)", "2 (women)".
_PERSON_IN_BRACKETS = re.compile(r"\s*\(\s*([^\W\d_]+)[^()]{0,40}\)")
#: What all those counted were, after the count: "тіла 19 людей, усі — цивільні", "19 bodies, all civilians".
_ALL_OF_THEM = re.compile(rf",\s*(?:{alternation('groups', 'all_of_them')})\s*(?:[—–-]\s*)?([^\W\d_]+)")
_NAMED_OVER = frozenset({None}.union(*(parts_of(kind) for kind in NAMED_BEFORE)))


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
    #: Where its noun starts when it is named before the number ("▪️ приватних будинків — 641").
    noun_start: int | None = None
    #: The kind a breakdown phrase before the number names ("серед поранених" -> injured).
    group_kind: str | None = None
    #: It counts civilian objects ("14 homes"): the words of what was done to them decide the kind.
    thing: bool = False


def read(sentence: str, quantity: Quantity, limit: int, places_of_them: bool = True) -> Reading | None:
    """Read the words after (and just before) ``quantity``; ``limit`` is where the next quantity starts.

    ``places_of_them``: "In 11 of them, … held and tortured" counts places of torture (unless "them" are a count
    found before: then the engine reads again without)."""
    reading = Reading()
    sentence = lowered(sentence)
    position = quantity.end
    of_group, link = OF_GROUP.match(sentence, position), None
    if of_group:
        reading.linked, position = True, of_group.end()
    else:
        link = LINKING.match(sentence, position)
        position = link.end() if link else position
    if places_of_them and of_group and _IN_OF_THEM.search(sentence, max(0, quantity.start - 6), quantity.start):
        site = _site_after(sentence, position)
        if site is not None:  # "In 11 of them, the occupiers held and tortured people": 11 places of torture
            reading.kind, reading.rule, reading.linked, reading.noun_end = site, "site_where", True, position
            return reading
    stop = _WINDOW_STOP.search(sentence, position, min(limit, position + 80))
    window = sentence[position : stop.start() if stop else min(limit, position + 80, len(sentence))]
    tokens = window.split(None, _WINDOW_WORDS)[:_WINDOW_WORDS]
    for index, token in enumerate(tokens):
        if token in _JOINERS and (index or limit < len(sentence) and not stop):
            tokens = tokens[:index]  # "three people and injured 12", "погибли трое и ранены 19": the next number's
            break
    end = 0
    for token in tokens:  # the window ends with its last word
        end = window.index(token, end) + len(token)
    window = window[:end]
    if quantity.number.year_like and not _starts_with_noun(window):
        return None  # "in 1940"
    if tokens and _DURATION.fullmatch(tokens[0]):
        return None  # "засудив до 12 років позбавлення волі", "held for 38 days": a length of time
    if not of_group and limit < len(sentence) and _PARTITIVE.match(sentence, position, limit):
        return None  # "146 тел из 447": the count that matters is the whole
    if _PHONE.search(sentence, max(0, quantity.start - 30), quantity.start):
        return None  # "call 102", "за номером 102": a telephone number
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
    if person is not None and reading.kind is None and describes_thing(window, person):
        person = None  # "56 гражданских объектов", "civilian facilities": the word of people describes things
    reading.person = person is not None
    reading.others = reading.person and OTHERS.search(window) is not None
    if reading.person:
        for word in _ANY_QUALIFIER.findall(window):
            for key, value in qualifiers_of(word).items():
                reading.qualifiers.setdefault(key, value)
        contrast = "sex" not in reading.qualifiers and sex_by_contrast(person.group(0), sentence)
        if contrast:
            reading.qualifiers["sex"] = contrast  # "41 чоловік, 29 жінок": men
        reading.noun_end = reading.noun_end or position + person.end()
    bracket = _PERSON_IN_BRACKETS.match(sentence, reading.noun_end or quantity.end)
    if bracket is not None and described_as(bracket.group(1)):  # "1 загиблий (чоловік, 64 роки)": a man
        reading.qualifiers = {**described_as(bracket.group(1)), **reading.qualifiers}
        reading.noun_end = bracket.end()
    all_of_them = _ALL_OF_THEM.match(sentence, reading.noun_end or quantity.end)
    if all_of_them is not None and (reading.person or reading.kind is not None):
        reading.qualifiers = {**qualifiers_of(all_of_them.group(1)), **reading.qualifiers}
    before = sentence[max(0, quantity.start - 40) : quantity.start]
    named = named_before(before) if reading.kind in _NAMED_OVER else None
    if named is not None and (reading.kind is None or part_of(reading.kind, named)):
        reading.kind, reading.rule = named, "named_before"  # "тела 432 погибших": the bodies are what is counted
    site_noun = _SITE_NOUN.match(window.lstrip()) if reading.kind is None else None
    if site_noun is not None:
        # "10 places where civilians were held and tortured": "where" and the people held there may fall inside the
        # window; the places are what is counted
        noun_end = position + len(window) - len(window.lstrip()) + site_noun.end()
        site = _site_of(sentence, noun_end)
        if site is not None:
            reading.kind, reading.rule, reading.noun_end = site, "site_where", noun_end
            reading.person, reading.others, reading.qualifiers = False, False, {}
    times_word = quantity.number.spelled and sentence[quantity.number.start : quantity.number.end] in _TIMES_WORDS
    if times_word:
        read_times(sentence, quantity, reading)
        return reading if reading.kind is not None else None  # "двічі поранений": no count of people
    if reading.kind is None and not reading.person:
        read_thing(sentence, quantity, window, position, reading)
    if reading.kind is None and not reading.person and not reading.thing and not window.strip(" .;,"):
        read_label(sentence, quantity, reading)  # "▪️ приватних будинків — 641"
    group = breakdown(before)
    if group:
        reading.linked = True
        reading.group_kind = trigger_kind(group)
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
            reading.kind, reading.rule = kind, "signs_after_noun"
            break
    if reading.rule != "signs_after_noun" and _ON_THE.search(sentence, max(0, quantity.number.start - 8),
                                                              quantity.number.start):
        # "Щонайменше на 19 тілах … експерти зафіксували сліди катувань": the signs were found on those counted
        for kind, signs_of, seen_on in _SIGNS_AFTER:
            if reading.kind in seen_on and signs_of.search(sentence, reading.noun_end or quantity.end):
                reading.kind, reading.rule = kind, "signs_after_noun"
                break
    if reading.kind is None and not reading.person and not reading.thing:
        first = tokens[0].strip(".!?…") if tokens else ""  # "and wounded 12.": the sentence ends
        verb_before = link is not None and link.group(0).strip()[:1].isalpha()  # "60 are believed to be held"
        item = link is not None and _ITEM_DASH.fullmatch(link.group(0)) is not None  # "366 — із РСЗВ": an item
        if first and not (reading.linked or verb_before or item or BARE_NEXT.match(first) or trigger_kind(first)):
            return None  # "ten years", "two therapist doctors": the noun counts something else
        reading.bare = True
    reading.noun_end = reading.noun_end or (position if of_group else quantity.end)
    return reading


#: Before a group's noun: "three of the detainees", "троих из задержанных", "one out of".
_GROUP_OF = re.compile(rf"\s*(?:{alternation('groups', 'of')})\s+")


def _names_group(window: str, noun_start: int, of_group) -> bool:
    """Say whether the counted noun names the group a part is taken from ("of the detainees", "из задержанных")."""
    if of_group is not None:
        return not window[:noun_start].strip()
    found = _GROUP_OF.match(window)
    return found is not None and found.end() == noun_start


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
    return _site_after(sentence, where.end()) if where is not None else None


def _site_after(sentence: str, after: int) -> str | None:
    """Return the kind of the places whose fate words follow ``after`` (held, tortured: torture sites), or None."""
    found = _ANY_TRIGGER.search(sentence, after, after + SITE_REACH)
    return PLACE_OF.get(_TRIGGER_KINDS[found.lastindex]) if found is not None else None


def _starts_with_noun(window: str) -> bool:
    head = window.lstrip()
    return _ANY_KIND_NOUN.match(head) is not None or PERSON.match(head) is not None
