"""`litopys estimate TABLE.csv`: JSON and table output, --model, --stratum, and one-line refusals."""

import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from .conftest import DATA


def run(*args) -> str:
    out = StringIO()
    call_command("estimate", *args, stdout=out)
    return out.getvalue()


def test_json_output_is_the_contract(tmp_path):
    out = json.loads(run(str(DATA / "hav.csv"), "--format", "json"))
    assert out["lists"] == ["P", "Q", "E"] and out["documented"] == 271
    assert len(out["models"]) == 8
    assert out["chosen"] == {"interactions": ["12", "13", "23"], "by": "bic"}
    saturated = next(m for m in out["models"] if m["interactions"] == ["12", "13", "23"])
    assert saturated == {"interactions": ["12", "13", "23"], "estimate": 1312.8, "se": 518.0, "ci95": [654.7, 3031.1],
                         "deviance": 0.0, "df": 0, "aic": 51.391, "bic": 76.606}


def test_model_option_fits_exactly_the_named_interactions():
    out = json.loads(run(str(DATA / "hav.csv"), "--model", "12,23", "--format", "json"))
    assert [m["interactions"] for m in out["models"]] == [["12", "23"]]
    assert out["chosen"] == {"interactions": ["12", "23"], "by": "model"}


def test_table_output_marks_the_chosen_model():
    text = run(str(DATA / "hav.csv"))
    assert "Lists: 1 = P, 2 = Q, 3 = E. Documented: 271." in text
    assert "Chosen by lowest BIC: 12,13,23 — estimate 1,312.8 (95% interval 654.7 – 3,031.1), of whom 1,041.8 on no " \
           "list." in text
    line = next(row for row in text.splitlines() if row.startswith("12,13,23"))
    assert "chosen" in line and "lowest AIC" in line
    assert text.splitlines()[2].split()[:3] == ["interactions", "estimate", "std."]


def test_table_headings_are_translatable():
    with translation.override("uk"):
        text = run(str(DATA / "hav.csv"))
    # Without a Ukrainian catalogue for these strings the English ones stand; with one they change. Either way the
    # command must run and print its table under the active language.
    assert "1,312.8" in text


def test_stratified_table_output():
    text = run(str(DATA / "strata-small-synthetic.csv"), "--stratum", "region")
    assert "Stratum region = east" in text
    assert "Refused (23 documented): only 23 people are documented here" in text
    assert "Total: no total: stratum 'east' was refused" in text
    text = run(str(DATA / "strata-synthetic.csv"), "--stratum", "region")
    assert "Total over 2 strata: documented 504, estimate" in text


@pytest.mark.parametrize(("content", "message"), [
    ("A,B,count\n1,0,40\n0,1,30\n", "lists A and B share no record: no overlap means no estimate"),
    ("A,B,C\n1,0,0\n", "t.csv has no `count` column; add one with the number of people for each capture history"),
    ("A,B,C,count\n1,0,0,-2\n", "t.csv row 2: count -2 is negative; a count is a number of people, 0 or more"),
    ("A,B,C,count\n", "t.csv has no rows; give one row per capture history with its count"),
])
def test_refusals_are_one_line_command_errors(tmp_path, content, message):
    path = tmp_path / "t.csv"
    path.write_text(content)
    with pytest.raises(CommandError) as caught:
        run(str(path))
    assert str(caught.value).replace(str(path), "t.csv") == message


def test_a_missing_file_is_one_line(tmp_path):
    with pytest.raises(CommandError, match="does not exist; check the path and try again"):
        run(str(tmp_path / "absent.csv"))


def test_the_litopys_command_exits_with_one_line_and_no_traceback(tmp_path):
    path = tmp_path / "two.csv"
    path.write_text("A,B,count\n1,0,40\n0,1,30\n1,1,5\n")
    done = subprocess.run([sys.executable, "-m", "litopys", "estimate", str(path)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "CommandError: lists in the table: 2 (A, B); multiple-systems estimation needs 3 or more, since with 2 the "
        "dependence between lists cannot be modelled, so a 2-list (Lincoln-Petersen) estimate is not offered"]
