"""Estimate each stratum on its own and add the strata up, refusing a total that would leave a stratum out.

Strata are estimated independently (each chooses its own model unless one is named), so the total is the
sum of the strata's estimates and its variance the sum of their variances. Its 95 % interval is the
log-normal one of Chao (1987) on the total number of undocumented people f0 = N - n:
C = exp(1.96 * sqrt(log(1 + var / f0**2))), interval [n + f0 / C, n + f0 * C]. It never falls below the
number documented and is skewed upward like the strata's profile intervals. Summing the strata's profile
bounds instead would overstate the width; profiling the joint likelihood of all strata is left undone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from litopys.casualties.estimation.selection import Model, Result, estimate_table
from litopys.casualties.estimation.table import CaptureTable, Refused, gettext_noop

Z_95 = 1.959963984540054


@dataclass(frozen=True)
class StratumRefusal:
    """A stratum given no estimate, with its number of documented people and the reason."""

    stratum: str
    documented: int
    reason: Refused

    def to_dict(self) -> dict:
        return {"stratum": self.stratum, "documented": self.documented, "refused": self.reason.message}


@dataclass(frozen=True)
class Total:
    """The sum of the strata: estimate, standard error (root sum of squares) and log-normal 95 % interval."""

    documented: int
    estimate: float
    se: float
    lower: float
    upper: float

    def to_dict(self) -> dict:
        return {"documented": self.documented, "estimate": round(self.estimate, 1), "se": round(self.se, 1),
                "ci95": [round(self.lower, 1), round(self.upper, 1)],
                "method": "sum of strata; se root-sum-of-squares; log-normal interval (Chao 1987)"}


@dataclass
class StratifiedResult:
    """Each stratum's result or refusal, and the total (None, with the reason, when a stratum was refused)."""

    lists: tuple[str, ...]
    column: str | None
    strata: list[tuple[str, Result | StratumRefusal]]
    total: Total | None
    total_refusal: Refused | None

    @property
    def documented(self) -> int:
        return sum(r.documented for _, r in self.strata)

    def to_dict(self) -> dict:
        strata = []
        for name, result in self.strata:
            strata.append(result.to_dict() if isinstance(result, StratumRefusal) else
                          {"stratum": name, **result.to_dict()})
        total = self.total.to_dict() if self.total else {"refused": self.total_refusal.message}
        return {"lists": list(self.lists), "documented": self.documented, "stratum": self.column,
                "strata": strata, "total": total}


def combine(results: list[Result]) -> Total:
    """Return the total of independent strata, each at its chosen model."""
    documented = sum(r.documented for r in results)
    unobserved = sum(r.chosen.unobserved for r in results)
    variance = sum(r.chosen.se ** 2 for r in results)
    spread = math.exp(Z_95 * math.sqrt(math.log(1.0 + variance / unobserved ** 2)))
    return Total(documented, documented + unobserved, math.sqrt(variance),
                 documented + unobserved / spread, documented + unobserved * spread)


def estimate_strata(tables: Mapping[str, CaptureTable], model: Model | None = None, choose: str = "bic",
                    column: str | None = None) -> StratifiedResult:
    """Estimate every stratum; refuse small or degenerate strata one by one, and the total if any was refused."""
    if not tables:
        raise Refused(gettext_noop("there are no strata to estimate"))
    lists = next(iter(tables.values())).lists
    outcomes: list[tuple[str, Result | StratumRefusal]] = []
    for name in sorted(tables):
        stratum = tables[name]
        try:
            outcomes.append((name, estimate_table(stratum, model, choose)))
        except Refused as reason:
            outcomes.append((name, StratumRefusal(name, stratum.documented, reason)))
    refused = [name for name, r in outcomes if isinstance(r, StratumRefusal)]
    if refused:
        reason = Refused(gettext_noop("no total: stratum %(strata)s was refused; merge it into another stratum or "
                                      "estimate without --stratum"), strata=", ".join(repr(n) for n in refused))
        return StratifiedResult(lists, column, outcomes, None, reason)
    return StratifiedResult(lists, column, outcomes, combine([r for _, r in outcomes]), None)
