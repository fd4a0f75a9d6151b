"""Find a person's name in a phrase and put it in the nominative case.

"National Police Chief Ihor Klymenko" -> "Ihor Klymenko"; "за словами Ігоря Клименка" ->
"Ігор Клименко". First names (Ukrainian, Russian, their Latin spellings, and common foreign ones, from
``litopys.names``) anchor a name; without one, the capitalised words nearest the end that are not role words are taken.
"""

from __future__ import annotations

import re

from litopys.names import FIRST_NAMES, is_patronymic, nominative

from .lexicon.loading import letters, wordset

#: Capitalised words that belong to titles and bodies, not to names.
ROLE_WORDS = wordset("role_words")
#: Capitalised words that start sentences and clauses but never names.
STOP_WORDS = wordset("stop_words")
# A capital letter of any language's alphabet (lexicon), then the rest of the word.
_CAPITALISED = re.compile(rf"[{letters('upper')}][\w'’ʼ-]*")


def find_name(phrase: str, anchored: bool = False) -> tuple[int, int, str] | None:
    """Return (start, end, nominative name) of the person named in ``phrase``, or None; a surname given as an
    initial keeps its full stop ("Олена К.")."""
    found = _find_name(phrase, anchored)
    if found is not None and phrase[found[1] : found[1] + 1] == "." and len(found[2].rsplit(" ", 1)[-1]) == 1:
        return found[0], found[1] + 1, found[2] + "."
    return found


def _find_name(phrase: str, anchored: bool = False) -> tuple[int, int, str] | None:
    """Return (start, end, nominative name) of the person named in ``phrase``, or None.

    With ``anchored``, only a name that starts with a known first name is found. A patronymic is part of the
    span but not of the name: "Ігор Володимирович Клименко" and "Клименко Ігор Володимирович" name
    "Ігор Клименко".
    """
    runs = _runs(phrase)
    for run in reversed(runs):
        for index, (_, _, word) in enumerate(run):
            if word in FIRST_NAMES and index + 1 < len(run):
                if is_patronymic(run[index + 1][2]):
                    if index + 2 < len(run):
                        tokens, named = run[index : index + 3], [run[index], run[index + 2]]
                    elif index and _may_be_surname(run[index - 1][2]):  # "Клименко Ігор Володимирович"
                        tokens, named = run[index - 1 : index + 2], [run[index], run[index - 1]]
                    else:
                        tokens = named = run[index : index + 2]
                else:
                    tokens = named = run[index : index + 2]
                return tokens[0][0], tokens[-1][1], _cased(nominative([t[2] for t in named]))
    if anchored:
        return None
    for run in reversed(runs):
        tail = []
        for token in reversed(run):
            if token[2].lower() in ROLE_WORDS or token[2].lower() in STOP_WORDS:
                break
            tail.insert(0, token)
        if len(tail) >= 2:
            if len(tail) >= 3 and is_patronymic(tail[-2][2]):
                return tail[-3][0], tail[-1][1], _cased(f"{tail[-3][2]} {tail[-1][2]}")
            return tail[-2][0], tail[-1][1], _cased(" ".join(t[2] for t in tail[-2:]))
    return None


def _cased(name: str) -> str:
    """Write a surname (or any word of a name) set in capitals as a name: "Олег СИНЄГУБОВ" → "Олег Синєгубов"."""
    if not any(len(word) > 2 and word.isupper() for word in name.split()):
        return name
    return " ".join(_capitalised(word) if len(word) > 2 and word.isupper() else word for word in name.split())


def _capitalised(word: str) -> str:
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def _may_be_surname(word: str) -> bool:
    """Say whether a capitalised word before a first name may be its surname: not "ОВА" (an abbreviation, as in
    "начальник ОВА Андрій Райкович", whose surname only looks like a patronymic), nor a title's word."""
    return not word.isupper() and word.lower() not in ROLE_WORDS


def _runs(phrase: str) -> list[list[tuple[int, int, str]]]:
    runs: list[list[tuple[int, int, str]]] = []
    last_end = -10
    for match in _CAPITALISED.finditer(phrase):
        word = match.group(0).rstrip("'’ʼ-")
        gap = phrase[last_end : match.start()]
        if runs and gap == " ":
            runs[-1].append((match.start(), match.start() + len(word), word))
        else:
            runs.append([(match.start(), match.start() + len(word), word)])
        last_end = match.start() + len(word)
    return runs


__all__ = ["FIRST_NAMES", "ROLE_WORDS", "STOP_WORDS", "find_name", "nominative"]
