"""A database made by an earlier Litopys migrates to this one with its data intact.

`tests/data/migrations/litopys-7ab6480.sqlite3` was made by main at 7ab6480 (before the verification app
was split into figures and review): the demo dossier, 68 review decisions, three reviewer's best values
(one on an incident, one on a place, one on a place as written), an origin merge and an origin split, with
their history. The places not referenced were removed to keep the file small.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "migrations" / "litopys-7ab6480.sqlite3"
TABLES = ("incidents_claim", "incidents_incident", "incidents_site", "incidents_actor", "evidence_source",
          "evidence_item", "evidence_custodyevent", "evidence_checkpoint", "chronicle_post", "places_place",
          "auth_user", "incidents_historicalclaim")


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def run(home: Path, code: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(LITOPYS_HOME=str(home), DJANGO_SETTINGS_MODULE="litopys.core.settings")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    home = tmp_path_factory.mktemp("upgrade-home")
    shutil.copy(FIXTURE, home / "litopys.sqlite3")
    before = {table: count(home / "litopys.sqlite3", table) for table in TABLES}
    before["decisions"] = count(home / "litopys.sqlite3", "verification_decision")
    run(home, "from litopys.core.cli import main; main(['litopys', 'migrate', '--verbosity', '0'])")
    return home, before


def test_every_row_of_the_record_is_still_there(upgraded):
    home, before = upgraded
    for table in TABLES:
        assert count(home / "litopys.sqlite3", table) == before[table], table
    assert count(home / "litopys.sqlite3", "review_decision") == before["decisions"] == 68


def test_best_values_point_at_the_figures_their_cells_named(upgraded):
    home, _ = upgraded
    out = run(home, """
import django; django.setup()
from litopys.figures.models import BestValue, OriginMerge, OriginSplit
from litopys.incidents.models import Incident
izium = Incident.objects.get(slug="izium-mass-burial-site")
for best in BestValue.objects.order_by("pk"):
    print(best.pk, best.figure.key == best.figure.key, best.figure.incident_id == izium.pk,
          best.figure.place.geonames_id if best.figure.place_id else None, best.figure.place_name, best.value)
print(BestValue.history.count(), OriginMerge.objects.count(), OriginMerge.history.count(),
      OriginSplit.objects.count(), OriginSplit.history.count())
izium.slug = "renamed-burial-site"
izium.save()
from litopys.figures.references import find_figure
view = find_figure("renamed-burial-site bodies")
print(view.figure.best, view.figure.best_by_reviewer)
""")
    lines = out.splitlines()
    assert lines[0] == "1 True True None  447"
    assert lines[1] == "2 True False 707292  1000"
    assert lines[2] == "3 True False None somewhere 5"
    assert lines[3] == "4 1 1 1 1"
    assert lines[4] == "447 True"  # renaming the incident orphans nothing


def test_the_old_tables_and_content_types_are_gone_and_permissions_moved(upgraded):
    home, _ = upgraded
    with sqlite3.connect(home / "litopys.sqlite3") as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        labels = {row[0] for row in connection.execute("SELECT app_label FROM django_content_type")}
    assert not any(name.startswith("verification_") for name in tables)
    assert "verification" not in labels and {"figures", "review"} <= labels
    out = run(home, """
import django; django.setup()
from django.contrib.auth.models import Group
print(sorted(p.codename for p in Group.objects.get(name="reviewer").permissions.filter(
    content_type__app_label="review")))
""")
    assert out.strip() == "['add_decision', 'view_decision']"
