"""Number words of every language (``lexicon/<language>.yaml``, section ``numbers``), by what they are worth."""

from __future__ import annotations

from .lexicon.loading import values

UNITS: dict[str, int] = values("numbers", "units")
TENS: dict[str, int] = values("numbers", "tens")
HUNDREDS: dict[str, int] = values("numbers", "hundreds")
#: Words that multiply the number before them ("five hundred", "2 тисячі").
MULTIPLIERS: dict[str, int] = values("numbers", "multipliers")
#: Plurals that mean "many": a lower bound, approximate ("hundreds of bodies" -> at least 200).
VAGUE: dict[str, int] = values("numbers", "vague")
#: Halves: a half of the multiplier after them, or one and a half; alone they are whole numbers only with one.
HALVES: dict[str, float] = values("numbers", "halves")
#: Whole numbers written with a half: half a hundred, half a thousand.
HALF_WORDS: dict[str, int] = values("numbers", "half_words")
WORD_VALUES = {**UNITS, **TENS, **HUNDREDS, **MULTIPLIERS, **VAGUE, **HALVES, **HALF_WORDS}
