"""Consistency: each flag with its own small dossier, breakdowns of a total, and adding parts safely."""

from datetime import date

import pytest

from litopys.figures import consistency, wording
from litopys.figures.consistency import OverlappingCategories, may_overlap, safe_total
from litopys.figures.reconcile import reconcile
from litopys.figures.wording import group_of, people
from tests.figures import claim, police, seed

CIVILIAN, MILITARY, CHILD = {"status": "civilian"}, {"status": "military"}, {"age": "child"}
MALE, FEMALE, UNKNOWN = {"sex": "male"}, {"sex": "female"}, {"sex": "unknown"}


def total_flags(claims):
    [total] = [figure for figure in reconcile(claims) if not figure.qualifiers]
    return total.flags


def statement(parts, total=447, source=300, **kwargs):
    """Return one source's total and its parts, given as (qualifiers, value) pairs."""
    claims = [claim(source, total, source=source, publisher="Outlet", **kwargs)] if total is not None else []
    return claims + [claim(source + n + 1, value, q=q, source=source, publisher="Outlet", **kwargs)
                     for n, (q, value) in enumerate(parts)]


def test_the_flag_codes_are_the_six_documented():
    codes = {consistency.CONFLICT, consistency.PARTS_EXCEED_TOTAL, consistency.PARTS_DO_NOT_ADD_UP,
             consistency.OVERLAPPING_CATEGORIES, consistency.INTERIM_SUPERSEDED, consistency.BOUND_ABOVE_TOTAL}
    assert codes == {"conflict", "parts_exceed_total", "parts_do_not_add_up", "overlapping_categories",
                     "interim_superseded", "bound_above_total"}
    assert codes <= set(wording.TEMPLATES)


def test_police_list_mixing_schemes_adds_up_to_447():
    parts = [(FEMALE, 215), (MALE, 194), (CHILD, 5), (MILITARY, 22), (UNKNOWN, 11)]
    assert total_flags(statement(parts)) == []


def test_civilians_and_servicemen_add_up_to_447():
    assert total_flags(statement([(CIVILIAN, 425), (MILITARY, 22)])) == []


def test_seed_partial_breakdown_raises_no_flag():
    # "The count includes 194 men, 215 women, and 5 children. ... not yet determined the gender of others."
    assert total_flags(statement([(MALE, 194), (FEMALE, 215), (CHILD, 5)])) == []


def test_seed_and_police_dossier_raises_no_breakdown_flag():
    claims = [seed(1, 447), seed(2, 194, MALE), seed(3, 215, FEMALE), seed(4, 5, CHILD), police(11, 447),
              police(12, 215, FEMALE), police(13, 194, MALE), police(14, 5, CHILD), police(15, 22, MILITARY),
              police(16, 11, UNKNOWN)]
    assert all(figure.flags == [] for figure in reconcile(claims))


def test_parts_exceed_total():
    [flag] = total_flags(statement([(CIVILIAN, 300), (MILITARY, 200)]))
    assert flag.code == "parts_exceed_total" and flag.claims == [300, 301, 302]
    assert flag.message == ("The parts given by Outlet, 23 September 2022 (300 civilians, 200 servicemen and "
                            "servicewomen) add up to 500, more than the total of 447.")


def test_complete_scheme_that_falls_short_does_not_add_up():
    [flag] = total_flags(statement([(CIVILIAN, 400), (MILITARY, 22)]))
    assert flag.code == "parts_do_not_add_up"
    assert "add up to 422, not 447: 25 of the total are not broken down" in flag.message


def test_complete_sex_scheme_in_a_mixed_list_that_falls_short():
    parts = [(FEMALE, 215), (MALE, 194), (CHILD, 5), (MILITARY, 22), (UNKNOWN, 5)]
    assert [flag.code for flag in total_flags(statement(parts))] == ["parts_do_not_add_up"]


def test_parts_without_their_own_total_are_checked_against_the_best_total():
    claims = [police(1, 447)] + statement([(CIVILIAN, 300), (MILITARY, 200)], total=None)
    assert [flag.code for flag in total_flags(claims)] == ["parts_exceed_total"]


def test_children_inside_civilians_are_overlapping_not_an_excess():
    # "425 civilians, children among them, and 22 servicemen; 5 of the dead are children."
    [flag] = total_flags(statement([(CIVILIAN, 425), (MILITARY, 22), (CHILD, 5)]))
    assert flag.code == "overlapping_categories"
    assert flag.message == ("The parts given by Outlet, 23 September 2022 are not added up: the 5 children may "
                            "already be counted among the 425 civilians.")


def test_at_least_460_above_an_exact_447_from_another_origin():
    [figure] = reconcile([police(1, 447), claim(2, min=460, speaker="Maksym Strelnyk")])
    assert (figure.min, figure.max, figure.best) == (447, 447, 447)
    [flag] = figure.flags
    assert flag.code == "bound_above_total" and flag.claims == [1, 2]
    assert flag.message == ("One source says at least 460 (Maksym Strelnyk, 23 September 2022), more than the "
                            "exact count of 447 given by another origin (Ihor Klymenko, 23 September 2022).")


def test_a_bound_the_same_voice_later_corrected_is_interim():
    [figure] = reconcile([police(1, None, min=460, on=date(2022, 9, 22), source=1), police(2, 447, source=2)])
    assert figure.interim == [1] and [flag.code for flag in figure.flags] == ["interim_superseded"]
    assert "earlier figure of at least 460" in figure.flags[0].message


def test_a_bound_below_the_count_is_no_problem():
    [figure] = reconcile([police(1, 447), claim(2, min=400, speaker="Maksym Strelnyk")])
    assert figure.flags == [] and figure.min == 447


def test_three_origins_name_their_count():
    [figure] = reconcile([police(1, 447), claim(2, 436, publisher="A"), claim(3, 445, publisher="B"),
                          claim(4, 447, publisher="C")])
    [flag] = figure.flags
    assert flag.message == ("4 independent origins give different values: 436 (A, 23 September 2022), "
                            "445 (B, 23 September 2022) and 447 (Ihor Klymenko, 23 September 2022; C, 23 September "
                            "2022).")


@pytest.mark.parametrize(("a", "b", "overlap"), [
    (CHILD, CIVILIAN, True), (FEMALE, CIVILIAN, True), (FEMALE, CHILD, True), (MALE, MALE, True),
    (MALE, FEMALE, False), (CIVILIAN, MILITARY, False), (CHILD, MILITARY, False),
    ({"sex": "female", "age": "child"}, MALE, False), ({"sex": "female", "age": "child"}, CIVILIAN, True),
])
def test_which_categories_may_overlap(a, b, overlap):
    assert may_overlap(a, b) is overlap and may_overlap(b, a) is overlap


def test_safe_total_adds_disjoint_parts_and_refuses_overlapping_ones():
    assert safe_total([(CIVILIAN, 425), (MILITARY, 22)]) == 447
    assert safe_total([(MALE, 194), (FEMALE, 215), (UNKNOWN, 11)]) == 420
    assert safe_total([(CHILD, 5), (MILITARY, 22)]) == 27
    with pytest.raises(OverlappingCategories, match="5 children may already be counted among the 425 civilians"):
        safe_total([(CIVILIAN, 425), (CHILD, 5)])


def test_safe_total_takes_figures_from_different_origins():
    figures = reconcile([claim(1, 425, q=CIVILIAN, publisher="A"), seed(2, 5, CHILD), police(3, 22, MILITARY)])
    civilians, servicemen, children = sorted(figures, key=lambda f: f.best, reverse=True)
    assert safe_total([civilians, servicemen]) == 447
    with pytest.raises(OverlappingCategories):
        safe_total([civilians, children, servicemen])
    civilians.best = None
    with pytest.raises(ValueError, match="civilians has no value"):
        safe_total([civilians])


def test_categories_read_as_words():
    assert [people(group_of(5, q)) for q in ({}, CHILD, {"sex": "female", "age": "child"},
                                             {"status": "civilian", "age": "child"},
                                             {"status": "military", "sex": "female"}, UNKNOWN)] == [
        "5 people", "5 children", "5 girls", "5 civilian children", "5 women in military service",
        "5 people of unknown sex"]
    assert people(group_of(1, {"status": "military"})) == "1 serviceman or servicewoman"


# A total broken down across places (synthetic): "at least 10 torture chambers in the region: six in Kherson, two in
# Beryslav, and one each in Bilozerka and Chornobaivka", one source's claims, each at its own place.
OBLAST, QUOTE = "place:1", "at least 10 torture chambers in the region: six in Kherson, …"


def _placed(id, value, cell, where, *, total=False, quote=QUOTE, **kwargs):
    from dataclasses import replace

    made = claim(id, value, kind="torture_sites", cell=cell, source=500, publisher="Police", quote=quote, **kwargs)
    return replace(made, within="" if total else OBLAST, where=where)


def _region(total, parts, quote=QUOTE, **kwargs):
    claims = [_placed(500, total, OBLAST, "Kherson Oblast", total=True, **kwargs)]
    claims += [_placed(501 + n, value, f"place:{10 + n}", where, quote=quote) for n, (where, value) in enumerate(parts)]
    return claims


def _total_figure(claims):
    return next(figure for figure in reconcile(claims) if figure.cell == OBLAST)


def test_parts_across_places_that_add_up_raise_no_flag():
    parts = [("Kherson", 6), ("Beryslav", 2), ("Bilozerka", 1), ("Chornobaivka", 1)]
    assert _total_figure(_region(10, parts)).flags == []


def test_parts_across_places_that_exceed_an_exact_total():
    [flag] = _total_figure(_region(8, [("Kherson", 6), ("Beryslav", 2), ("Bilozerka", 1)])).flags
    assert flag.code == "parts_exceed_total" and flag.claims == [500, 501, 502, 503]
    assert flag.message == ("The parts given by Police, 23 September 2022 by place (6 in Kherson, 2 in Beryslav, "
                            "1 in Bilozerka) add up to 9, more than the total of 8.")


def test_parts_across_places_in_the_totals_words_that_fall_short_do_not_add_up():
    [flag] = _total_figure(_region(10, [("Kherson", 6), ("Beryslav", 2)])).flags
    assert flag.code == "parts_do_not_add_up"
    assert "add up to 8, not 10: 2 of the total are at no place named" in flag.message


def test_parts_said_elsewhere_may_cover_less_than_the_total():
    assert _total_figure(_region(10, [("Kherson", 6), ("Beryslav", 2)], quote="another sentence")).flags == []


def test_an_at_least_total_is_never_exceeded_by_its_parts():
    claims = _region(None, [("Kherson", 9), ("Beryslav", 2)], min=10)
    assert _total_figure(claims).flags == []
