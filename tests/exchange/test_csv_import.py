"""CSV imports: the demo's incidents round-trip through an empty home; headers and values in English or
Ukrainian; one line per bad row naming the row and the fix; a dry run and --strict write nothing; the same file
again changes nothing. Every file here is synthetic."""

import csv
import hashlib
import json
import os
import subprocess
import sys
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command

from litopys.evidence.ingest import SourceFacts, ingest_stream
from litopys.evidence.models import CustodyEvent, Source
from litopys.exchange.importing.run import import_csv
from litopys.incidents.models import Claim, Incident

pytestmark = pytest.mark.django_db


def litopys(home, *args: str) -> subprocess.CompletedProcess:
    """Run the command line in a fresh process on its own, empty home (SQLite there)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LITOPYS_", "DATABASE_URL"))}
    env.update(LITOPYS_HOME=str(home), LITOPYS_CLI_LANGUAGE="en")
    return subprocess.run([sys.executable, "-m", "litopys", *args], capture_output=True, text=True, env=env,
                          timeout=600)


def test_the_demo_incidents_round_trip_through_an_empty_home(vault, tmp_path):
    call_command("demo", "--no-serve", stdout=StringIO())
    call_command("export", "dataset", "--format", "csv", "--to", str(tmp_path / "first"), stderr=StringIO())
    home = tmp_path / "empty-home"
    dry = litopys(home, "import", "csv", "incidents", str(tmp_path / "first" / "incidents.csv"), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "3 would be created" in dry.stdout
    first = litopys(home, "import", "csv", "incidents", str(tmp_path / "first" / "incidents.csv"))
    assert "3 created" in first.stdout, first.stdout + first.stderr
    again = litopys(home, "import", "csv", "incidents", str(tmp_path / "first" / "incidents.csv"),
                    "--format", "json")
    assert json.loads(again.stdout)["unchanged"] == 3
    exported = litopys(home, "export", "dataset", "--format", "csv", "--to", str(tmp_path / "second"))
    assert exported.returncode == 0, exported.stderr
    before = (tmp_path / "first" / "incidents.csv").read_text(encoding="utf-8")
    after = (tmp_path / "second" / "incidents.csv").read_text(encoding="utf-8")
    assert after == before and before.count("\n") == 4


UKRAINIAN = (
    "ідентифікатор;назва;тип;дата початку;місце;статус;частина;юридична кваліфікація\n"
    "synthetic-child;Синтетичний епізод;Вбивство цивільних;15.09.2022;Ізюм;чернетка;synthetic-parent;cc_ua_438\n"
    "synthetic-typo;Synthetic typo;killng;2022-09-15;Izium;draft;;\n"
    "synthetic-date;Synthetic date;shelling;2022-13-45;Izium;draft;;\n"
    "synthetic-homonym;Synthetic homonym;shelling;2022-09-01;Mykolaivka;draft;;\n"
    "synthetic-law;Synthetic law;shelling;2022-09-01;Izium;draft;;rome_no_such_article\n"
    "synthetic-parent;Синтетичний інцидент;Масове поховання;2022-09-01;Ізюм;опубліковано;;\n"
)


def test_ukrainian_headers_and_labels_one_line_per_bad_row_and_good_rows_written(tmp_path):
    path = tmp_path / "інциденти.csv"
    path.write_text(UKRAINIAN, encoding="utf-8")
    report = import_csv("incidents", path, dry_run=True)
    assert report.counts["created"] == 2 and report.failed == 4 and not Incident.objects.exists()
    err = StringIO()
    with pytest.raises(SystemExit):
        call_command("import", "csv", "incidents", str(path), stdout=StringIO(), stderr=err)
    lines = err.getvalue().strip().splitlines()
    assert [line.split(":", 1)[0].rsplit(", ", 1)[1] for line in lines] == ["row 3", "row 4", "row 5", "row 6"]
    assert "killng" in lines[0] and "labels" in lines[0]
    assert "YYYY-MM-DD" in lines[1]
    assert "oblast" in lines[2] and "GeoNames" in lines[2]
    assert "rome_no_such_article" in lines[3] and "never added" in lines[3]
    child = Incident.objects.get(slug="synthetic-child")
    assert child.type == "killing" and child.status == "draft" and child.parent.slug == "synthetic-parent"
    assert child.place.name == "Izium" and child.start_date.isoformat() == "2022-09-15"
    assert Incident.objects.get(slug="synthetic-parent").status == "published"
    again = import_csv("incidents", path)
    assert again.counts["unchanged"] == 2 and again.counts["created"] == 0


def test_strict_and_broken_files_write_nothing(tmp_path):
    path = tmp_path / "incidents.csv"
    path.write_text(UKRAINIAN, encoding="utf-8")
    report = import_csv("incidents", path, strict=True)
    assert report.failed == 4 and not report.written and not Incident.objects.exists()
    cp1251 = tmp_path / "cp1251.csv"
    cp1251.write_bytes("id,title,type\nsynthetic-cyr,Синтетичний інцидент,killing\n".encode("cp1251"))
    report = import_csv("incidents", cp1251)
    assert Incident.objects.get(slug="synthetic-cyr").title == "Синтетичний інцидент"
    assert any("Windows-1251" in note for note in report.notes)
    for content, expected in ((b"id,title,type\n\x00\x01\x02", "NUL"), (b"", "empty"),
                              (b"id,name\nsynthetic-x,Synthetic\n", "no title column"),
                              (b"id,title,type\nGr\xfc\xdfe aus M\xfcnchen\n", "not UTF-8")):
        broken = tmp_path / "broken.csv"
        broken.write_bytes(content)
        with pytest.raises(CommandError, match=expected):
            call_command("import", "csv", "incidents", str(broken), stdout=StringIO(), stderr=StringIO())
    unterminated = tmp_path / "unterminated.csv"
    unterminated.write_text('id,title,type\nsynthetic-1,Synthetic one,killing\nsynthetic-2,"Synthetic two,killing\n',
                            encoding="utf-8")
    import_csv("incidents", unterminated)
    assert not Incident.objects.filter(slug="synthetic-2").exists()


@pytest.fixture
def text_source(vault):
    text = "Synthetic report: the police said 12 bodies were found near Izium on 15 September 2022."
    result = ingest_stream(BytesIO(text.encode()), "synthetic-report.txt",
                           SourceFacts(kind="article", title="Synthetic report", sensitivity="public"))
    Claim.objects.filter(source_id=result.source_id).delete()
    Incident.objects.create(slug="synthetic-incident", title="Synthetic incident", type="mass_burial")
    return Source.objects.get(pk=result.source_id)


def write_rows(path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_claims_are_quotes_that_stand_in_their_source_and_are_recorded_unverified(text_source, tmp_path):
    path = tmp_path / "claims.csv"
    good = {"source": str(text_source.pk), "kind": "Виявлені тіла", "value": "≈12", "quote": "12 bodies were found",
            "attributed_to": "Synthetic Police", "incident": "synthetic-incident", "place": "Izium"}
    write_rows(path, [good, {**good, "quote": "13 bodies were found"}, {**good, "source": "999999"},
                      {**good, "kind": "graves", "value": "a dozen"}])
    report = import_csv("claims", path)
    assert report.counts["created"] == 1
    assert [row for row, _ in report.errors] == [3, 4, 5]
    assert "not in the text" in report.errors[0][1] and "999999" in report.errors[1][1]
    claim = Claim.objects.get(source=text_source)
    assert (claim.min, claim.max, claim.approximate, claim.status) == (12, 12, True, "unverified")
    assert text_source.item.text[claim.start:claim.end] == "12 bodies were found"
    assert claim.incident.slug == "synthetic-incident" and claim.attributed_to.name == "Synthetic Police"
    write_rows(path, [good])
    assert import_csv("claims", path).counts["unchanged"] == 1
    write_rows(path, [{**good, "value": "15"}])
    changed = import_csv("claims", path)
    assert changed.failed == 1 and "staff site" in changed.errors[0][1]
    assert Claim.objects.get(source=text_source).min == 12


def test_sources_are_files_preserved_with_their_hashes_checked(vault, tmp_path):
    (tmp_path / "files").mkdir()
    first, second = b"Synthetic field note one.\n", b"Synthetic field note two.\n"
    (tmp_path / "files" / "one.txt").write_bytes(first)
    (tmp_path / "files" / "two.txt").write_bytes(second)
    path = tmp_path / "sources.csv"
    write_rows(path, [
        {"файл": "files/one.txt", "хеш": hashlib.sha256(first).hexdigest(), "назва": "Synthetic note one",
         "вид": "Документ", "чутливість": "публічне"},
        {"файл": "files/two.txt", "хеш": hashlib.sha256(b"other").hexdigest(), "назва": "Synthetic note two",
         "вид": "document", "чутливість": "restricted"},
        {"файл": "files/missing.txt", "хеш": "", "назва": "Synthetic missing", "вид": "document",
         "чутливість": "restricted"},
    ])
    events = CustodyEvent.objects.count()
    dry = import_csv("sources", path, dry_run=True)
    assert dry.counts["created"] == 1 and dry.failed == 2
    assert not Source.objects.exists() and CustodyEvent.objects.count() == events
    report = import_csv("sources", path)
    assert report.counts["created"] == 1 and "not the file" in report.errors[0][1]
    assert "missing.txt" in report.errors[1][1]
    source = Source.objects.get()
    assert source.item.sha256 == "sha256:" + hashlib.sha256(first).hexdigest()
    assert source.sensitivity == "public" and source.collection_method == "csv import"
    assert CustodyEvent.objects.filter(action="ingested", item_hash=source.item.sha256).exists()
    assert import_csv("sources", path).counts["unchanged"] == 1 and Source.objects.count() == 1
