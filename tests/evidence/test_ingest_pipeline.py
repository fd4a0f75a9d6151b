"""The overlapped ingest: results in input order, failures that stay local, interruptions that leave no trace."""

import errno

import pytest

from litopys.evidence import vault as vault_module
from litopys.evidence.ingest import PIPELINE_DEPTH, SourceFacts, ingest_paths
from litopys.evidence.integrity import verify
from litopys.evidence.models import Item, Source
from litopys.evidence.vault import LocalVault, VaultError

pytestmark = pytest.mark.django_db


def synthetic_files(folder, count):
    """Write `count` distinct synthetic files of different sizes and return their paths."""
    paths = []
    for n in range(count):
        path = folder / f"synthetic-{n:02d}.bin"
        path.write_bytes(bytes([n]) * (1000 + 4099 * n))
        paths.append(path)
    return paths


def test_results_keep_the_order_of_the_inputs(vault, tmp_path):
    good = synthetic_files(tmp_path, PIPELINE_DEPTH + 4)
    empty = tmp_path / "empty.bin"
    empty.write_bytes(b"")
    inputs = [good[0], empty, *good[1:3], tmp_path / "missing.bin", *good[3:]]
    results = list(ingest_paths([str(p) for p in inputs], SourceFacts(collected_by="tester")))
    assert [r.path for r in results] == [str(p) for p in inputs]
    assert [r.status for r in results] == ["new", "failed", "new", "new", "failed"] + ["new"] * (len(good) - 3)
    assert "empty" in results[1].message and "cannot be read" in results[4].message
    for path, result in zip(inputs, results, strict=True):
        if result.status == "new":
            item = Item.objects.get(sha256=result.digest)
            assert item.size == path.stat().st_size and item.original_name == path.name
            assert Source.objects.get(pk=result.source_id).item == item
    assert signed_and_intact()


def test_a_failed_write_is_reported_and_the_batch_goes_on(vault, tmp_path, monkeypatch):
    paths = synthetic_files(tmp_path, 5)
    real_fsync = vault_module.os.fsync
    calls = {"n": 0}

    def fsync_that_fails_once(fd):
        calls["n"] += 1
        if calls["n"] == 3:  # the second file's data (each file: data, then its folder)
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(vault_module.os, "fsync", fsync_that_fails_once)
    results = list(ingest_paths([str(p) for p in paths], SourceFacts(collected_by="tester")))
    statuses = [r.status for r in results]
    assert statuses.count("failed") == 1 and statuses.count("new") == 4
    failed = next(r for r in results if r.status == "failed")
    assert failed.path in failed.message and "No space left on device" in failed.message
    assert not vault.partials()
    assert Item.objects.count() == 4
    assert signed_and_intact()


def test_interrupting_a_batch_leaves_no_partial_file_and_loses_nothing(vault, tmp_path):
    paths = synthetic_files(tmp_path, PIPELINE_DEPTH + 5)
    batch = ingest_paths([str(p) for p in paths], SourceFacts(collected_by="tester"))
    first = next(batch)
    batch.close()  # as when the collector presses Ctrl-C
    assert first.status == "new"
    assert not vault.partials()
    for digest in vault.digests():  # whatever reached a final name is whole
        assert vault_module.PREFIX + vault.path(digest).name == digest
    assert Source.objects.count() == 1 and signed_and_intact()
    again = list(ingest_paths([str(p) for p in paths], SourceFacts(collected_by="tester")))
    assert [r.status for r in again] == ["held"] + ["new"] * (len(paths) - 1)
    assert Item.objects.count() == len(paths) and signed_and_intact()


def test_store_waits_until_the_bytes_sit_under_their_final_name(tmp_path):
    local = LocalVault(str(tmp_path / "vault"))
    source = tmp_path / "synthetic.bin"
    source.write_bytes(b"synthetic bytes " * 1000)
    with open(source, "rb") as handle:
        pending = local.begin(handle, 1 << 20)
    stored = pending.finish()
    assert stored.created and local.path(stored.digest).read_bytes() == source.read_bytes()
    with open(source, "rb") as handle:
        assert local.store(handle, 1 << 20).created is False
    with open(source, "rb") as handle, pytest.raises(VaultError, match="LITOPYS_MAX_ITEM_BYTES"):
        local.begin(handle, 100, label=str(source))
    assert not local.partials()


def test_a_file_being_read_when_the_batch_stops_leaves_nothing_behind(vault, tmp_path):
    import threading

    from litopys.evidence.ingest import Interrupted, begin_file

    [path] = synthetic_files(tmp_path, 1)
    stop = threading.Event()
    stop.set()
    with pytest.raises(Interrupted):
        begin_file(str(path), stop)
    assert not vault.partials() and not list(vault.digests())
    assert begin_file(str(path), threading.Event()).finish().created


def signed_and_intact() -> bool:
    """Sign a checkpoint, as `litopys ingest` does after every batch, and tell whether verify finds nothing."""
    from litopys.evidence.custody import checkpoint

    checkpoint()
    report = verify()
    assert report.intact, report.problems
    return True
