"""A total broken down across places: "at least 10 torture chambers were found in the region: six of them in
Kherson, two in Beryslav, and one each in Bilozerka and Chornobaivka".

After a total, a list opens (a colon, a parenthesis or a dash) whose items are a number and the place it stands
at; the number's noun is left out or repeated ("six of them", "дві —", "14 bodies in Izium"). "One each in A and
B", "по одній у А та Б" give the number to every place listed. Each part is a claim of the total's kind at its own
place; the engine gives it the total's qualifiers, speaker and date. The words are the lexicon's (section
``distribution``, with ``groups: after_number``, ``places: prepositions`` and ``kinds: joiners``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .bounds import Quantity
from .lexicon import lowered
from .lexicon.loading import alternation

_OF_THEM = alternation("groups", "after_number")
_PREPOSITION = alternation("places", "prepositions")
_JOINER = alternation("kinds", "joiners")
_EACH = alternation("distribution", "each_before")
EACH_AFTER = re.compile(rf"\s*(?:{alternation('distribution', 'each_after')})(?!\w)")
#: "each" anywhere in a count's words: "One person each was killed in …".
EACH_WORD = re.compile(rf"(?<!\w)(?:{alternation('distribution', 'each_after')})(?!\w)")
EACH_BEFORE = re.compile(rf"(?<!\w)(?:{alternation('distribution', 'each_before')})\s+$")
#: Between a total's words and its list: a few words ("were found in the region"), then what opens the list.
_OF_THEM_OPENS = alternation("groups", "phrases")
_OPENER = re.compile(
    rf"[^.;:()\[\]0-9]{{0,100}}?(?::|\(|\s[-\u2013\u2014]\s|,\s*(?:{_OF_THEM_OPENS}))\s*(?:(?:{_EACH})\s+)?$"
)  # ", из них шестеро — в Херсоне, по одному — в Бериславе": "of them" opens a list too


def _to_place(words: int) -> re.Pattern:
    """Between a part's number and its place: "of them", up to ``words`` words (its noun), a dash, "in"."""
    return re.compile(rf"\s*(?:(?:{_OF_THEM})\s*)?(?:[^\W\d][\w'\u2019-]*\s+){{0,{words}}}?(?:[-\u2013\u2014:]\s*)?"
                      rf"(?:(?:{_PREPOSITION})\s+)?$")


_TO_PLACE = _to_place(3)
#: Between two places of one part ("in Bilozerka and Chornobaivka", "у Харкові, Ізюмі та Балаклії").
_PLACE_JOINER = re.compile(
    rf"\s*(?:,\s*)?(?:(?:{_JOINER})\s+)?(?:(?:{_PREPOSITION})\s+)?(?:[^\W\d]+\s+)?$"
)  # "у Пересадівці та в селі Тернові Поди": a word saying what the place is may come before its name
#: Between one part and the next: a comma, "and", a semicolon.
_ALSO = alternation("kinds", "coordination", "also")
_NEXT_PART = re.compile(rf"\s*[,;]?\s*(?:(?:{_JOINER})\s+)?(?:(?:{_ALSO})\s+)?(?:(?:{_EACH})\s+)?$")
#: "Of the 120 civilians detained …, 70 were held in Izium and 50 in Balakliia": a whole opening its clause, whose
#: comma opens the list.
_WHOLE_BEFORE = re.compile(rf"(?:^|[.;:]\s+|,\s+)(?:{alternation('groups', 'of')})\s+$")
_OF_THEM_AFTER = re.compile(rf"\s*(?:{_OF_THEM})(?!\w)")
_WHOLE_OPENER = re.compile(r"[^.;:()\[\]0-9]{0,120}?,\s*$")
#: Where a list opens (without what follows): a colon, a parenthesis, a dash.
_OPENS = re.compile(r"[^.;:()\[\]0-9]{0,100}?(?::|\(|\s[-\u2013\u2014]\s)")
#: A place before its number ("у Бучі — 8"): before the place, after it.
_BEFORE_PLACE = re.compile(
    rf"\s*[,;]?\s*(?:(?:{alternation('distribution', 'and_also')}|{_JOINER})\s+)?(?:(?:{_PREPOSITION})\s+)?$")
#: Before a number-first part closing a place-first list: ", а також по", ", and one each".
_TAIL_GAP = re.compile(
    rf"\s*[,;]?\s*(?:(?:{alternation('distribution', 'and_also')}|{_JOINER})\s+)?(?:(?:{_EACH})\s+)?$")
_PLACE_TO_NUMBER = re.compile(r"\s*[-\u2013\u2014:]\s*$")
#: How far a list may open after its total's words, and how far a part's place may stand from its number.
OPENER_REACH = 120
PLACE_REACH = 50
#: A list of parts that opens the next sentence ("…at least 10 places. Six of them are in the city of Kherson, two
#: in Beryslav, and one each in …"): at most a few words before its first number ("По его словам,").
LEAD_IN_REACH = 200
#: Before the first place of a place-first list that opens a sentence: a few words, no number ("Найбільше тіл
#: виявлено у", "Most of the bodies were found in").
_LEAD_IN = re.compile(r"[^\d.;:]{0,160}")
CONTINUED_OPENING = re.compile(r"\W*(?:[^\W\d][\w'\u2019-]*\W+){0,4}?$")
#: Between one part and the next in such a sentence: an aside may come first ("… itself, among them the basement of
#: a police station; two are in Beryslav").
_NEXT_PART_LOOSE = re.compile(rf"[^.\d]{{0,90}}?[,;]\s*(?:(?:{_JOINER})\s+)?(?:(?:{_EACH})\s+)?$")
#: Between a part's number and its place in such a sentence: a few more words ("are in the city of").
_TO_PLACE_LOOSE = _to_place(5)


class Part(NamedTuple):
    """A part of a total: its quantity, and the places (start, end, mention) it stands at, in sentence offsets."""

    quantity: Quantity
    places: list[tuple]


def parts(sentence: str, total: Quantity, total_end: int, following: list[Quantity],
          mentions: list[tuple]) -> list[Part]:
    """Return the parts of a ``total`` whose words end at ``total_end`` in ``sentence``: the quantities after it that a
    list opened after the total gives each to a place. ``mentions`` are the sentence's places, in its offsets."""
    if not following:
        return []
    low = lowered(sentence)
    first = following[0]
    if first.start - total_end > OPENER_REACH:
        return []
    listed = _in_parentheses(low, total_end, following, mentions)
    if listed:
        return listed
    if not _OPENER.match(low, total_end, first.start):
        whole = _WHOLE_BEFORE.search(low, max(0, total.start - 16), total.start) is not None
        if whole and _WHOLE_OPENER.match(low, total_end, first.start):
            return _number_first(low, following, mentions)
        if _WHOLE_OPENER.match(low, total_end, first.start) and _OF_THEM_AFTER.match(low, first.end):
            return _number_first(low, following, mentions)  # "Nine civilians were injured, six of them in Kherson"
        return _place_first(low, total_end, following, mentions)
    return _number_first(low, following, mentions)


def opens_with_a_number(sentence: str, found: list[Quantity]) -> bool:
    """Say whether a sentence opens with a number, a few words at most before it ("По его словам, три …"), or with
    a place and its number ("Найбільше тіл виявлено у Великій Димерці — 48, …")."""
    if not found or found[0].start > LEAD_IN_REACH:
        return False
    low = lowered(sentence)
    return CONTINUED_OPENING.match(low, 0, found[0].start) is not None or _LEAD_IN.match(
        low, 0, found[0].start) is not None


def continued(sentence: str, found: list[Quantity], mentions: list[tuple]) -> list[Part]:
    """Return the parts a sentence lists when it opens with them, a total's list going on from the sentence before
    ("Six of them are in the city of Kherson, two are in Beryslav, and one each in …"): two places at least."""
    low = lowered(sentence)
    listed = _in_parentheses(low, 0, found, mentions)  # "Больше всего погибших — в Донецкой (46), Харьковской (28) …"
    if listed:
        return listed
    if not opens_with_a_number(sentence, found):
        return []
    listed = _number_first(low, found, mentions, _TO_PLACE_LOOSE, _NEXT_PART_LOOSE)
    if sum(len(part.places) for part in listed) < 2:
        listed = _place_first_from(low, 0, found, mentions, _LEAD_IN)
    return listed if sum(len(part.places) for part in listed) >= 2 else []


def _number_first(low: str, following: list[Quantity], mentions: list[tuple], to_place=_TO_PLACE,
                  next_part=_NEXT_PART) -> list[Part]:
    """Read parts written as a number and its place: "six of them in Kherson, two in Beryslav"."""
    found: list[Part] = []
    for index, quantity in enumerate(following):
        if found and not next_part.fullmatch(low, _end_of(found[-1]), quantity.start):
            break
        stop = following[index + 1].start if index + 1 < len(following) else len(low)
        places = _places_of(low, quantity, stop, mentions, to_place)
        if not places:
            break
        found.append(Part(quantity, places))
    return found


def _place_first(low: str, total_end: int, following: list[Quantity], mentions: list[tuple]) -> list[Part]:
    """Read parts written as a place, then a dash and its number: "14 цивільних: у Бучі — 8, у Гостомелі — 6"."""
    opens = _OPENS.match(low, total_end, following[0].start)
    if opens is None:
        return []
    return _place_first_from(low, opens.end(), following, mentions, _BEFORE_PLACE)


def _place_first_from(low: str, start: int, following: list[Quantity], mentions: list[tuple], lead_in) -> list[Part]:
    """Read place-then-number parts from ``start``; ``lead_in`` is what may stand before the first place."""
    found: list[Part] = []
    previous = start
    for quantity in following:
        between = [m for m in mentions if previous <= m[0] and m[1] <= quantity.start]
        each = EACH_BEFORE.search(low, max(0, quantity.start - 12), quantity.start) is not None
        joined = all(_PLACE_JOINER.fullmatch(low, a[1], b[0]) for a, b in zip(between, between[1:], strict=False))
        if not between and found and _TAIL_GAP.fullmatch(low, previous, quantity.start):
            tail = _places_of(low, quantity, len(low), mentions)  # "…, Покровську — 5, а також по одному в А та Б"
            found.extend([Part(quantity, tail)] if tail else [])
            break
        if not between or len(between) > 1 and not (each and joined):
            break  # several places take one number only "each": "у Святогірську та Рай-Олександрівці – по одному"
        place = between[0]
        before = lead_in if not found else _BEFORE_PLACE
        number_at = quantity.start if not each else low.rfind(" ", 0, quantity.start - 1) + 1
        if not (before.fullmatch(low, previous, place[0]) and _PLACE_TO_NUMBER.fullmatch(low, between[-1][1],
                                                                                        number_at)):
            break
        found.append(Part(quantity, between))
        previous = quantity.end
    return found


_OPEN_PARENTHESIS = re.compile(r"\s*\(\s*")
_CLOSE_PARENTHESIS = re.compile(r"\s*\)")


def _in_parentheses(low: str, start: int, following: list[Quantity], mentions: list[tuple]) -> list[Part]:
    """Read parts written as a place and its number in parentheses: "в Донецкой (46), Харьковской (28) и
    Запорожской (19) областях"; two at least."""
    found: list[Part] = []
    previous = start
    for quantity in following:
        between = [m for m in mentions if previous <= m[0] and m[1] <= quantity.start]
        if not between or not _OPEN_PARENTHESIS.fullmatch(low, between[-1][1], quantity.start):
            break
        if not _CLOSE_PARENTHESIS.match(low, quantity.end):
            break
        found.append(Part(quantity, [between[-1]]))
        previous = quantity.end
    return found if len(found) >= 2 else []


def _end_of(part: Part) -> int:
    return max(part.places[-1][1], part.quantity.end)


def _places_of(low: str, quantity: Quantity, stop: int, mentions: list[tuple], to_place=_TO_PLACE) -> list[tuple]:
    """Return the place a part's number stands at or, for "one each" / "по одній", every place listed after it."""
    after = [m for m in mentions if quantity.end <= m[0] and m[1] <= stop]
    if not after or after[0][0] - quantity.end > PLACE_REACH:
        return []
    each = EACH_AFTER.match(low, quantity.end) is not None or EACH_BEFORE.search(
        low, max(0, quantity.start - 12), quantity.start) is not None
    words_end = EACH_AFTER.match(low, quantity.end).end() if EACH_AFTER.match(low, quantity.end) else quantity.end
    if not to_place.fullmatch(low, words_end, after[0][0]):
        return []
    places = [after[0]]
    if each:
        for mention in after[1:]:
            if not _PLACE_JOINER.fullmatch(low, places[-1][1], mention[0]):
                break
            places.append(mention)
    return places
