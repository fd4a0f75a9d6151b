"""Poisson log-linear models of a capture-history table: design, fit, existence of the fit, profile interval.

A table of k lists has 2**k - 1 observable cells (every history but the all-zero one). A model is the
main effect of each list plus a chosen set of pairwise interactions; its design has an intercept, one
0/1 column per list and one product column per interaction. The all-zero history has only the intercept,
so the fitted count of people on no list is exp(intercept) (Fienberg 1972).

Everything here is plain numpy/scipy: no Django, no statsmodels (the tests check this fit against
statsmodels' GLM).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq, linprog, minimize_scalar
from scipy.special import gammaln

#: chi-square(1) quantile for a 95 % interval: 1.959963984540054 ** 2.
CHI2_95 = 3.841458820694124
#: IRLS stops when the deviance changes by less than this (relative), or after MAX_ITERATIONS.
TOLERANCE = 1e-10
MAX_ITERATIONS = 100
#: The profile's upper bound is searched up to this many times the documented count plus the estimate.
UPPER_SEARCH_FACTOR = 1000.0


def histories(k: int) -> list[tuple[int, ...]]:
    """Return the observable capture histories of k lists, in a fixed order (binary counting, zero left out)."""
    return [h for h in itertools.product((0, 1), repeat=k) if any(h)]


def design(cells: list[tuple[int, ...]], pairs: tuple[tuple[int, int], ...]) -> np.ndarray:
    """Return the design matrix of the cells: intercept, one column per list, one per interaction (0-based pairs)."""
    rows = []
    for h in cells:
        rows.append([1.0, *map(float, h), *(float(h[i] * h[j]) for i, j in pairs)])
    return np.array(rows, dtype=float)


@dataclass(frozen=True)
class Fit:
    """A converged Poisson fit: coefficients, their covariance, fitted counts, deviance and log-likelihood."""

    beta: np.ndarray
    covariance: np.ndarray
    fitted: np.ndarray
    deviance: float
    loglik: float
    converged: bool


def deviance(y: np.ndarray, mu: np.ndarray) -> float:
    """Return the Poisson deviance 2 * sum(y log(y/mu) - (y - mu)), with 0 log 0 = 0."""
    ratio = np.where(y > 0, y / np.where(mu > 0, mu, 1.0), 1.0)
    return float(2.0 * np.sum(np.where(y > 0, y * np.log(ratio), 0.0) - (y - mu)))


def fit_poisson(x: np.ndarray, y: np.ndarray) -> Fit:
    """Fit log E[y] = x @ beta by iteratively reweighted least squares (Fisher scoring, log link)."""
    mu = y + 0.5
    eta = np.log(mu)
    beta = np.zeros(x.shape[1])
    previous = math.inf
    converged = False
    for _ in range(MAX_ITERATIONS):
        z = eta + (y - mu) / mu
        xtw = x.T * mu
        beta = np.linalg.solve(xtw @ x, xtw @ z)
        eta = x @ beta
        mu = np.exp(eta)
        current = deviance(y, mu)
        if abs(current - previous) <= TOLERANCE * (abs(current) + 0.1):
            converged = True
            break
        previous = current
    information = (x.T * mu) @ x
    covariance = np.linalg.inv(information)
    loglik = float(np.sum(y * eta - mu - gammaln(y + 1.0)))
    return Fit(beta, covariance, mu, deviance(y, mu), loglik, converged)


def full_rank(x: np.ndarray) -> bool:
    """Return whether every parameter of the design can be told apart from the others."""
    return int(np.linalg.matrix_rank(x)) == x.shape[1]


def mle_exists(x: np.ndarray, y: np.ndarray) -> bool:
    """Return whether the maximum-likelihood fit is finite (Haberman 1974).

    It is iff some strictly positive table has the same sufficient statistics (x.T @ y) as the observed
    one. The linear programme maximises the smallest cell s of such a table (s <= 1 on counts scaled to
    sum 1); the fit exists iff s > 0. A zero margin (two lists that never overlap, for a model with their
    interaction) makes s = 0: the interaction goes to minus infinity and the estimate with it.
    """
    cells, params = x.shape
    target = x.T @ (y / y.sum())
    # Variables: one per cell, then s. Maximise s = minimise -s.
    cost = np.zeros(cells + 1)
    cost[-1] = -1.0
    a_eq = np.hstack([x.T, np.zeros((params, 1))])
    a_ub = np.hstack([-np.eye(cells), np.ones((cells, 1))])  # s - w_c <= 0
    result = linprog(cost, A_ub=a_ub, b_ub=np.zeros(cells), A_eq=a_eq, b_eq=target,
                     bounds=[(0, None)] * cells + [(0, 1.0)], method="highs")
    return bool(result.status == 0 and -result.fun > 1e-9)


@dataclass(frozen=True)
class Interval:
    """A profile-likelihood interval for N; `upper` is None when it lies beyond the searched range."""

    lower: float
    upper: float | None
    mode: float


def multinomial_correction(n0: float, total: float) -> float:
    """Return log(n0**n0 * total! / (total**total * n0!)): Poisson deviance to multinomial likelihood (Cormack 1992)."""
    part0 = n0 * math.log(n0) if n0 > 0 else 0.0
    return part0 - float(gammaln(n0 + 1.0)) + float(gammaln(total + 1.0)) - total * math.log(total)


def profile_interval(x_observed: np.ndarray, y: np.ndarray, estimate: float) -> Interval:
    """Return the 95 % multinomial profile-likelihood interval for N (Cormack 1992; Rcapture's closedpCI.t).

    For each candidate N the unobserved cell is set to N - n and the model is refitted to the complete
    table of 2**k cells; the Poisson deviance D(N) of that fit gives the multinomial profile log-likelihood
    l(N) = -D(N)/2 + log((N-n)**(N-n) N! / (N**N (N-n)!)). The interval holds the N with
    l(N) >= max l - 3.8415/2; its lower end is n when l(n) is already above that line.
    """
    n = float(y.sum())
    x_full = np.vstack([x_observed, np.eye(1, x_observed.shape[1])])

    def loglik(total: float) -> float:
        n0 = max(total - n, 0.0)
        fit = fit_poisson(x_full, np.append(y, n0))
        return -fit.deviance / 2.0 + multinomial_correction(n0, n + n0)

    top = minimize_scalar(lambda t: -loglik(t), bounds=(n, max(1.5 * estimate, n + 1.0)), method="bounded",
                          options={"xatol": 1e-6 * max(estimate, 1.0)})
    mode = float(top.x)
    line = loglik(mode) - CHI2_95 / 2.0

    def gap(total: float) -> float:
        return loglik(total) - line

    lower = n if gap(n) >= 0 else brentq(gap, n, mode, xtol=1e-7 * mode)
    step = max(estimate - n, 1.0)
    high = mode + step
    limit = UPPER_SEARCH_FACTOR * (n + estimate)
    while gap(high) > 0:
        if high >= limit:
            return Interval(lower, None, mode)
        high = min(mode + 2.0 * (high - mode), limit)
    upper = brentq(gap, mode, high, xtol=1e-7 * high)
    return Interval(float(lower), float(upper), mode)
