"""Fit every hierarchical model up to pairwise interactions, refuse the degenerate ones, choose by BIC or AIC."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

import numpy as np

from litopys.casualties.estimation.loglinear import (
    Interval,
    design,
    fit_poisson,
    full_rank,
    histories,
    mle_exists,
    profile_interval,
)
from litopys.casualties.estimation.table import CaptureTable, Refused, gettext_noop

#: A table (or stratum) with fewer people than this is refused: its estimate would rest on a handful of cases.
MIN_RECORDS = 30
#: ... and so is one where fewer than this many people are on two lists or more (the overlap is the evidence).
MIN_OVERLAP = 10
#: Fitting every model of k lists means 2**(k(k-1)/2) models: 1024 for 5 lists, 32768 for 6. Past 5, name one.
MAX_ENUMERATED_LISTS = 5
CRITERIA = ("bic", "aic")


@dataclass(frozen=True)
class Model:
    """The pairwise interactions of a log-linear model, as 0-based pairs of list positions."""

    pairs: tuple[tuple[int, int], ...] = ()

    @property
    def interactions(self) -> list[str]:
        """Return the interactions as written by people: list numbers in column order, 1-based ("12", "23")."""
        return [f"{i + 1}{j + 1}" for i, j in self.pairs]

    def label(self) -> str:
        return ",".join(self.interactions) or "-"


def parse_model(text: str, k: int) -> Model:
    """Return the model named by `--model 12,13,23` ("" or "none" for no interaction), refusing bad names."""
    text = text.strip()
    if text.lower() in ("", "none", "-"):
        return Model()
    pairs = set()
    for part in text.split(","):
        part = part.strip()
        if len(part) != 2 or not part.isdigit() or part[0] == part[1]:
            raise Refused(gettext_noop("--model %(model)s: %(part)s is not an interaction; write pairs of list "
                                       "numbers such as 12,23"), model=text, part=repr(part))
        i, j = sorted(int(c) for c in part)
        if i < 1 or j > k:
            raise Refused(gettext_noop("--model %(model)s: there is no list %(number)d; the table has %(k)d lists, "
                                       "numbered 1 to %(k)d in column order"),
                          model=text, number=j if j > k else i, k=k)
        pairs.add((i - 1, j - 1))
    return Model(tuple(sorted(pairs)))


def all_models(k: int) -> list[Model]:
    """Return every model of k lists: main effects plus each subset of the k(k-1)/2 interactions, smallest first."""
    pairs = list(itertools.combinations(range(k), 2))
    return [Model(subset) for size in range(len(pairs) + 1) for subset in itertools.combinations(pairs, size)]


@dataclass(frozen=True)
class ModelFit:
    """One fitted model: the estimate of N with its standard error and profile interval, and its fit."""

    model: Model
    estimate: float
    se: float
    interval: Interval
    deviance: float
    df: int
    aic: float
    bic: float
    unobserved: float

    def to_dict(self) -> dict:
        upper = None if self.interval.upper is None else round(self.interval.upper, 1)
        return {"interactions": self.model.interactions, "estimate": round(self.estimate, 1), "se": round(self.se, 1),
                "ci95": [round(self.interval.lower, 1), upper], "deviance": round(self.deviance, 3),
                "df": self.df, "aic": round(self.aic, 3), "bic": round(self.bic, 3)}


@dataclass(frozen=True)
class ModelRefusal:
    """A model this table cannot support, and why."""

    model: Model
    reason: Refused

    def to_dict(self) -> dict:
        return {"interactions": self.model.interactions, "reason": self.reason.message}


@dataclass
class Result:
    """The models of one table, the ones refused, and the model chosen (by BIC unless told otherwise)."""

    lists: tuple[str, ...]
    documented: int
    fits: list[ModelFit]
    refusals: list[ModelRefusal]
    chosen: ModelFit
    chosen_by: str
    best: dict[str, ModelFit] = field(default_factory=dict)

    def to_dict(self) -> dict:
        out = {"lists": list(self.lists), "documented": self.documented,
               "models": [fit.to_dict() for fit in self.fits],
               "chosen": {"interactions": self.chosen.model.interactions, "by": self.chosen_by}}
        if self.best:
            out["best"] = {name: fit.model.interactions for name, fit in self.best.items()}
        if self.refusals:
            out["refused"] = [refusal.to_dict() for refusal in self.refusals]
        return out


def check_table(table: CaptureTable) -> None:
    """Refuse a table no model can be fitted to: too few lists, too few people, a list that meets no other."""
    k = len(table.lists)
    if k == 2 and table.overlap(0, 1) == 0:
        raise Refused(gettext_noop("lists %(a)s and %(b)s share no record: no overlap means no estimate"),
                      a=table.lists[0], b=table.lists[1])
    if k < 3:
        raise Refused(gettext_noop("lists in the table: %(k)d (%(lists)s); multiple-systems estimation needs 3 or "
                                   "more, since with 2 the dependence between lists cannot be modelled, so a 2-list "
                                   "(Lincoln-Petersen) estimate is not offered"),
                      k=k, lists=", ".join(table.lists))
    for i, name in enumerate(table.lists):
        if not any(h[i] for h in table.counts):
            raise Refused(gettext_noop("list %(list)s holds nobody in this table; drop its column"), list=name)
        if all(table.overlap(i, j) == 0 for j in range(k) if j != i):
            raise Refused(gettext_noop("list %(list)s shares no record with any other list: no overlap means no "
                                       "estimate; check the record linkage or drop that list"), list=name)
    if table.documented < MIN_RECORDS:
        raise Refused(gettext_noop("only %(n)d people are documented here; an estimate needs at least %(min)d, so "
                                   "this table is refused rather than given a number it cannot support"),
                      n=table.documented, min=MIN_RECORDS)
    if table.on_several() < MIN_OVERLAP:
        raise Refused(gettext_noop("only %(n)d people are on two lists or more; an estimate needs at least %(min)d "
                                   "such overlaps, so this table is refused rather than given a number it cannot "
                                   "support"), n=table.on_several(), min=MIN_OVERLAP)


def fit_model(table: CaptureTable, model: Model) -> ModelFit:
    """Fit one model to the table, or refuse it with the reason its estimate would be infinite or undefined."""
    for i, j in model.pairs:
        if table.overlap(i, j) == 0:
            raise Refused(gettext_noop("lists %(a)s and %(b)s share no record: no overlap means no estimate for a "
                                       "model with their interaction %(pair)s"),
                          a=table.lists[i], b=table.lists[j], pair=f"{i + 1}{j + 1}")
    cells = histories(len(table.lists))
    y = np.array([table.count(h) for h in cells], dtype=float)
    x = design(cells, model.pairs)
    if not full_rank(x):
        raise Refused(gettext_noop("the parameters of this model cannot all be told apart on this table"))
    if not mle_exists(x, y):
        raise Refused(gettext_noop("zero cells make a parameter of this model infinite (its maximum-likelihood fit "
                                   "does not exist), so its estimate would be infinite or undefined"))
    fit = fit_poisson(x, y)
    unobserved = math.exp(fit.beta[0]) if fit.beta[0] < 700 else math.inf
    if not fit.converged or not math.isfinite(unobserved) or not np.all(np.isfinite(fit.covariance)):
        raise Refused(gettext_noop("the fit of this model does not settle on a finite estimate"))
    n = table.documented
    estimate = n + unobserved
    se = math.sqrt(unobserved + unobserved ** 2 * fit.covariance[0, 0])
    try:
        interval = profile_interval(x, y, estimate)
    except (ValueError, FloatingPointError, np.linalg.LinAlgError):
        raise Refused(gettext_noop("the profile likelihood of this model cannot be traced, so it has no interval")) \
            from None
    params = x.shape[1]
    aic = -2.0 * fit.loglik + 2.0 * params
    # Rcapture's convention: the sample size in BIC is the number of people documented.
    bic = aic + (math.log(n) - 2.0) * params
    return ModelFit(model, estimate, se, interval, fit.deviance, len(cells) - params, aic, bic, unobserved)


def estimate_table(table: CaptureTable, model: Model | None = None, choose: str = "bic") -> Result:
    """Fit the given model, or every model up to pairwise interactions, and choose one by `choose`."""
    if choose not in CRITERIA:
        raise ValueError(f"choose must be one of {CRITERIA}, not {choose!r}")
    check_table(table)
    k = len(table.lists)
    if model is None and k > MAX_ENUMERATED_LISTS:
        raise Refused(gettext_noop("the table has %(k)d lists: fitting every model means %(count)d models; name one "
                                   "with --model (e.g. --model 12,34) or merge lists"),
                      k=k, count=2 ** (k * (k - 1) // 2))
    candidates = [model] if model is not None else all_models(k)
    fits, refusals = [], []
    for candidate in candidates:
        try:
            fits.append(fit_model(table, candidate))
        except Refused as reason:
            refusals.append(ModelRefusal(candidate, reason))
    if not fits:
        if model is not None:
            raise refusals[0].reason
        raise Refused(gettext_noop("no model can be fitted to this table: %(reason)s"),
                      reason=refusals[0].reason.message)
    best = {name: min(fits, key=lambda fit, name=name: (getattr(fit, name), len(fit.model.pairs))) for name in CRITERIA}
    chosen = fits[0] if model is not None else best[choose]
    return Result(table.lists, table.documented, fits, refusals, chosen,
                  "model" if model is not None else choose, best if model is None else {})
