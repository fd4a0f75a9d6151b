"""Counts a text itself discounts: a figure it says was superseded, and people no longer in the group counted.

"Earlier reports of 39 dead were revised upward", "the toll rose from 50 to 52", "раніше повідомлялося про 60
загиблих, замість": the figure is no longer claimed. "Повернути додому вдалося лише 371 дитину", "вдалося
встановити долю понад 4 тисяч людей, які вважалися зниклими", "released 12 hostages": those counted have left
the group (returned, found, freed), so the number is not a count of deported, missing or detained people.
"""

from __future__ import annotations

import re

from .kinds import clause_of, clauses, triggers
from .lexicon import lowered

#: How far before a number a superseding or outcome phrase may end.
REACH = 60
#: Right before a number: a figure given before and replaced ("earlier reports of", "up from", "замість").
_SUPERSEDED = re.compile(
    r"(?<!\w)(?:(?:earlier|initial|previous|original|first)\s+(?:reports?|figures?|tolls?|estimates?|counts?)"
    r"(?:\s+(?:had|have|of|put|said|gave|spoke of|at))*"
    r"|(?:initially|originally|previously|earlier)\s+(?:reported|put at|given as|estimated at)"
    r"|(?:rose|risen|increased|climbed|grew|jumped|revised(?:\s+\w+)?|up|down)\s+from"
    r"|instead of|(?:зросл\w*|зріс|збільшил\w*|возросл\w*|вырос\w*|увеличил\w*)\s+(?:з|із|с|от)"
    r"|замість(?:\s+раніше\s+\w+)?|вместо(?:\s+ранее\s+\w+)?|раніше\s+повідомлял\w*\s+про|ранее\s+сообщал\w*\s+о)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+)?$"
)
#: In the clause before a number: those counted were returned, freed, rescued or found ("вдалося повернути").
_OUTCOME = re.compile(
    r"(?<!\w)(?:returned|brought back|rescued|released|freed|exchanged|reunited|fate\s+(?:of|has been|was)"
    r"|повернут\w*|повернул\w*|повернено|звільнил\w*|звільнено|обміня\w*|врятува\w*|встанов\w+\s+долю"
    r"|вернут\w*|вернул\w*|возвращен\w*|освободил\w*|освобождены|освобождено|обменя\w*|спасен\w*|спасли|спасти"
    r"|установ\w+\s+судьб\w*)(?!\w)"
)


def discounted(sentence: str, start: int, end: int) -> bool:
    """Say whether the number at ``sentence[start:end]`` is a figure superseded or of people no longer counted."""
    low = lowered(sentence)
    before = low[max(0, start - REACH) : start]
    if _SUPERSEDED.search(before):
        return True
    clause = clause_of(clauses(low), start)
    outcome = _OUTCOME.search(low, max(clause[0], start - REACH), start)
    if outcome is None:
        return False
    # "звільнених … 95 мали сліди катувань": what befell them after the number still counts
    return not any(end <= first < clause[1] for first, _, _ in triggers(sentence))
