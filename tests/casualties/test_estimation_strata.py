"""Stratified estimation: strata estimated apart, added up, and a total refused when a stratum was refused."""

import csv
import math

import pytest

from litopys.casualties.estimation import StratumRefusal, estimate, table

from .conftest import DATA


def _rows(name):
    with (DATA / name).open(newline="") as handle:
        return list(csv.DictReader(handle))


def _stratum(rows, name):
    counts = {"".join(r[c] for c in "ABC"): int(r["count"]) for r in rows if r["region"] == name}
    return table("ABC", counts)


def test_each_stratum_is_the_estimate_of_its_own_table():
    rows = _rows("strata-synthetic.csv")
    result = estimate(rows, strata="region")
    assert [name for name, _ in result.strata] == ["north", "south"]
    for name, stratum in result.strata:
        alone = estimate(_stratum(rows, name))
        assert stratum.chosen.model == alone.chosen.model
        assert stratum.chosen.estimate == pytest.approx(alone.chosen.estimate)


def test_the_total_adds_estimates_and_variances_and_takes_a_log_normal_interval():
    result = estimate(_rows("strata-synthetic.csv"), strata="region")
    chosen = [s.chosen for _, s in result.strata]
    total = result.total
    assert total.documented == 192 + 312 == result.documented
    assert total.estimate == pytest.approx(sum(f.estimate for f in chosen))
    assert total.se == pytest.approx(math.sqrt(sum(f.se ** 2 for f in chosen)))
    f0 = total.estimate - total.documented
    spread = math.exp(1.959963984540054 * math.sqrt(math.log(1 + total.se ** 2 / f0 ** 2)))
    assert (total.lower, total.upper) == pytest.approx((total.documented + f0 / spread, total.documented + f0 * spread))
    assert total.documented < total.lower < total.estimate < total.upper


def test_one_named_model_is_fitted_in_every_stratum():
    result = estimate(_rows("strata-synthetic.csv"), strata="region", model="12")
    assert {tuple(s.chosen.model.interactions) for _, s in result.strata} == {("12",)}
    assert all(s.chosen_by == "model" for _, s in result.strata)


def test_a_small_stratum_is_refused_with_its_reason_and_so_is_the_total():
    result = estimate(_rows("strata-small-synthetic.csv"), strata="region")
    east = dict(result.strata)["east"]
    assert isinstance(east, StratumRefusal) and east.documented == 23
    assert east.reason.message.startswith("only 23 people are documented here")
    assert result.total is None
    assert result.total_refusal.message == ("no total: stratum 'east' was refused; merge it into another stratum or "
                                            "estimate without --stratum")
    out = result.to_dict()
    assert out["strata"][0] == {"stratum": "east", "documented": 23, "refused": east.reason.message}
    assert out["strata"][1]["stratum"] == "north" and out["strata"][1]["chosen"]["by"] == "bic"
    assert out["total"] == {"refused": result.total_refusal.message}


def test_a_stratum_whose_table_leaves_no_model_is_refused():
    # SYNTHETIC: in "west" list A meets no other list, so no model can be fitted there.
    rows = _rows("strata-synthetic.csv") + [
        {"region": "west", "A": "1", "B": "0", "C": "0", "count": "40"},
        {"region": "west", "A": "0", "B": "1", "C": "0", "count": "30"},
        {"region": "west", "A": "0", "B": "0", "C": "1", "count": "30"},
        {"region": "west", "A": "0", "B": "1", "C": "1", "count": "20"},
    ]
    result = estimate(rows, strata="region")
    west = dict(result.strata)["west"]
    assert isinstance(west, StratumRefusal)
    assert west.reason.message.startswith("list A shares no record with any other list")
    assert result.total is None


def test_stratified_json_shape():
    out = estimate(_rows("strata-synthetic.csv"), strata="region").to_dict()
    assert list(out) == ["lists", "documented", "stratum", "strata", "total"]
    assert out["stratum"] == "region" and out["lists"] == ["A", "B", "C"]
    assert set(out["total"]) == {"documented", "estimate", "se", "ci95", "method"}
    assert {"stratum", "lists", "documented", "models", "chosen"} <= set(out["strata"][0])
