"""Number words of every language (``lexicon/<language>.yaml``, section ``numbers``), by what they are worth.

For a language read with an analyser (``morphology``), every form of a listed number word counts too: "триста"
gives "трьомстам" and "трьохсот", "сім" gives "сімох", "тисяча" gives "тисячами", in every case and gender.
"""

from __future__ import annotations

from . import morphology
from .lexicon.loading import each, values


def _forms(sections: list[tuple[str, dict]], grammeme: str) -> dict[str, int]:
    """Return every form of the number words of a section (``each(...)``) of the languages read with an analyser."""
    found: dict[str, int] = {}
    for language, table in sections:
        if language not in morphology.languages():
            continue
        for value, written in table.items():
            for word in written:
                for form in morphology.forms(str(word), language, grammeme):
                    found.setdefault(form, value)
    return found


# The forms the lexicon writes win over generated ones.
UNITS: dict[str, int] = {**_forms(each("numbers", "units"), morphology.NUMERAL), **values("numbers", "units")}
TENS: dict[str, int] = {**_forms(each("numbers", "tens"), morphology.NUMERAL), **values("numbers", "tens")}
HUNDREDS: dict[str, int] = {**_forms(each("numbers", "hundreds"), morphology.NUMERAL),
                            **values("numbers", "hundreds")}
#: Words that multiply the number before them ("five hundred", "2 тисячі").
MULTIPLIERS: dict[str, int] = {**_forms(each("numbers", "multipliers"), morphology.NOUN),
                               **values("numbers", "multipliers")}
#: Plurals that mean "many": a lower bound, approximate ("hundreds of bodies" -> at least 200).
VAGUE: dict[str, int] = values("numbers", "vague")
#: Halves: a half of the multiplier after them, or one and a half; alone they are whole numbers only with one.
HALVES: dict[str, float] = values("numbers", "halves")
#: Whole numbers written with a half: half a hundred, half a thousand.
HALF_WORDS: dict[str, int] = values("numbers", "half_words")
WORD_VALUES = {**UNITS, **TENS, **HUNDREDS, **MULTIPLIERS, **VAGUE, **HALVES, **HALF_WORDS}
