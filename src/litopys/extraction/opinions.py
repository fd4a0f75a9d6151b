"""Mark evaluative and rhetorical sentences as opinion: they state no facts and yield no claims.

Strong signs (the author's own opinion, rhetorical questions, doubts about a figure) make a
sentence opinion even when it holds a number. Weak signs (insults, comparisons with history,
calls for revenge, exclamations, "we"/"our") make one opinion only when it holds no claim.
Opinion sentences are merged per paragraph, bridging the sentences between two of them.
"""

from __future__ import annotations

import re

from .lexicon import lowered, words
from .lexicon.loading import alternation

#: The author's own opinion, and doubts about a figure.
STRONG = alternation("opinions", "strong")
#: Insults, comparisons with history, calls for revenge, "we"/"our", words of horror.
WEAK = alternation("opinions", "weak")
_STRONG = words(STRONG)
_WEAK = words(WEAK)
_ANY_SIGN = words(STRONG + "|" + WEAK)


def any_sign(text: str) -> bool:
    """Say whether ``text`` shows any sign of opinion (a paragraph without one needs no closer look)."""
    return "?" in text or "!" in text or _ANY_SIGN.search(lowered(text)) is not None


_QUESTION_END = re.compile(r"\?\s*[\"»”]?\s*$")
_QUOTED = re.compile(r"[\"“«„][^\"”»“]{0,400}[\"”»“]")


def is_strong(sentence: str) -> bool:
    """Say whether ``sentence`` is opinion whatever it holds."""
    if sentence.rstrip().endswith("?") or _QUESTION_END.search(sentence):
        return True
    return _STRONG.search(_unquoted(lowered(sentence))) is not None


def is_weak(sentence: str) -> bool:
    """Say whether ``sentence`` is opinion if it holds no claim."""
    if "!" in sentence or "?" in sentence:
        return True
    return _WEAK.search(_unquoted(lowered(sentence))) is not None


def _unquoted(sentence: str) -> str:
    # A quoted word ("Nazis") is reported speech, not the author's evaluation.
    return _QUOTED.sub(" ", sentence) if any(q in sentence for q in "\"“«„") else sentence


def spans(flags: list[bool], claim_bearing: list[bool]) -> list[tuple[int, int]]:
    """Return (first, last) sentence indexes of opinion runs, bridging non-claim sentences between opinions."""
    runs: list[tuple[int, int]] = []
    start = last = None
    for index, flag in enumerate(flags):
        if flag:
            if start is None:
                start = index
            elif any(claim_bearing[last + 1 : index]):
                runs.append((start, last))
                start = index
            last = index
    if start is not None:
        runs.append((start, last))
    return runs
