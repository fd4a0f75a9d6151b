"""The demo's Izium incident as an evidence package: it validates with the `bagit` library and with `litopys
verify-package` on a machine state with no database, and fails both after one byte of an item is flipped."""

import json
import zipfile
from io import StringIO

import bagit
import pytest
from django.core.management import call_command

from litopys.evidence.integrity import verify
from litopys.evidence.models import CustodyEvent
from tests.exchange.packages import flip_byte, verify_elsewhere

pytestmark = pytest.mark.django_db


def test_the_izium_package_validates_anywhere_and_fails_after_one_flipped_byte(vault, tmp_path):
    call_command("demo", "--no-serve", stdout=StringIO())
    out = StringIO()
    call_command("export", "package", "--incident", "izium-mass-burial-site", "--to", str(tmp_path / "izium"),
                 "--by", "demo", "--recipient", "Office of the Prosecutor General (synthetic test)",
                 "--format", "json", stdout=out)
    built = json.loads(out.getvalue())
    assert built["items"] >= 2 and built["claims"] >= 1 and built["withheld"]["claims"] == 0
    bag_path = tmp_path / "izium"
    assert bagit.Bag(str(bag_path)).validate()
    checked = verify_elsewhere(bag_path, tmp_path / "empty-home")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "intact" in checked.stdout
    assert not (tmp_path / "empty-home" / "litopys.sqlite3").exists()

    package = json.loads((bag_path / "data/package.json").read_text())
    claims = json.loads((bag_path / "data/record/claims.json").read_text())
    incident = json.loads((bag_path / "data/record/incident.json").read_text())
    assert incident["incident"]["slug"] == "izium-mass-burial-site" and incident["sites"]
    assert all(claim["quote"] and claim["decisions"] for claim in claims if claim["status"] == "verified")
    assert {"accept", "verify"} <= {d["action"] for claim in claims for d in claim["decisions"]}
    exported = CustodyEvent.objects.get(action="exported", details__package=package["id"])
    assert exported.details["recipient"] == "Office of the Prosecutor General (synthetic test)"
    assert verify().intact

    item = bag_path / package["items"][0]["path"]
    flip_byte(item)
    assert not bagit.Bag(str(bag_path)).is_valid()
    checked = verify_elsewhere(bag_path, tmp_path / "empty-home")
    assert checked.returncode == 1
    assert "altered_item" in checked.stdout and package["items"][0]["sha256"] in checked.stdout


def test_the_package_as_a_zip_validates_and_a_flipped_byte_in_it_is_found(vault, tmp_path):
    call_command("demo", "--no-serve", stdout=StringIO())
    target = tmp_path / "izium.zip"
    call_command("export", "package", "--incident", "izium-mass-burial-site", "--to", str(target), "--by", "demo",
                 "--recipient", "synthetic court", stdout=StringIO())
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(target) as archive:
        archive.extractall(unpacked)
    assert bagit.Bag(str(unpacked / "izium")).validate()
    checked = verify_elsewhere(target, tmp_path / "home")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    with zipfile.ZipFile(target) as archive:
        member = next(info for info in archive.infolist() if "/data/items/" in info.filename)
    flip_byte(target, member.header_offset + 30 + len(member.filename.encode()) + 3)
    checked = verify_elsewhere(target, tmp_path / "home")
    assert checked.returncode == 1
    assert "damaged" in checked.stderr or "altered_item" in checked.stdout
