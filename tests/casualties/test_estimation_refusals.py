"""Every estimate the module will not give is refused in one line that names the input and the fix."""

import pytest

from litopys.casualties.estimation import MIN_OVERLAP, MIN_RECORDS, Refused, estimate, read_rows, table

# SYNTHETIC tables throughout.
GOOD = {"100": 60, "010": 50, "001": 40, "110": 15, "101": 12, "011": 10, "111": 5}


def refusal(call) -> str:
    with pytest.raises(Refused) as caught:
        call()
    return caught.value.message


def rows(*lines, header=("A", "B", "C", "count")):
    return [dict(zip(header, line, strict=True)) for line in lines]


def test_two_lists_are_refused_and_lincoln_petersen_is_not_offered():
    message = refusal(lambda: estimate(table("AB", {"10": 40, "01": 30, "11": 12})))
    assert message == ("lists in the table: 2 (A, B); multiple-systems estimation needs 3 or more, since with 2 the "
                       "dependence between lists cannot be modelled, so a 2-list (Lincoln-Petersen) estimate is not "
                       "offered")


def test_two_lists_with_no_overlap_mean_no_estimate():
    assert refusal(lambda: estimate(table("AB", {"10": 40, "01": 30}))) == \
        "lists A and B share no record: no overlap means no estimate"


def test_a_list_that_meets_no_other_list_is_refused():
    counts = {"100": 60, "010": 50, "001": 40, "011": 10, "000": 0}
    assert refusal(lambda: estimate(table("ABC", counts))) == \
        "list A shares no record with any other list: no overlap means no estimate; check the record linkage or " \
        "drop that list"


def test_a_pair_without_overlap_refuses_only_the_models_with_its_interaction():
    counts = dict(GOOD, **{"110": 0, "111": 0})
    result = estimate(table("ABC", counts))
    refused = {",".join(r.model.interactions): r.reason.message for r in result.refusals}
    assert set(refused) == {"12", "12,13", "12,23", "12,13,23", "13,23"}
    assert refused["12"] == ("lists A and B share no record: no overlap means no estimate for a model with their "
                             "interaction 12")
    # Without the 12 term, 13 and 23 together cannot put nobody on both A and B: the fit runs off to infinity.
    assert refused["13,23"].startswith("zero cells make a parameter of this model infinite")
    assert {",".join(f.model.interactions) or "none" for f in result.fits} == {"none", "13", "23"}
    assert result.to_dict()["refused"][0] == {"interactions": ["12"], "reason": refused["12"]}


def test_a_zero_cell_that_makes_a_parameter_infinite_refuses_that_model_and_keeps_the_others():
    # Nobody is on all three lists: the saturated model's cross-ratio would put 0 people on no list.
    counts = dict(GOOD, **{"111": 0})
    result = estimate(table("ABC", counts))
    refused = {",".join(r.model.interactions): r.reason.message for r in result.refusals}
    assert refused == {"12,13,23": "zero cells make a parameter of this model infinite (its maximum-likelihood fit "
                                   "does not exist), so its estimate would be infinite or undefined"}
    assert len(result.fits) == 7


def test_a_named_model_that_is_degenerate_is_refused_with_its_reason():
    counts = dict(GOOD, **{"111": 0})
    assert refusal(lambda: estimate(table("ABC", counts), model="12,13,23")).startswith("zero cells make a parameter")


def test_negative_and_fractional_counts_are_refused():
    assert refusal(lambda: read_rows(rows(("1", "0", "0", "-3")), source="t.csv")) == \
        "t.csv row 2: count -3 is negative; a count is a number of people, 0 or more"
    assert refusal(lambda: read_rows(rows(("1", "0", "0", "60"), ("0", "1", "0", "2.5")), source="t.csv")) == \
        "t.csv row 3: count '2.5' is not a whole number; a count is a number of people"
    assert refusal(lambda: read_rows(rows(("1", "0", "0", "")), source="t.csv")) == \
        "t.csv row 2: count '' is not a whole number; a count is a number of people"
    assert refusal(lambda: table("ABC", {"100": -1})) == \
        "count -1 is negative; a count is a number of people, 0 or more"


def test_missing_columns_and_bad_marks_are_refused():
    assert refusal(lambda: read_rows([{"A": "1", "B": "0", "C": "0", "n": "4"}], source="t.csv")) == \
        "t.csv has no `count` column; add one with the number of people for each capture history"
    assert refusal(lambda: read_rows(rows(("1", "2", "0", "4")), source="t.csv")) == \
        "t.csv row 2, list B: '2' is not 0 or 1; a list column says whether the people of that row are on the list"
    assert refusal(lambda: read_rows(rows(("1", "0", "0", "4")), stratum="region", source="t.csv")) == \
        "t.csv has no column 'region' to stratify by; the columns are A, B, C, count"


def test_an_empty_table_is_refused():
    assert refusal(lambda: read_rows([], source="t.csv")) == \
        "t.csv has no rows; give one row per capture history with its count"
    assert refusal(lambda: read_rows(rows(("1", "0", "0", "0")), source="t.csv")) == \
        "t.csv records nobody (every count is 0); there is nothing to estimate from"


def test_the_all_zero_history_cannot_carry_a_count():
    assert refusal(lambda: read_rows(rows(("0", "0", "0", "5")), source="t.csv")) == \
        ("t.csv row 2 marks no list but has count 5; the all-zero history is what is estimated, so leave it out or "
         "give it count 0")


def test_small_tables_are_refused_rather_than_given_absurd_numbers():
    small = {"100": 8, "010": 6, "001": 5, "110": 2, "101": 1, "011": 1}
    assert refusal(lambda: estimate(table("ABC", small))) == (
        f"only 23 people are documented here; an estimate needs at least {MIN_RECORDS}, so this table is refused "
        "rather than given a number it cannot support")
    thin = {"100": 60, "010": 50, "001": 40, "110": 3, "101": 2, "011": 2, "111": 1}
    assert refusal(lambda: estimate(table("ABC", thin))) == (
        f"only 8 people are on two lists or more; an estimate needs at least {MIN_OVERLAP} such overlaps, so this "
        "table is refused rather than given a number it cannot support")


def test_bad_model_names_are_refused():
    good = table("ABC", GOOD)
    assert refusal(lambda: estimate(good, model="14")) == \
        "--model 14: there is no list 4; the table has 3 lists, numbered 1 to 3 in column order"
    assert refusal(lambda: estimate(good, model="12,1x")) == \
        "--model 12,1x: '1x' is not an interaction; write pairs of list numbers such as 12,23"
    assert refusal(lambda: estimate(good, model="11")).startswith("--model 11: '11' is not an interaction")


def test_too_many_lists_to_fit_every_model_ask_for_one():
    counts = {format(i, "06b"): 10 + i for i in range(1, 64)}
    six = table("ABCDEF", counts)
    assert refusal(lambda: estimate(six)) == ("the table has 6 lists: fitting every model means 32768 models; name "
                                              "one with --model (e.g. --model 12,34) or merge lists")
    assert estimate(six, model="12,34").chosen.model.interactions == ["12", "34"]


def test_a_refusal_translates_through_the_given_gettext():
    with pytest.raises(Refused) as caught:
        estimate(table("AB", {"10": 40, "01": 30}))
    shouted = caught.value.say(lambda template: "» " + template)
    assert shouted == "» lists A and B share no record: no overlap means no estimate"
