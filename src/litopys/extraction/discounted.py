"""Counts a text itself discounts: a figure it says was superseded, people no longer in the group counted, and
people a body interviewed ("interviewed 58 civilians who had been held", "опросила 160 бывших задержанных").

"Earlier reports of 39 dead were revised upward", "the toll rose from 50 to 52", "раніше повідомлялося про 60
загиблих, замість": the figure is no longer claimed. "Повернути додому вдалося лише 371 дитину", "вдалося
встановити долю понад 4 тисяч людей, які вважалися зниклими", "released 12 hostages": those counted have left
the group (returned, found, freed), so the number is not a count of deported, missing or detained people.
"""

from __future__ import annotations

import re

from .kinds import contrasted, triggers
from .lexicon import lowered
from .lexicon.loading import alternation
from .segment import clause_of, clauses

#: How far before a number a superseding or outcome phrase may end.
REACH = 60
_THE = alternation("definite_articles")
#: Right before a number: a figure given before and replaced ("earlier reports of", "up from", "замість").
_RISEN_FROM = (
    rf"(?:{alternation('discounted', 'risen_from', 'verbs')})\s+(?:{alternation('discounted', 'risen_from', 'from')})"
)
_SUPERSEDED = re.compile(
    rf"(?<!\w)(?:{alternation('discounted', 'superseded')}|{_RISEN_FROM})\s+(?:(?:{_THE})\s+)?(?:[\w-]+\s+)?$"
)
#: A sentence opening with a figure given before: "Earlier, the SES reported three dead.", "Earlier reports had said
#: one person was killed and six were hurt.", "Раніше повідомлялося про…": every count in it is superseded.
_SUPERSEDED_SENTENCE = re.compile(rf"\W*(?:{alternation('discounted', 'superseded_sentence')})(?!\w)")
#: In the clause before a number: those counted were returned, freed, rescued or found ("вдалося повернути").
_OUTCOME = re.compile(rf"(?<!\w)(?:{alternation('discounted', 'outcome')})(?!\w)")
_RELATIVE = re.compile(rf"(?<!\w)(?:{alternation('discounted', 'relative')})(?!\w)")
#: Right before a count of people (not "relatives of 12 killed"): those a body interviewed, no count of a kind unless a
#: relative clause says what befell them.
_INTERVIEWED = re.compile(rf"(?<!\w)(?:{alternation('discounted', 'interviewed')})\s+$")
#: Right before a word of their fate, the state they came out of: "from Russian captivity", "з полону".
_OUT_OF = re.compile(rf"(?<!\w)(?:{alternation('discounted', 'out_of')})\s+(?:[\w-]+\s+)?$")


def discounted(sentence: str, start: int, end: int, people: bool = True) -> bool:
    """Say whether the number at ``sentence[start:end]`` is a figure superseded or (``people``: a count of people)
    of people no longer counted; a count of sites is only superseded ("Первинно йшлося про три масові поховання")."""
    low = lowered(sentence)
    before = low[max(0, start - REACH) : start]
    if _SUPERSEDED.search(before) or _SUPERSEDED_SENTENCE.match(low) and not contrasted(low, start):
        return True  # not "Спершу повідомлялося про одного загиблого, але згодом знайшли ще 3 тіла": the 3
    if not people:
        return False
    clause = clause_of(clauses(low), start)
    if _INTERVIEWED.search(low, max(clause[0], start - REACH), start) and not _RELATIVE.search(low, end, clause[1]):
        return True  # "поговорити з 47 звільненими з полону"; not "interviewed 27 civilians who had been detained"
    outcome = _OUTCOME.search(low, max(clause[0], start - REACH), start)
    if outcome is None:
        return False
    # "звільнених … 95 мали сліди катувань": what befell them after the number still counts, unless a relative clause
    # says what had befallen them before ("the fate of 300 people who had been reported missing")
    relative = _RELATIVE.search(low, end, clause[1])
    stop = relative.start() if relative else clause[1]
    return not any(end <= first < stop and not _OUT_OF.search(low, max(end, first - 24), first)
                   for first, _, _ in triggers(sentence))
