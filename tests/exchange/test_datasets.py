"""Datasets of the demo's public record in every format: they open in a spreadsheet (XLSX read back with openpyxl,
formulas never run), on a map (GeoJSON of the right shape), link across files by stable ids, and hold nothing that
is unpublished, unverified or from a source that is not public."""

import csv
import io
import json
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from litopys.evidence.models import Source
from litopys.incidents.models import Incident

pytestmark = pytest.mark.django_db

SECRET = "SYNTHETIC-RESTRICTED-TITLE"
INJECTION = '=HYPERLINK("http://synthetic.invalid","click")'


@pytest.fixture
def demo(vault):
    call_command("demo", "--no-serve", stdout=StringIO())
    Incident.objects.create(slug="synthetic-unpublished-incident", title="Synthetic draft", type="killing")
    source = Source.objects.get(title__startswith="Police complete exhumations")
    source.title, source.sensitivity = SECRET, "restricted"
    source.save(update_fields=["title", "sensitivity"])
    incident = Incident.objects.get(slug="izium-occupation-killings")
    incident.title = INJECTION
    incident.save(update_fields=["title"])


def export(*args: str) -> str:
    out = StringIO()
    call_command("export", "dataset", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_format_of_the_demo_record(demo, tmp_path):
    export("--format", "csv", "--to", str(tmp_path / "csv"))
    tables = {name: read_csv(tmp_path / "csv" / f"{name}.csv")
              for name in ("incidents", "sites", "figures", "claims", "sources")}
    assert {row["id"] for row in tables["incidents"]} == {"izium-mass-burial-site", "izium-occupation-killings",
                                                          "kharkiv-region-torture-sites"}
    incidents = {row["id"] for row in tables["incidents"]}
    assert all(row["incident"] in incidents for name in ("sites", "figures", "claims") for row in tables[name])
    assert {row["source"] for row in tables["claims"]} <= {row["id"] for row in tables["sources"]}
    assert {row["figure"] for row in tables["claims"]} <= {row["id"] for row in tables["figures"]}
    assert all(row["status"] == "verified" for row in tables["figures"])
    assert any(int(row["withheld_sources"]) for row in tables["figures"])
    injected = next(row for row in tables["incidents"] if row["id"] == "izium-occupation-killings")
    assert injected["title"] == "'" + INJECTION
    package = json.loads((tmp_path / "csv" / "datapackage.json").read_text())
    assert [r["name"] for r in package["resources"]] == ["incidents", "sites", "figures", "claims", "sources"]
    claims = next(r for r in package["resources"] if r["name"] == "claims")
    assert {"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}} in claims["schema"][
        "foreignKeys"]
    assert [f["name"] for f in claims["schema"]["fields"]] == list(tables["claims"][0])

    export("--format", "xlsx", "--to", str(tmp_path / "record.xlsx"))
    workbook = openpyxl.load_workbook(tmp_path / "record.xlsx")
    assert workbook.sheetnames == ["incidents", "sites", "figures", "claims", "sources", "columns"]
    for name, rows in tables.items():
        assert workbook[name].max_row == len(rows) + 1, name
    titles = [cell for cell in workbook["incidents"]["B"] if cell.value.startswith("'")]
    assert [cell.value for cell in titles] == ["'" + INJECTION] and titles[0].data_type == "s"

    geojson = json.loads(export("--format", "geojson"))
    assert geojson["type"] == "FeatureCollection" and len(geojson["features"]) == 3
    for feature in geojson["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        longitude, latitude = feature["geometry"]["coordinates"]
        assert 22 < longitude < 41 and 44 < latitude < 53
        assert feature["properties"]["id"] == feature["id"] and feature["properties"]["url"].startswith("http")

    document = json.loads(export("--format", "json"))
    assert {name: len(document[name]) for name in tables} == {name: len(rows) for name, rows in tables.items()}

    huridocs = list(csv.DictReader(io.StringIO(export("--format", "huridocs"))))
    burial = next(row for row in huridocs if row["event_record_number"] == "izium-mass-burial-site")
    assert burial["type_of_act"] == "Killing" and "bodies: 447" in burial["impact_of_event"]
    acled = {row["event_id_cnty"]: row for row in csv.DictReader(io.StringIO(export("--format", "acled")))}
    assert acled["izium-mass-burial-site"]["event_type"] == "Violence against civilians"
    assert acled["izium-mass-burial-site"]["fatalities"] == "447"
    assert acled["izium-occupation-killings"]["fatalities"] == "1000"
    assert acled["kharkiv-region-torture-sites"]["geo_precision"] == "3"

    everything = "\n".join(path.read_text() for path in (tmp_path / "csv").iterdir()) + json.dumps(document) + \
        json.dumps(geojson, ensure_ascii=False) + str(huridocs) + str(acled)
    assert SECRET not in everything and "synthetic-unpublished-incident" not in everything


def test_filters_and_bad_arguments(demo, tmp_path):
    near = json.loads(export("--format", "json", "--place", "Ізюм"))
    assert {row["id"] for row in near["incidents"]} == {"izium-mass-burial-site", "izium-occupation-killings"}
    since = json.loads(export("--format", "json", "--since", "2022-09-14"))
    assert [row["id"] for row in since["incidents"]] == ["izium-mass-burial-site"]
    oblast = json.loads(export("--format", "json", "--place", "Kharkiv Oblast"))
    assert len(oblast["incidents"]) == 3
    for args, expected in ((["--format", "csv"], "--to DIR"), (["--format", "json", "--place", "Atlantis"], "Atlantis"),
                           (["--format", "json", "--since", "yesterday"], "YYYY-MM-DD"),
                           (["--format", "json", "--to", str(tmp_path / "no" / "file.json")], "does not exist")):
        with pytest.raises(CommandError, match=expected):
            export(*args)
