"""`backup` → `restore` into an empty home → `verify`, on the database the suite runs on (SQLite or PostgreSQL),
and every refusal: a non-empty home, a damaged backup, an altered item, a missing key."""

import filecmp
import json
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from litopys.core.backup import tables
from litopys.core.backup.making import make_backup
from litopys.core.backup.manifest import BackupError
from litopys.core.backup.restoring import restore
from litopys.evidence import custody
from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.integrity import verify
from litopys.evidence.models import CustodyEvent, Item, Source
from litopys.evidence.vault import get_vault
from tests.core.homes import check_constraints, empty_database

pytest_plugins = ["tests.evidence.s3server"]  # moto's S3 server and a bucket per test

pytestmark = pytest.mark.django_db

PAGE = ("<html><head><title>SYNTHETIC report</title></head><body><p>SYNTHETIC: investigators counted 12 graves "
        "near a synthetic village on 3 May 2023.</p></body></html>")


def ingest(folder: Path, texts: dict[str, str]):
    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    results = list(ingest_paths(paths, SourceFacts(collected_by="tester", sensitivity="public")))
    assert all(r.status == "new" for r in results), results
    custody.checkpoint()
    return results


@pytest.fixture
def held(vault, tmp_path):
    """A home with items (one derived), sources, a claim, a staff member and a signed checkpoint."""
    ingest(tmp_path, {"report.html": PAGE, "notes.txt": "SYNTHETIC notes: a street described, nothing counted.\n"})
    user = get_user_model().objects.create_user("synthetic-reviewer", password="synthetic-password-1")
    user.groups.add(Group.objects.get(name="reviewer"))
    assert verify().intact
    return tmp_path


def new_home(settings, tmp_path, name="restored"):
    """Point the vault and the checkpoint log at a new folder and empty the database: a new, empty home."""
    settings.LITOPYS_VAULT = {"BACKEND": "litopys.evidence.vault.LocalVault",
                              "OPTIONS": {"root": str(tmp_path / name / "vault")}}
    settings.LITOPYS_CHECKPOINT_LOG = tmp_path / name / "custody-checkpoints.jsonl"
    empty_database()


def test_backup_restore_into_an_empty_home_then_verify_passes(held, settings, tmp_path):
    before = tmp_path / "tables-before"
    tables.dump(before)
    made = make_backup(tmp_path / "backup")
    assert made.items == Item.objects.count() == 3 and made.checkpoints == 1
    sums = subprocess.run(["sha256sum", "--check", "--quiet", "sha256sums.txt"], cwd=tmp_path / "backup",
                          capture_output=True, text=True)
    assert sums.returncode == 0, sums.stdout + sums.stderr
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert not (tmp_path / "backup" / "keys").exists() and not manifest["keys_included"]
    assert {key["name"] for key in manifest["keys"]} == {"secret_key", "signing_key"}

    new_home(settings, tmp_path)
    assert not Item.objects.exists() and not CustodyEvent.objects.exists()
    restored = restore(tmp_path / "backup")
    check_constraints()
    assert restored.items == 3 and restored.keys_installed == []
    report = verify()
    assert report.intact, report.problems
    after = tmp_path / "tables-after"
    tables.dump(after)
    same = filecmp.dircmp(before, after)
    assert sorted(same.same_files) == sorted(p.name for p in before.iterdir()), (same.diff_files, same.left_only)
    for name in same.common_files:  # the comparison above is by size and time; compare contents too
        assert (before / name).read_bytes() == (after / name).read_bytes(), name

    # Work goes on in the restored home: new rows get new ids, the ledger's chain continues.
    ingest(tmp_path, {"later.txt": "SYNTHETIC later notes, collected after the restore.\n"})
    assert Source.objects.count() == 3 and verify().intact


def test_restore_refuses_a_home_that_is_not_empty(held, tmp_path):
    make_backup(tmp_path / "backup")
    counts = (Item.objects.count(), CustodyEvent.objects.count())
    with pytest.raises(BackupError, match="not empty.*evidence.item.*restore only into a new, empty home"):
        restore(tmp_path / "backup")
    assert (Item.objects.count(), CustodyEvent.objects.count()) == counts


def test_restore_refuses_a_vault_holding_other_items(held, settings, tmp_path):
    make_backup(tmp_path / "backup")
    new_home(settings, tmp_path)
    import io

    get_vault().store(io.BytesIO(b"SYNTHETIC bytes from somewhere else"), 1000)
    with pytest.raises(BackupError, match="the vault holds 1 item"):
        restore(tmp_path / "backup")


def test_a_damaged_backup_is_refused_before_anything_is_written(held, settings, tmp_path):
    make_backup(tmp_path / "backup")
    table = tmp_path / "backup" / "database" / "evidence.source.jsonl"
    table.write_text(table.read_text().replace("report.html", "forged.html"))
    new_home(settings, tmp_path)
    with pytest.raises(BackupError, match="evidence.source.jsonl does not match its hash"):
        restore(tmp_path / "backup")
    assert list(get_vault().digests()) == [] and not tables.occupied()


def test_a_damaged_item_in_the_backup_is_refused_and_never_stored(held, settings, tmp_path):
    make_backup(tmp_path / "backup")
    item = next(p for p in (tmp_path / "backup" / "vault").rglob("*") if p.is_file())
    item.chmod(0o644)
    item.write_bytes(item.read_bytes() + b"!")
    new_home(settings, tmp_path)
    with pytest.raises(BackupError, match="does not hash to its name"):
        restore(tmp_path / "backup")
    assert not tables.occupied()
    assert f"sha256:{item.name}" not in set(get_vault().digests())


def test_backup_refuses_an_altered_item_and_leaves_nothing(held, vault, tmp_path):
    path = vault.path(Item.objects.filter(derived_from=None).first().sha256)
    path.chmod(0o644)
    path.write_bytes(b"SYNTHETIC altered")
    with pytest.raises(BackupError, match="is altered"):
        make_backup(tmp_path / "backup")
    assert not (tmp_path / "backup").exists() and not list(tmp_path.glob(".backup.partial-*"))


def test_backup_refuses_a_folder_that_holds_something(held, tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "old.txt").write_text("x")
    with pytest.raises(BackupError, match="not an empty folder"):
        make_backup(tmp_path / "backup")


def test_keys_are_listed_never_copied_unless_asked_and_restore_needs_them(held, settings, tmp_path):
    make_backup(tmp_path / "plain")
    make_backup(tmp_path / "with-keys", include_keys=True)
    key = settings.LITOPYS_SIGNING_KEY
    assert (tmp_path / "with-keys" / "keys" / "signing_key").read_bytes() == key.read_bytes()
    new_home(settings, tmp_path)
    settings.LITOPYS_SIGNING_KEY = tmp_path / "elsewhere" / "custody-ed25519.pem"
    with pytest.raises(BackupError, match="needs its custody signing key .*put it at .*elsewhere"):
        restore(tmp_path / "plain")
    assert not tables.occupied()
    restored = restore(tmp_path / "with-keys")
    assert restored.keys_installed == [str(settings.LITOPYS_SIGNING_KEY)]
    assert settings.LITOPYS_SIGNING_KEY.read_bytes() == key.read_bytes()
    assert verify().intact


def test_a_vault_in_s3_is_backed_up_and_restored_into_a_local_vault(s3_vault, settings, tmp_path):
    ingest(tmp_path, {"report.html": PAGE})
    assert len(list(s3_vault.digests())) == 2
    make_backup(tmp_path / "backup")
    new_home(settings, tmp_path)
    restore(tmp_path / "backup")
    assert sorted(get_vault().digests()) == sorted(s3_vault.digests())
    assert verify().intact


def test_a_vault_key_is_listed_copied_when_asked_and_required(held, settings, tmp_path):
    """Homes that seal items keep a vault key in a file (LITOPYS_VAULT_KEY_FILE): a key like the others."""
    settings.LITOPYS_VAULT_KEY_FILE = tmp_path / "vault.key"
    settings.LITOPYS_VAULT_KEY_FILE.write_text("c3ludGhldGljLXZhdWx0LWtleS1mb3ItYS10ZXN0LTAx\n")
    plain = make_backup(tmp_path / "plain")
    make_backup(tmp_path / "with-keys", include_keys=True)
    listed = json.loads((Path(plain.path) / "manifest.json").read_text())["keys"]
    assert "vault_key" in {key["name"] for key in listed}
    assert "c3ludGhldGlj" not in (Path(plain.path) / "manifest.json").read_text()
    new_home(settings, tmp_path)
    settings.LITOPYS_VAULT_KEY_FILE = tmp_path / "restored" / "vault.key"
    with pytest.raises(BackupError, match="needs its vault key"):
        restore(tmp_path / "plain")
    settings.LITOPYS_VAULT_KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
    settings.LITOPYS_VAULT_KEY_FILE.write_text("c29tZWJvZHktZWxzZXMta2V5LW5vdC10aGUtYmFja3Vw\n")
    with pytest.raises(BackupError, match="holds another vault key"):
        restore(tmp_path / "with-keys")
    settings.LITOPYS_VAULT_KEY_FILE.unlink()
    restore(tmp_path / "with-keys")
    assert settings.LITOPYS_VAULT_KEY_FILE.read_text().strip() == "c3ludGhldGljLXZhdWx0LWtleS1mb3ItYS10ZXN0LTAx"
    assert verify().intact


def test_an_item_missing_from_the_vault_is_said_and_the_vault_copied_as_it_stands(held, vault, tmp_path):
    gone = Item.objects.filter(derived_from=None).first().sha256
    vault.path(gone).unlink()
    made = make_backup(tmp_path / "backup")
    assert made.absent == 1 and made.items == Item.objects.count() - 1
