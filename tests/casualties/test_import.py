"""Importing victim lists: CSV and XLSX, the file kept as evidence, bad input reported row by row."""

import csv
import json
import subprocess
import sys

import pytest
from django.core.management import call_command

from litopys.casualties.importing import import_list
from litopys.casualties.models import ListRecord, VictimList
from litopys.evidence.models import CustodyEvent, Source

pytestmark = pytest.mark.django_db


def rows_in(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def test_three_lists_from_csv_xlsx_and_cp1251(imported, data):
    exhumation, police, morgue = imported
    assert exhumation.rows == rows_in(data / "exhumation.csv")
    assert morgue.rows == rows_in(data / "morgue-cp1251.csv", "cp1251")
    assert police.rows == ListRecord.objects.filter(victim_list__name="police").count() > 10
    assert "cp1251" in morgue.notes[0]
    first = ListRecord.objects.get(victim_list__name="morgue", row=1)
    assert first.full_name == "Бабенук Геннадий" and first.sex == "male" and first.age_min == 20
    police_row = ListRecord.objects.filter(victim_list__name="police", birth_precision="exact").first()
    assert police_row.birth_date is not None and police_row.patronymic
    assert police_row.raw["Прізвище"] == police_row.surname
    exhumation_row = ListRecord.objects.get(victim_list__name="exhumation", row=2)
    assert (exhumation_row.age_min, exhumation_row.age_max) == (57, 61)  # "~59 років"
    assert exhumation_row.place.name == "Izium" and exhumation_row.grave_number == "282"


def test_the_file_is_evidence_with_hash_and_custody(imported):
    victim_list = VictimList.objects.get(name="police")
    source = victim_list.source
    assert source.item.sha256 == victim_list.file_hash and source.sensitivity == "confidential"
    assert CustodyEvent.objects.filter(item_hash=victim_list.file_hash, action="ingested").count() == 1
    assert source.item.text == "" and not source.claims.exists()  # names never become item text or claims


def test_reimporting_the_same_file_changes_nothing(imported, data):
    counts = (Source.objects.count(), CustodyEvent.objects.count(), ListRecord.objects.count())
    again = import_list(str(data / "police.xlsx"), "police", actor="tester")
    assert again.status == "already imported" and "nothing changed" in again.message
    assert (Source.objects.count(), CustodyEvent.objects.count(), ListRecord.objects.count()) == counts
    other = import_list(str(data / "police.xlsx"), "police-copy", actor="tester")
    assert other.status == "imported" and other.rows == again.rows


def test_dry_run_shows_mapping_and_problems_and_stores_nothing(db, vault, data):
    report = import_list(str(data / "bad-dates.csv"), "bad", dry_run=True)
    assert report.status == "dry run" and report.columns == {"full_name": "ПІБ", "death_date": "Дата смерті",
                                                               "notes": "Примітка"}
    assert report.problem_rows == 3 and not VictimList.objects.exists() and not Source.objects.exists()


def test_impossible_dates_one_line_each_and_good_rows_imported(db, vault, data):
    report = import_list(str(data / "bad-dates.csv"), "bad")
    assert report.status == "imported" and report.rows == 30 and report.problem_rows == 3
    assert [(p.row, p.column, p.value) for p in report.problems] == [(10, "Дата смерті", "31.02.2022"),
                                                                     (20, "Дата смерті", "31.02.2022"),
                                                                     (30, "Дата смерті", "31.02.2022")]
    assert ListRecord.objects.filter(victim_list__name="bad", death_date__isnull=False).count() == 27
    flagged = ListRecord.objects.get(victim_list__name="bad", row=10)
    assert flagged.problems[0]["message"].startswith("no such date") and flagged.surname


@pytest.mark.parametrize("name, message", [
    ("empty.csv", "is empty"), ("header-only.csv", "no data rows"), ("no-name.csv", "no column holds a name"),
    ("missing.csv", "cannot be read"),
])
def test_bad_files_are_one_clear_line_and_nothing_stored_is_lost(imported, data, name, message):
    before = (VictimList.objects.count(), ListRecord.objects.count())
    report = import_list(str(data / name), "broken")
    assert report.status == "failed" and message in report.message and "\n" not in report.message
    assert (VictimList.objects.count(), ListRecord.objects.count()) == before


def test_no_name_column_can_be_named_with_columns(db, vault, data):
    report = import_list(str(data / "no-name.csv"), "named", columns="full_name=Місце")
    assert report.status == "imported" and report.rows == 2


def test_merged_cells_fill_every_row_they_span(db, vault, data):
    report = import_list(str(data / "merged.xlsx"), "grave")
    assert report.status == "imported" and any("merged cells C2:C4" in note for note in report.notes)
    assert list(ListRecord.objects.filter(victim_list__name="grave").values_list("grave_number", flat=True)) == [
        "7"] * 6
    assert ListRecord.objects.filter(victim_list__name="grave", place__name="Izium").count() == 6


def test_bad_list_name(db, vault, data):
    assert "is not a list name" in import_list(str(data / "exhumation.csv"), "Exhumation List").message


def test_command_prints_lines_and_json(db, vault, data, capsys):
    call_command("casualties", "import", str(data / "bad-dates.csv"), "--list", "bad", "--dry-run")
    out = capsys.readouterr()
    assert "column  full_name ← 'ПІБ'" in out.out
    assert "bad-dates.csv: row 10, column 'Дата смерті', value '31.02.2022': no such date" in out.out
    assert out.err.startswith("dry run")
    call_command("casualties", "import", str(data / "exhumation.csv"), "--list", "exhumation", "--format", "json")
    payload = json.loads(capsys.readouterr().out)
    assert payload["status"] == "imported" and payload["file_hash"].startswith("sha256:")
    with pytest.raises(SystemExit):
        call_command("casualties", "import", str(data / "empty.csv"), "--list", "x")
    assert "failed" in capsys.readouterr().err


@pytest.mark.slow
def test_a_200_mb_list_is_streamed_in_bounded_memory(tmp_path):
    """A dry run over 200 MB reads it row by row: the process stays far below the file's size."""
    big = tmp_path / "big.csv"
    note = "SYNTHETIC " * 200
    with open(big, "w", encoding="utf-8") as handle:
        handle.write("ПІБ,Дата смерті,Примітка\n")
        row = f"Коваль Марія,23.09.2022,{note}\n"
        for _ in range(200 * 1024 * 1024 // len(row.encode()) + 1):
            handle.write(row)
    # VmHWM, not ru_maxrss: the latter carries the parent's high-water mark across fork and exec.
    script = ("import os, re, django; os.environ['DJANGO_SETTINGS_MODULE']='litopys.core.settings'; "
              "django.setup(); from litopys.casualties.importing import import_list; "
              f"r = import_list({str(big)!r}, 'big', dry_run=True); "
              "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1); "
              "print(r.status.replace(' ', '_'), r.rows, hwm)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={"LITOPYS_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"})
    status, rows, max_kib = done.stdout.split()
    assert status == "dry_run" and int(rows) > 90_000
    print(f"peak memory {int(max_kib) // 1024} MiB for a 200 MiB list")
    assert int(max_kib) < 200 * 1024 * 0.75, f"peak memory {int(max_kib) // 1024} MiB for a 200 MiB file"
