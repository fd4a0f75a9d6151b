import os

import pytest

from litopys.evidence import custody
from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.integrity import verify
from litopys.evidence.models import CustodyEvent, Item, Source

pytestmark = pytest.mark.django_db

STATEMENT = "Synthetic test statement: investigators counted 12 graves near a synthetic village.\n"


def ingest(*paths, recursive=False, **facts):
    return list(ingest_paths([str(p) for p in paths], SourceFacts(collected_by="tester", **facts), recursive))


def test_round_trip_is_intact(vault, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text(STATEMENT, encoding="utf-8")
    [result] = ingest(path, title="A synthetic statement")
    assert result.status == "new" and result.ok, result
    item = Item.objects.get(sha256=result.digest)
    assert item.size == len(STATEMENT.encode()) and item.media_type.startswith("text/plain")
    assert item.original_name == "statement.txt"
    assert Source.objects.get(pk=result.source_id).title == "A synthetic statement"
    custody.checkpoint()
    report = verify()
    assert report.intact, report.problems
    assert report.items_checked >= 1 and report.entries_checked >= 1 and report.checkpoints_checked == 1


def test_same_bytes_are_stored_once_but_collected_twice(vault, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(STATEMENT)
    second.write_text(STATEMENT)
    results = ingest(first, second)
    assert [r.status for r in results] == ["new", "held"]
    originals = Item.objects.filter(derived_from=None)
    assert originals.count() == 1
    assert Source.objects.filter(item=originals.get()).count() == 2
    assert CustodyEvent.objects.filter(action="ingested", item_hash=results[0].digest).count() == 2
    assert len(list(vault.digests())) == Item.objects.count()


def test_flipped_byte_is_named_by_verify(vault, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text(STATEMENT)
    [result] = ingest(path)
    custody.checkpoint()
    stored = vault.path(result.digest)
    os.chmod(stored, 0o644)
    data = bytearray(stored.read_bytes())
    data[10] ^= 0x01
    stored.write_bytes(bytes(data))
    report = verify()
    assert not report.intact
    assert [p.kind for p in report.problems] == ["altered_item"]
    assert result.digest in report.problems[0].message


def test_missing_item_is_reported(vault, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text(STATEMENT)
    [result] = ingest(path)
    custody.checkpoint()
    vault.path(result.digest).unlink()
    problems = verify().problems
    assert [(p.kind, p.subject) for p in problems] == [("missing_item", result.digest)]


def test_bad_inputs_fail_one_by_one_and_the_batch_goes_on(vault, tmp_path, settings):
    good = tmp_path / "good.txt"
    good.write_text(STATEMENT)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    big = tmp_path / "big.bin"
    big.write_bytes(b"\x00" * 2048)
    settings.LITOPYS_MAX_ITEM_BYTES = 1024
    results = {os.path.basename(r.path): r for r in ingest(empty, loop, fifo, folder, tmp_path / "absent", big, good)}
    assert results["good.txt"].status == "new"
    assert "empty" in results["empty.txt"].message
    assert "symbolic link loop" in results["loop"].message
    assert "not a regular file" in results["pipe"].message
    assert "--recursive" in results["folder"].message
    assert "No such file" in results["absent"].message
    assert "LITOPYS_MAX_ITEM_BYTES" in results["big.bin"].message
    assert Item.objects.filter(derived_from=None).count() == 1
    assert vault.partials() == []


def test_recursive_ingest_walks_folders(vault, tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "one.txt").write_text("first synthetic note\n")
    (tmp_path / "in" / "sub" / "two.txt").write_text("second synthetic note\n")
    results = ingest(tmp_path / "in", recursive=True)
    assert sorted(os.path.basename(r.path) for r in results) == ["one.txt", "two.txt"]
    assert all(r.status == "new" for r in results)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder, so a permission failure cannot be staged")
def test_unreadable_folder_is_reported(vault, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("x")
    os.chmod(locked, 0)
    try:
        results = ingest(tmp_path, recursive=True)
    finally:
        os.chmod(locked, 0o755)
    assert any("permissions" in r.message for r in results)
