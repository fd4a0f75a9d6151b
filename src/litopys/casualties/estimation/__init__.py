"""Multiple-systems estimation: how many people no list documented, from the overlap of three lists or more.

`estimate(table)` fits every hierarchical Poisson log-linear model up to pairwise interactions (or the one
named), each with its estimate of the total N, standard error, 95 % profile-likelihood interval, deviance,
df, AIC and BIC, refuses the models whose estimate would be infinite or undefined, and chooses one by BIC
(or AIC). With strata it estimates each stratum and adds them up. No Django here: callers (the `estimate`
command, the casualties app's linked lists) build a `CaptureTable` or pass rows, and read `Result.to_dict()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from litopys.casualties.estimation.selection import (
    MIN_OVERLAP,
    MIN_RECORDS,
    Model,
    ModelFit,
    ModelRefusal,
    Result,
    estimate_table,
    parse_model,
)
from litopys.casualties.estimation.strata import StratifiedResult, StratumRefusal, Total, estimate_strata
from litopys.casualties.estimation.table import CaptureTable, Refused, read_rows, table

__all__ = ["CaptureTable", "MIN_OVERLAP", "MIN_RECORDS", "Model", "ModelFit", "ModelRefusal", "Refused", "Result",
           "StratifiedResult", "StratumRefusal", "Total", "estimate", "parse_model", "read_rows", "table"]


def estimate(table: CaptureTable | Mapping[str, CaptureTable] | Iterable[Mapping[str, object]],
             model: str | Model | None = None, strata: str | None = None,
             choose: str = "bic") -> Result | StratifiedResult:
    """Estimate the total from a capture-history table; raise `Refused` with the reason when it cannot.

    `table` is a CaptureTable, a mapping of stratum name to CaptureTable, or rows (mappings with one 0/1
    column per list and `count`). `model` names the interactions ("12,13,23", or a Model); without it every
    model is fitted and one is chosen by `choose` ("bic" or "aic"). `strata` names the stratum column of
    the rows; with it, or with a mapping of tables, the result is stratified.
    """
    if isinstance(table, CaptureTable):
        if strata is not None:
            raise ValueError("strata names a column of rows; a CaptureTable has none")
        return estimate_table(table, _model(model, len(table.lists)), choose)
    if isinstance(table, Mapping) and all(isinstance(t, CaptureTable) for t in table.values()):
        tables = dict(table)
    else:
        tables = read_rows(table, stratum=strata)
        if strata is None:
            only = tables[None]
            return estimate_table(only, _model(model, len(only.lists)), choose)
    lists = next(iter(tables.values())).lists if tables else ()
    return estimate_strata(tables, _model(model, len(lists)), choose, strata)


def _model(model: str | Model | None, k: int) -> Model | None:
    if model is None or isinstance(model, Model):
        return model
    return parse_model(model, k)
