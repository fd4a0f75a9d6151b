"""Mark evaluative and rhetorical sentences as opinion: they state no facts and yield no claims.

Strong signs (the author's own opinion, rhetorical questions, doubts about a figure) make a
sentence opinion even when it holds a number. Weak signs (insults, comparisons with history,
calls for revenge, exclamations, "we"/"our") make one opinion only when it holds no claim.
Opinion sentences are merged per paragraph, bridging the sentences between two of them.
"""

from __future__ import annotations

import re

from .lexicon import lowered, words

#: The author's own opinion, and doubts about a figure.
STRONG = (
    r"in (?:our|my) (?:opinion|view)|we believe|i believe|we think|i think|to our mind|it seems to us"
    r"|на нашу думку|на мою думку|ми вважаємо|я вважаю|нам здається|по нашему мнению|по моему мнению|на наш взгляд"
    r"|на мой взгляд|мы считаем|я считаю|нам кажется"
    r"|may be understated|understated|underestimated|far higher|only the beginning|tip of the iceberg|занижен\w*"
    r"|верхівка айсберга|лише початок|тільки початок|верхушка айсберга|только начало|значно більш\w*"
    r"|гораздо больш\w*"
)
#: Insults, comparisons with history, calls for revenge, "we"/"our", words of horror.
WEAK = (
    r"vile|viper\w*|scum|subhuman\w*|beasts?|monsters?|bastards|butchers?|barbarians?|savages?"
    r"|creatures?|accomplices|нелюд\w*|виродк\w*|покидьк\w*|мерзенн\w*|гадюч\w*|звір\w*|варвар\w*|мраз\w*"
    r"|нечист\w*|кат[иі]|катам|посіпак\w*|выродк\w*|мерзк\w*|гадюшник\w*|змеин\w*|звер\w*|твар[иі]"
    r"|пособник\w*|поплічник\w*"
    r"|gestapo|ss|nazis?|hitler\w*|holocaust|nuremberg|katyn|khatyn|гестапо|нацист\w*|гітлер\w*|гитлер\w*"
    r"|голокост\w*|нюрнберг\w*|катин\w*|хатин\w*|хатын\w*|фашист\w*|fascis\w*"
    r"|revenge|vengeance|must (?:face|be punished|pay|answer)|will pay|deserve\w*|the time will come|never forgive"
    r"|помст\w*|відплат\w*|мають відповісти|повинні відповісти|має понести|понесуть|заслуговують|не пробачимо"
    r"|месть|отмщени\w*|должны (?:ответить|понести)|понесут|заслуживают|поплатятся|не простим"
    r"|we|our|us|ours|ми|наш\w*|нас|нам|мы|нашей|наших"
    r"|horror|nightmare|cruelty|жах\w*|кошмар\w*|жорстокіст\w*|ужас\w*|жестокост\w*|pootin|putin’s|putin's"
)
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
