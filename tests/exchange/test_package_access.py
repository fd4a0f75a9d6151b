"""Evidence packages hold what the exporter may read, withhold the rest without naming it, and `verify-package`
catches every change that regenerated manifests would hide. The texts are synthetic."""

import json
import tempfile
import zipfile
from io import BytesIO, StringIO
from pathlib import Path

import bagit
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from litopys.evidence.custody import checkpoint
from litopys.evidence.ingest import SourceFacts, ingest_stream
from litopys.evidence.models import Dossier, Source
from litopys.exchange.actions import export_package
from litopys.exchange.packages.contents import NOT_ALLOWED, NOT_ASKED, Scope
from litopys.exchange.packages.opening import PackageError
from litopys.exchange.packages.public_keys import read_public_key
from litopys.exchange.packages.verify import verify_package
from litopys.incidents.models import Claim, Incident

pytestmark = pytest.mark.django_db

#: Never to appear in a package made for someone who may not read the confidential source.
WITNESS = "Synthetic-Witness-Hrytsenko"
TEXTS = {
    "public": "Synthetic report: searchers said they found forty graves near the synthetic village.",
    "restricted": "Synthetic memo: the investigator counted forty-one graves near the synthetic village.",
    "confidential": f"Synthetic testimony of {WITNESS}: I saw them dig forty-two graves near the synthetic village.",
}


def staff(username: str, role: str):
    user = get_user_model().objects.create_user(username, password="synthetic-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def record(vault):
    """Three sources of one incident — public, restricted, confidential (in a dossier) — each with a claim."""
    incident = Incident.objects.create(slug="synthetic-graves", title="Synthetic graves", type="mass_burial",
                                       status="published")
    dossier = Dossier.objects.create(name="Synthetic dossier")
    sources = {}
    for sensitivity, text in TEXTS.items():
        name = f"{WITNESS}-statement.txt" if sensitivity == "confidential" else f"synthetic-{sensitivity}.txt"
        result = ingest_stream(BytesIO(text.encode()), name, SourceFacts(
            kind="testimony" if sensitivity == "confidential" else "document", sensitivity=sensitivity,
            title=f"Statement of {WITNESS}" if sensitivity == "confidential" else f"Synthetic {sensitivity}",
            collected_by="synthetic collector"))
        source = Source.objects.get(pk=result.source_id)
        if sensitivity == "confidential":
            source.dossier = dossier
            source.save(update_fields=["dossier"])
        quote = text.split(":", 1)[1].strip()
        Claim.objects.create(source=source, kind="graves", min=40, max=40, quote=quote, start=text.index(quote),
                             end=text.index(quote) + len(quote), extracted_by="person:synthetic", incident=incident)
        sources[sensitivity] = source
    checkpoint()
    return {"incident": incident, "dossier": dossier, "sources": sources}


def every_text(folder) -> str:
    return "\n".join(path.read_bytes().decode("utf-8", "replace") for path in folder.rglob("*") if path.is_file())


def test_a_reviewer_gets_public_and_restricted_sources_and_the_confidential_one_is_counted_not_named(record,
                                                                                                     tmp_path):
    reviewer = staff("synthetic-reviewer", "reviewer")
    built = export_package(Scope(incident="synthetic-graves"), reviewer, "synthetic prosecutor", tmp_path / "bag")
    assert built.sources == 2 and built.claims == 2
    assert built.withheld["sources"] == {f"confidential: {NOT_ALLOWED}": 1} and built.withheld["claims"] == 1
    text = every_text(tmp_path / "bag")
    assert WITNESS not in text and "forty-two" not in text
    assert "forty graves" in text and "forty-one" in text
    readme = (tmp_path / "bag" / "README.txt").read_text()
    assert "confidential" in readme and NOT_ALLOWED in readme
    assert verify_package(tmp_path / "bag").intact


def test_a_dossier_member_gets_the_confidential_source_only_when_asking_for_it(record, tmp_path):
    member = staff("synthetic-member", "reviewer")
    record["dossier"].members.add(member)
    without = export_package(Scope(incident="synthetic-graves"), member, "synthetic court", tmp_path / "without")
    assert without.withheld["sources"] == {f"confidential: {NOT_ASKED}": 1}
    assert WITNESS not in every_text(tmp_path / "without")
    asked = export_package(Scope(incident="synthetic-graves"), member, "synthetic court", tmp_path / "with",
                           include_confidential=True)
    assert asked.sources == 3 and not asked.withheld["sources"]
    assert WITNESS in every_text(tmp_path / "with")
    assert verify_package(tmp_path / "with").intact


def test_a_collector_gets_only_what_they_collected(record, tmp_path):
    collector = staff("synthetic collector", "collector")
    built = export_package(Scope(incident="synthetic-graves"), collector, "synthetic court", tmp_path / "bag",
                           include_confidential=True)
    assert built.sources == 3  # every source here was collected under this name
    other = staff("another-collector", "collector")
    with pytest.raises(Exception, match="nothing to package"):
        export_package(Scope(incident="synthetic-graves"), other, "synthetic court", tmp_path / "none")
    assert not (tmp_path / "none").exists()


@pytest.fixture
def bag(record, tmp_path):
    admin = staff("synthetic-admin", "administrator")
    export_package(Scope(sources=[record["sources"]["public"].pk, record["sources"]["restricted"].pk]), admin,
                   "synthetic court", tmp_path / "bag")
    assert verify_package(tmp_path / "bag").intact
    return tmp_path / "bag"


def rewrite(bag_path, name: str, change) -> None:
    """Change a JSON file of the package and regenerate both manifests, as a forger would."""
    path = bag_path / name
    path.write_text(json.dumps(change(json.loads(path.read_text())), ensure_ascii=False, indent=2))
    bagit.Bag(str(bag_path)).save(manifests=True)
    assert bagit.Bag(str(bag_path)).is_valid()


def kinds(report) -> set[str]:
    return {problem.kind for problem in report.problems}


def test_an_edited_custody_event_is_found_though_the_manifests_were_regenerated(bag):
    def edit(events):
        events[0]["actor"] = "someone else"
        return events

    rewrite(bag, "data/custody/events.json", edit)
    assert kinds(verify_package(bag)) == {"broken_entry", "bad_proof"}


def test_other_bytes_under_their_own_hash_are_found_though_the_manifests_were_regenerated(bag):
    package = json.loads((bag / "data/package.json").read_text())
    forged = b"Synthetic forged statement: four graves."
    import hashlib

    digest = hashlib.sha256(forged).hexdigest()
    old = bag / package["items"][0]["path"]
    old.unlink()
    (bag / f"data/items/{digest}.txt").write_bytes(forged)

    def swap(document):
        document["items"][0].update(sha256=f"sha256:{digest}", path=f"data/items/{digest}.txt", size=len(forged))
        return document

    rewrite(bag, "data/package.json", swap)
    assert kinds(verify_package(bag)) == {"unrecorded_item", "bad_package"}


def test_an_edited_checkpoint_or_another_key_is_found(bag):
    key = json.loads((bag / "data/custody/checkpoints.json").read_text())[0]["public_key"]
    assert kinds(verify_package(bag, public_key="A" * 43 + "=")) == {"wrong_key", "bad_proof"}
    assert verify_package(bag, public_key=key).intact
    # the key given as the package's own PEM file, or a file holding the base64, is the same key
    assert read_public_key(str(bag / "data/custody/public-key.pem")) == key
    (bag.parent / "key.txt").write_text(key + "\n")
    assert read_public_key(str(bag.parent / "key.txt")) == key
    out = StringIO()
    call_command("verify-package", str(bag), "--public-key", str(bag / "data/custody/public-key.pem"), stdout=out)
    assert "PROBLEM" not in out.getvalue()
    report = verify_package(bag, public_key=key)
    assert report.items_checked == 2 and report.checkpoints_checked == 1
    assert out.getvalue().splitlines()[-1] == (f"2 items, {report.bytes_checked} bytes, {report.events_checked} "
                                               "custody events, 1 checkpoint: intact")

    def edit(points):
        points[0]["root_hash"] = "sha256:" + "0" * 64
        points[0]["statement"] = points[0]["statement"].replace(points[0]["statement"].split("root ")[1][:71],
                                                                points[0]["root_hash"])
        return points

    rewrite(bag, "data/custody/checkpoints.json", edit)
    assert "bad_signature" in kinds(verify_package(bag))


def test_bad_input_gets_one_line_each(record, tmp_path):
    staff("synthetic-editor", "editor")
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "something").write_text("synthetic")
    cases = {
        "already exists": ["--incident", "synthetic-graves", "--to", str(taken), "--by", "synthetic-editor"],
        "no incident has the slug": ["--incident", "no-such", "--to", str(tmp_path / "a"), "--by",
                                     "synthetic-editor"],
        "not an active staff account": ["--incident", "synthetic-graves", "--to", str(tmp_path / "b"), "--by",
                                        "nobody"],
        "not an item hash": ["--items", "abc", "--to", str(tmp_path / "c"), "--by", "synthetic-editor"],
        "does not exist": ["--incident", "synthetic-graves", "--to", str(tmp_path / "no" / "dir"), "--by",
                           "synthetic-editor"],
    }
    for expected, args in cases.items():
        with pytest.raises(CommandError, match=expected):
            call_command("export", "package", *args, "--recipient", "synthetic court", stdout=StringIO())
    with pytest.raises(CommandError, match="receives"):
        call_command("export", "package", "--incident", "synthetic-graves", "--to", str(tmp_path / "d"), "--by",
                     "synthetic-editor", "--recipient", " ", stdout=StringIO())
    assert not [name for name in "abcd" if (tmp_path / name).exists()]
    assert not list(tmp_path.glob(".litopys-package-*")) and list(taken.iterdir()) == [taken / "something"]


def test_verify_package_refuses_what_is_no_package_in_one_line(tmp_path):
    (tmp_path / "folder").mkdir()
    assert kinds(verify_package(tmp_path / "folder")) == {"not_a_bag"}
    truncated = tmp_path / "truncated.zip"
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bag/bagit.txt", "BagIt-Version: 1.0\n" * 1000)
    truncated.write_bytes(buffer.getvalue()[:-40])
    with pytest.raises(PackageError, match="ZIP"):
        verify_package(truncated)
    with pytest.raises(PackageError, match="no such"):
        verify_package(tmp_path / "absent")
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bag/data/zeros", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(PackageError, match="ZIP bomb"):
        verify_package(bomb)


def test_the_editors_button_downloads_a_package_that_verifies_and_others_get_no_button(record, client, tmp_path):
    editor = staff("synthetic-editor", "editor")
    client.force_login(editor)
    url = "/staff/packages/incident/synthetic-graves/"
    assert url in client.get("/staff/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="en").status_code == 200
    before = set(Path(tempfile.gettempdir()).glob("litopys-package-download-*"))  # other runs' are not ours
    answer = client.post(url, {"recipient": "Synthetic prosecutor"}, HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 200 and answer["Content-Type"] == "application/zip"
    (tmp_path / "download.zip").write_bytes(b"".join(answer.streaming_content))
    report = verify_package(tmp_path / "download.zip")
    assert report.intact and report.items_checked == 2
    assert set(Path(tempfile.gettempdir()).glob("litopys-package-download-*")) <= before
    reviewer = staff("synthetic-reviewer", "reviewer")
    client.force_login(reviewer)
    assert client.get(url).status_code == 403
    assert url not in client.get("/staff/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_verify_package_without_a_home_leaves_nothing_behind(bag, tmp_path):
    import os
    import subprocess
    import sys

    where = tmp_path / "court-machine"
    where.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("LITOPYS_HOME", "DATABASE_URL")}
    done = subprocess.run([sys.executable, "-m", "litopys", "verify-package", str(bag)], cwd=where, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert list(where.iterdir()) == []  # no ./var, no secret key, no static folder
