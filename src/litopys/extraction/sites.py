"""A site named once with no number where the sentence says it was found: "виявили на території заводу катівню",
"обнаружено массовое захоронение", "investigators found a torture chamber": one site of that kind (a part of the
engine's reader). The nouns and the verbs of finding are the lexicon's (``single_sites``, ``found_verbs``). And
whether a paragraph is worth reading at all."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import attribution, segment
from .lexicon import SINGLE_OBJECT, SINGLE_PERSON, lowered
from .lexicon.loading import alternation, by_key
from .numbers import WORD_NUMBER
from .patterns import words
from .segment import clause_of, clauses

if TYPE_CHECKING:
    from .breakdowns import FoundClaim, ParagraphState

_SITES = [(kind, words("|".join(found))) for kind, found in by_key("single_sites").items() if found]
_DIGIT = re.compile(r"[0-9]")
_FOUND = re.compile(rf"(?<!\w)(?:{alternation('found_verbs')})(?!\w)")
#: Any site noun of them (a paragraph without a number is read only when it has one).
SINGLE_SITE = words("|".join(f"(?:{pattern.pattern})" for _, pattern in _SITES)) if _SITES else re.compile("(?!)")


class SingleSites:
    """Methods of the engine's reader (``engine._Reader``) for a site named once with no number."""

    def _single_sites(self, index: int, position: int, sentence: segment.Sentence, state: ParagraphState,
                      made: list[FoundClaim], sentence_date) -> None:
        low = lowered(sentence.text)
        if made or not _FOUND.search(low):
            return  # "447 bodies were found in a mass grave": the grave is where the counted were found
        for kind, pattern in _SITES:
            for match in pattern.finditer(low):
                clause = clause_of(clauses(low), match.start())
                if _FOUND.search(low, *clause) is None:
                    continue
                sentence_date = self._single(index, position, sentence, state, made, sentence_date, kind,
                                             match.span(), {}, "single_site")


def worth_reading(text: str) -> bool:
    """Say whether a paragraph may hold a count or name a speaker (most others are skipped unread): a number, a
    reporting word, or one object, person or site named with no number."""
    low = lowered(text)
    return bool(_DIGIT.search(text) or WORD_NUMBER.search(low) or attribution.mentions_speaker(text)
                or SINGLE_OBJECT.search(low) or SINGLE_PERSON.search(low) or SINGLE_SITE.search(low))
