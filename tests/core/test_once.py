"""A file created once, whole, when processes start together: the custody signing key and the secret key.

A fresh-clone run found the race: two workers starting at once both found no signing key, one created it, and the
other's exclusive create failed with FileExistsError (tests/jobs/test_workers.py). These tests race real processes.
"""

import multiprocessing
import stat

from litopys.core.once import create_once
from litopys.evidence.signing import load_or_create_key, public_key_text


def _key_of(path, queue):
    queue.put(public_key_text(load_or_create_key(path)))


def test_processes_racing_for_the_signing_key_all_read_one_whole_key(tmp_path):
    for attempt in range(5):
        path = tmp_path / f"run-{attempt}" / "custody-ed25519.pem"
        context = multiprocessing.get_context("fork")
        queue = context.Queue()
        workers = [context.Process(target=_key_of, args=(path, queue)) for _ in range(6)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
        assert [worker.exitcode for worker in workers] == [0] * 6
        keys = {queue.get(timeout=10) for _ in workers}
        assert len(keys) == 1, "every process reads the one key that was created"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert not [p for p in path.parent.iterdir() if p.name.endswith(".partial")], "no temporary file is left"


def test_create_once_writes_whole_and_never_overwrites(tmp_path):
    path = tmp_path / "secret_key"
    assert create_once(path, b"first") is True
    assert create_once(path, b"second") is False
    assert path.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret_key"]


def test_replace_whole_replaces_in_one_step_and_leaves_no_temporary_file(tmp_path):
    from litopys.core.once import replace_whole

    path = tmp_path / "litopys-csv.zip"
    replace_whole(path, b"old")
    replace_whole(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["litopys-csv.zip"]
