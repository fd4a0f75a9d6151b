"""Grade an incident from its figures, after Airwars: confirmed, fair, weak, contested, discounted."""

from __future__ import annotations

from collections.abc import Iterable

from litopys.figures.claims import OFFICIAL_KINDS, Reconciled
from litopys.figures.consistency import BOUND_ABOVE_TOTAL, CONFLICT
from litopys.figures.origins import voice

#: Disagreements between origins that leave an incident contested until a reviewer settles the figure.
CONTESTING_FLAGS = frozenset({CONFLICT, BOUND_ABOVE_TOTAL})


def suggest_grade(figures: Iterable[Reconciled]) -> str:
    """Suggest an incident's grade from its figures; the rules are in docs/methodology.md.

    discounted: every claim behind every figure was rejected. contested: a figure is disputed, or has a
    conflict or a bound above a count that no reviewer settled (by verifying or setting its best value).
    confirmed: a verified figure whose best value two or more independent voices give, one of them official.
    fair: a corroborated or verified figure, or one an official origin gives. weak: anything else.
    """
    figures = list(figures)
    live = [figure for figure in figures if figure.claims]
    if not live:
        return "discounted" if any(figure.rejected for figure in figures) else "weak"
    if any(_contested(figure) for figure in live):
        return "contested"
    if any(figure.status == "verified" and len({voice(origin) for origin in figure.best_origins}) >= 2
           and _official(figure, figure.best_origins) for figure in live):
        return "confirmed"
    if any(figure.status in ("verified", "corroborated") or _official(figure, figure.origins) for figure in live):
        return "fair"
    return "weak"


def _contested(figure: Reconciled) -> bool:
    if figure.status == "disputed":
        return True
    settled = figure.best_by_reviewer or figure.status == "verified"
    return not settled and any(flag.code in CONTESTING_FLAGS for flag in figure.flags)


def _official(figure: Reconciled, origins: list[str]) -> bool:
    return any(figure.origin_kinds.get(origin) in OFFICIAL_KINDS for origin in origins)
