"""The log-linear fit, its estimate, standard error and profile interval, checked against independent arithmetic."""

import math

import numpy as np
import pytest
import statsmodels.api as sm

from litopys.casualties.estimation import Model, estimate, parse_model, table
from litopys.casualties.estimation.loglinear import (
    CHI2_95,
    design,
    fit_poisson,
    histories,
    multinomial_correction,
)
from litopys.casualties.estimation.selection import all_models


@pytest.mark.filterwarnings("ignore::RuntimeWarning", "ignore:Perfect separation")
@pytest.mark.parametrize("model", ["none", "12", "12,23", "12,13,23"])
def test_fit_agrees_with_statsmodels_glm(hav, model):
    cells = histories(3)
    y = np.array([hav.count(h) for h in cells], dtype=float)
    x = design(cells, parse_model(model, 3).pairs)
    ours = fit_poisson(x, y)
    theirs = sm.GLM(y, x, family=sm.families.Poisson()).fit(tol=1e-13)
    assert ours.beta == pytest.approx(theirs.params, rel=1e-7, abs=1e-9)
    assert ours.deviance == pytest.approx(theirs.deviance, abs=1e-7)
    assert ours.loglik == pytest.approx(theirs.llf, rel=1e-10)
    assert np.sqrt(ours.covariance[0, 0]) == pytest.approx(theirs.bse[0], rel=1e-6)


def test_saturated_three_list_estimate_is_the_closed_form_cross_ratio(hav):
    # Fienberg (1972): with all three pairwise interactions the unobserved cell is
    # n111 n100 n010 n001 / (n110 n101 n011).
    c = hav.count
    expected = c((1, 1, 1)) * c((1, 0, 0)) * c((0, 1, 0)) * c((0, 0, 1)) / (c((1, 1, 0)) * c((1, 0, 1)) * c((0, 1, 1)))
    fit = estimate(hav, model="12,13,23").chosen
    assert fit.unobserved == pytest.approx(expected, rel=1e-9)
    assert fit.deviance == pytest.approx(0.0, abs=1e-8) and fit.df == 0


def test_conditional_independence_estimate_is_the_closed_form(hav):
    # With interactions 12 and 13 only, lists 2 and 3 are independent among people not on list 1:
    # m000 = n010 n001 / n011.
    fit = estimate(hav, model="12,13").chosen
    assert fit.unobserved == pytest.approx(hav.count((0, 1, 0)) * hav.count((0, 0, 1)) / hav.count((0, 1, 1)), rel=1e-9)


def test_standard_error_is_the_delta_method_on_the_intercept(hav):
    cells = histories(3)
    y = np.array([hav.count(h) for h in cells], dtype=float)
    glm = sm.GLM(y, design(cells, ((0, 1),)), family=sm.families.Poisson()).fit(tol=1e-13)
    f0 = math.exp(glm.params[0])
    fit = estimate(hav, model="12").chosen
    assert fit.se == pytest.approx(math.sqrt(f0 + f0 ** 2 * glm.bse[0] ** 2), rel=1e-6)


def test_information_criteria_follow_the_documented_formulas(hav):
    fit = estimate(hav, model="12,23").chosen
    params = 1 + 3 + 2
    cells = histories(3)
    y = np.array([hav.count(h) for h in cells], dtype=float)
    glm = sm.GLM(y, design(cells, ((0, 1), (1, 2))), family=sm.families.Poisson()).fit(tol=1e-13)
    assert fit.aic == pytest.approx(-2 * glm.llf + 2 * params, rel=1e-9)
    assert fit.bic == pytest.approx(-2 * glm.llf + params * math.log(hav.documented), rel=1e-9)
    assert fit.df == 7 - params


def _profile_loglik(table_, model: Model, total: float) -> float:
    """The multinomial profile log-likelihood at N, computed here from statsmodels as the test's own oracle."""
    cells = histories(len(table_.lists))
    y = np.array([table_.count(h) for h in cells] + [total - table_.documented], dtype=float)
    x = np.vstack([design(cells, model.pairs), np.eye(1, 1 + len(table_.lists) + len(model.pairs))])
    dev = sm.GLM(y, x, family=sm.families.Poisson()).fit(tol=1e-13).deviance
    n0 = total - table_.documented
    return -dev / 2 + n0 * math.log(n0) - math.lgamma(n0 + 1) + math.lgamma(total + 1) - total * math.log(total)


@pytest.mark.parametrize("model", ["none", "12,23", "12,13,23"])
def test_interval_bounds_lie_where_the_profile_drops_by_half_the_chi_square_quantile(hav, model):
    fit = estimate(hav, model=model).chosen
    top = _profile_loglik(hav, fit.model, fit.interval.mode)
    for bound in (fit.interval.lower, fit.interval.upper):
        assert _profile_loglik(hav, fit.model, bound) == pytest.approx(top - CHI2_95 / 2, abs=1e-4)
    assert fit.interval.lower < fit.interval.mode < fit.interval.upper
    assert fit.interval.lower < fit.estimate < fit.interval.upper
    # The profile is highest at its mode: a little to either side is lower.
    assert _profile_loglik(hav, fit.model, fit.interval.mode * 1.01) < top
    assert _profile_loglik(hav, fit.model, fit.interval.mode * 0.99) < top


def test_multinomial_correction_is_the_log_of_the_ratio_it_stands_for():
    n0, total = 7.0, 20.0
    exact = math.log(n0 ** n0 * math.factorial(20) / (total ** total * math.factorial(7)))
    assert multinomial_correction(n0, total) == pytest.approx(exact, rel=1e-12)
    assert multinomial_correction(0.0, total) == pytest.approx(math.log(math.factorial(20) / total ** total))


def test_every_hierarchical_model_up_to_pairwise_interactions_is_fitted(hav, hiv):
    assert len(all_models(3)) == 8 and len(all_models(4)) == 64 and len(all_models(5)) == 1024
    assert len(estimate(hav).fits) == 8
    assert {tuple(f.model.interactions) for f in estimate(hiv).fits} == {tuple(m.interactions) for m in all_models(4)}


def test_the_chosen_model_has_the_lowest_bic_unless_aic_is_asked(lesbian):
    by_bic = estimate(lesbian)
    assert by_bic.chosen_by == "bic" and by_bic.chosen.bic == min(f.bic for f in by_bic.fits)
    by_aic = estimate(lesbian, choose="aic")
    assert by_aic.chosen_by == "aic" and by_aic.chosen.aic == min(f.aic for f in by_aic.fits)
    assert by_bic.chosen.model != by_aic.chosen.model
    best = by_bic.to_dict()["best"]
    assert best == {"bic": by_bic.chosen.model.interactions, "aic": by_aic.chosen.model.interactions}


def test_to_dict_has_the_contract_shape(hav):
    out = estimate(hav).to_dict()
    assert list(out)[:4] == ["lists", "documented", "models", "chosen"]
    assert out["lists"] == ["P", "Q", "E"] and out["documented"] == 271
    assert set(out["models"][0]) == {"interactions", "estimate", "se", "ci95", "deviance", "df", "aic", "bic"}
    assert out["chosen"] == {"interactions": ["12", "13", "23"], "by": "bic"}
    assert "refused" not in out


def test_model_names_are_normalised_and_checked():
    assert parse_model("21, 13", 3).interactions == ["12", "13"]
    assert parse_model("none", 4).pairs == ()
    assert parse_model("34,12,12", 4).interactions == ["12", "34"]


def test_an_estimate_rises_with_the_people_missing_from_the_overlaps():
    # SYNTHETIC: halving the people on all three lists must raise the independence estimate.
    base = {"100": 60, "010": 50, "001": 40, "110": 15, "101": 12, "011": 10, "111": 10}
    fewer = dict(base, **{"111": 5})
    assert estimate(table("ABC", fewer), model="none").chosen.unobserved > \
        estimate(table("ABC", base), model="none").chosen.unobserved
