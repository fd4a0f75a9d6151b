"""Figures: ranges, best values, supersession, corroboration and status, on small Izium dossiers."""

from datetime import date, datetime

from litopys.figures.claims import figure_key
from litopys.figures.origins import assign_origins
from litopys.figures.reconcile import reconcile
from tests.figures import IZIUM, claim, police, seed

MILITARY = {"status": "military"}
MORNING, AFTERNOON = datetime(2022, 9, 23, 9, 30), datetime(2022, 9, 23, 16, 0)


def only(figures, qualifiers=None):
    [figure] = [figure for figure in figures if figure.qualifiers == (qualifiers or {})]
    return figure


def test_seed_and_police_corroborate_447_and_the_breakdown():
    figures = reconcile([
        seed(1, 447), seed(2, 194, {"sex": "male"}), seed(3, 215, {"sex": "female"}), seed(4, 5, {"age": "child"}),
        police(11, 447), police(12, 215, {"sex": "female"}), police(13, 194, {"sex": "male"}),
        police(14, 5, {"age": "child"}), police(15, 22, MILITARY), police(16, 11, {"sex": "unknown"}),
    ])
    total = only(figures)
    assert (total.min, total.max, total.best, total.status) == (447, 447, 447, "corroborated")
    assert total.origins == ["publisher:war in ukraine:2022-09-23", "speaker:ihor klymenko:2022-09-23"]
    assert total.best_origins == total.origins and total.claims == [1, 11]
    assert total.flags == []
    for part in ({"sex": "male"}, {"sex": "female"}, {"age": "child"}):
        assert only(figures, part).status == "corroborated"
    assert only(figures, MILITARY).status == "unverified"  # only the police count servicemen


def test_ten_relays_of_one_statement_do_not_corroborate():
    relays = [claim(i, 447, publisher=f"Outlet {i}", speaker=name)
              for i, name in enumerate(["Ihor Klymenko", "Ігор Клименко", "Игорь Клименко", "Klymenko"] * 3)]
    figure = only(reconcile(relays))
    assert figure.origins == ["speaker:ihor klymenko:2022-09-23"] and figure.status == "unverified"


def test_21_and_22_servicemen_from_two_origins_conflict():
    figure = only(reconcile([
        police(1, 22, MILITARY),
        claim(2, 21, q=MILITARY, publisher="Kharkiv Regional Military Administration", on=date(2022, 9, 24)),
    ]), MILITARY)
    assert (figure.min, figure.max, figure.best) == (21, 22, 22)
    [flag] = figure.flags
    assert flag.code == "conflict" and flag.claims == [1, 2]
    assert flag.message == ("2 independent origins give different values: 21 (Kharkiv Regional Military "
                            "Administration, 24 September 2022) and 22 (Ihor Klymenko, 23 September 2022).")
    assert "official statement" in figure.best_reason


def test_later_figure_from_the_same_origin_supersedes_the_earlier():
    figure = only(reconcile([police(1, 436, at=MORNING, source=1), police(2, 447, at=AFTERNOON, source=2)]))
    assert (figure.min, figure.max, figure.best) == (447, 447, 447)
    assert figure.interim == [1] and figure.claims == [1, 2]
    assert [flag.code for flag in figure.flags] == ["interim_superseded"]
    assert figure.flags[0].message == ("An earlier figure of 436 from the same origin (Ihor Klymenko, "
                                       "23 September 2022) was replaced by a later one of 447.")


def test_one_speaker_repeating_a_count_on_two_days_does_not_corroborate_it():
    figure = only(reconcile([police(1, 447, on=date(2022, 9, 22), source=1), police(2, 447, source=2)]))
    assert len(figure.origins) == 2 and len(figure.best_origins) == 2
    assert (figure.status, figure.interim, figure.flags) == ("unverified", [], [])


def test_relays_of_one_superseded_figure_share_one_flag():
    figure = only(reconcile([police(1, 436, at=MORNING, source=1), police(2, 436, at=MORNING, source=2),
                             police(3, 447, at=AFTERNOON, source=3)]))
    assert figure.interim == [1, 2]
    [flag] = figure.flags
    assert flag.code == "interim_superseded" and flag.claims == [1, 2, 3]


def test_same_origin_same_day_without_times_is_not_ordered():
    figure = only(reconcile([police(1, 436, source=1), police(2, 447, source=2)]))
    assert (figure.min, figure.max, figure.interim) == (436, 447, [])
    assert [flag.code for flag in figure.flags] == ["conflict"]
    assert "order in which it gave them is not known" in figure.flags[0].message


def test_almost_450_never_overrides_an_exact_447():
    almost = seed(2, max=450, approximate=True)
    figure = only(reconcile([police(1, 447), almost]))
    assert (figure.min, figure.max, figure.best) == (447, 447, 447)
    assert figure.claims == [1, 2] and figure.flags == []
    alone = only(reconcile([almost]))
    assert (alone.min, alone.max, alone.best) == (None, 450, None)
    assert "exact count" in alone.best_reason


def test_about_450_is_not_an_exact_count():
    about = claim(2, 450, approximate=True, publisher="Outlet", on=date(2022, 9, 24))
    figure = only(reconcile([seed(1, 447), about]))
    assert (figure.min, figure.max, figure.best, figure.flags) == (447, 447, 447, [])
    alone = only(reconcile([about]))
    assert (alone.min, alone.max, alone.best) == (450, 450, None)


def test_lower_bounds_raise_the_minimum_when_no_count_is_exact():
    figure = only(reconcile([claim(1, min=400), claim(2, min=420, speaker="Maksym Strelnyk"),
                             claim(3, max=450, approximate=True)]))
    assert (figure.min, figure.max, figure.best) == (420, 450, None)
    capped = only(reconcile([claim(1, min=460), claim(2, max=450, approximate=True)]))
    assert (capped.min, capped.max) == (460, None)


def test_firm_bounds_that_cross_are_a_conflict():
    figure = only(reconcile([claim(1, min=460), claim(2, max=450)]))
    assert (figure.min, figure.max) == (450, 460)
    assert [flag.code for flag in figure.flags] == ["conflict"]


def test_best_is_the_latest_count_from_the_most_authoritative_kind():
    figures = reconcile([
        police(1, 445, on=date(2022, 9, 22)),
        claim(2, 447, publisher="Outlet", on=date(2022, 9, 24)),
        claim(3, 436, source_kind="testimony", speaker="A resident", on=date(2022, 9, 25)),
    ])
    assert only(figures).best == 445
    later = only(reconcile([police(1, 445, on=date(2022, 9, 22)), police(2, 447, source=2)]))
    assert later.best == 447 and later.interim == [1]


def test_reviewer_sets_best_with_a_reason():
    key = figure_key(IZIUM, "bodies", MILITARY)
    figure = only(reconcile([police(1, 22, MILITARY), claim(2, 21, q=MILITARY, publisher="Outlet")],
                            best_override={key: (21, "The regional list names 21 servicemen.")}), MILITARY)
    assert figure.best == 21 and figure.best_by_reviewer
    assert figure.best_reason == "Set by a reviewer: The regional list names 21 servicemen."
    assert figure.has_flag("conflict")  # the disagreement stays visible


def test_verified_disputed_and_rejected_claims():
    verified = only(reconcile([police(1, 447, status="verified"), seed(2, 447)]))
    assert verified.status == "verified"
    other_value = only(reconcile([police(1, 447), claim(2, 436, publisher="Outlet", status="verified")]))
    assert other_value.best == 447 and other_value.status == "unverified"
    disputed = only(reconcile([police(1, 447, status="verified"), seed(2, 447, status="disputed")]))
    assert disputed.status == "disputed"
    rejected = only(reconcile([police(1, 447), seed(2, 436, status="rejected")]))
    assert (rejected.min, rejected.claims, rejected.rejected, rejected.flags) == (447, [1], [2], [])


def test_origin_overrides_decide_independence():
    claims = [claim(1, 447, publisher="A"), claim(2, 447, publisher="B")]
    assert only(reconcile(claims)).status == "corroborated"
    merged = assign_origins(claims, merges=[("source:1", "source:2")])
    figure = only(reconcile(claims, origin_overrides=merged))
    assert figure.status == "unverified" and len(figure.origins) == 1


def test_figures_are_per_cell_kind_and_qualifiers():
    figures = reconcile([police(1, 447), police(2, 10, kind="torture_sites", cell="place:kharkiv-oblast"),
                         police(3, 22, MILITARY), police(4, 22, {"status": "military"})])
    assert [(f.cell, f.kind, f.qualifiers, f.claims) for f in figures] == [
        (IZIUM, "bodies", {}, [1]), (IZIUM, "bodies", MILITARY, [3, 4]),
        ("place:kharkiv-oblast", "torture_sites", {}, [2])]
    assert figures[1].key == (IZIUM, "bodies", (("status", "military"),))
