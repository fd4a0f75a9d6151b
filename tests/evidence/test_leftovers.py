"""What a batch cannot use is said, names cannot forge result lines, interrupted work is cleaned or reported."""

import fcntl
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from litopys.evidence import leftovers
from litopys.evidence.files import printable, walk
from litopys.evidence.integrity import verify
from litopys.evidence.models import Item

LITOPYS = [sys.executable, "-m", "litopys"]


def nest_too_deep(parent: Path) -> Path:
    """Make parent/zz/<250 x's>/… until the path is longer than PATH_MAX; return the first folder."""
    top = parent / "zz"
    top.mkdir()
    fd = os.open(top, os.O_RDONLY)
    name = "x" * 250
    try:
        for _ in range(20):  # 20 x 251 characters: past Linux's 4,096
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
    finally:
        os.close(fd)
    return top


def test_a_folder_that_cannot_be_listed_is_reported_when_it_is_the_last_one(tmp_path):
    (tmp_path / "a.txt").write_text("synthetic\n")
    nest_too_deep(tmp_path)
    found = list(walk([str(tmp_path)], recursive=True))
    assert found[0] == (str(tmp_path / "a.txt"), None)
    folder, error = found[-1]
    assert len(folder) > 4096 and folder.startswith(str(tmp_path / "zz"))
    assert error == ("folder cannot be read (File name too long); its path is too long; move or rename the folders "
                     "above it")


#: Root reads any folder: as root, the command runs without the capabilities that let it (when setpriv is there).
AS_A_USER = (["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
             if os.geteuid() == 0 and shutil.which("setpriv") else [])


@pytest.mark.skipif(os.geteuid() == 0 and not AS_A_USER, reason="root without setpriv reads every folder")
@pytest.mark.slow  # about 20 s: a new database, then the batch
def test_ingest_exits_1_naming_an_unreadable_last_folder(tmp_path):
    home, batch = tmp_path / "home", tmp_path / "batch"
    home.mkdir()
    (batch / "aa").mkdir(parents=True)
    (batch / "aa" / "note.txt").write_text("Synthetic note: a shelter was hit.\n")
    (batch / "zz").mkdir()
    (batch / "zz" / "hidden.txt").write_text("never read\n")
    os.chmod(batch / "zz", 0)
    env = {**os.environ, "LITOPYS_HOME": str(home), "LITOPYS_CLI_LANGUAGE": "en"}
    env.pop("DATABASE_URL", None)
    try:
        result = subprocess.run([*AS_A_USER, *LITOPYS, "ingest", "--recursive", str(batch)], env=env,
                                capture_output=True, text=True, timeout=300)
    finally:
        os.chmod(batch / "zz", 0o755)
    assert result.returncode == 1, result
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[0].endswith(f"  new  {batch}/aa/note.txt"), lines
    assert lines[1] == (f"{'-' * 71}  failed  {batch}/zz: folder cannot be read (Permission denied); "
                        "check its permissions")
    assert "1 new, 0 already held, 1 failed" in result.stderr


def test_printable_escapes_what_could_forge_a_line_or_the_screen():
    assert printable("plain назва.txt") == "plain назва.txt"
    assert printable("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert printable("\x1b[2Kred\x7f\x9b") == "\\x1b[2Kred\\x7f\\x9b"
    assert printable("abc\u202etxt.exe\u2028") == "abc\\u202etxt.exe\\u2028"
    assert printable(os.fsdecode(b"bad-\xff.txt")) == "bad-\\xff.txt"


@pytest.mark.django_db
def test_a_file_name_with_a_newline_cannot_forge_a_result_line(vault, tmp_path):
    forged = "x\nsha256:" + "0" * 64 + "  new  passwd.txt"
    path = tmp_path / forged
    path.write_text("Synthetic statement: two houses were damaged.\n")
    (tmp_path / "\x1b[2Kok.txt").write_text("Synthetic statement: a bridge was hit.\n")
    out = io.StringIO()
    call_command("ingest", str(path), str(tmp_path / "\x1b[2Kok.txt"), stdout=out, stderr=io.StringIO())
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("  new  " + str(tmp_path) + "/x\\nsha256:" + "0" * 64 + "  new  passwd.txt")
    assert lines[1].endswith("/\\x1b[2Kok.txt") and "\x1b" not in out.getvalue()


def _partial(vault, name: str, age: float) -> Path:
    vault.tmp.mkdir(parents=True, exist_ok=True)
    path = vault.tmp / f".partial-{name}"
    path.write_bytes(b"half a file")
    os.utime(path, (time.time() - age, time.time() - age))
    return path


@pytest.mark.django_db
def test_partial_files_of_a_dead_writer_are_removed_by_the_next_run(vault):
    dead = _partial(vault, "dead", age=60)
    fresh = _partial(vault, "fresh", age=0)  # its writer may not have locked it yet
    held = _partial(vault, "held", age=60)
    holder = os.open(held, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # a write in progress elsewhere
    try:
        with leftovers.ingest_run(vault) as run:
            assert run.leftovers.removed == [str(dead)]
            assert sorted(run.leftovers.busy) == sorted([str(fresh), str(held)])
    finally:
        os.close(holder)
    assert not dead.exists() and fresh.exists() and held.exists()


@pytest.mark.django_db
def test_a_real_write_holds_its_partial_file_until_it_has_its_final_name(vault):
    class Slow(io.RawIOBase):
        def __init__(self):
            self.sent = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            if self.sent >= 3:
                return 0
            self.sent += 1
            if self.sent == 2:  # the write is under way: another run sweeps now
                for partial in vault.partials():
                    os.utime(partial, (time.time() - 60, time.time() - 60))
                assert leftovers.sweep_partials(vault) == ([], vault.partials())
            buffer[:4] = b"data"
            return 4

    stored = vault.store(Slow(), 1000)
    assert vault.exists(stored.digest) and not vault.partials()


@pytest.mark.django_db
def test_orphans_are_reported_after_an_interrupted_run_and_by_verify(vault, tmp_path):
    with leftovers.ingest_run(vault) as run:
        orphan = vault.store(io.BytesIO(b"synthetic bytes stored, never recorded"), 1000).digest
        run.interrupted = True  # Ctrl-C: the mark stays for the next run
    with leftovers.ingest_run(vault) as run:
        assert run.leftovers.orphans == [orphan]
    with leftovers.ingest_run(vault) as run:
        assert run.leftovers.orphans == []  # the last run ended well: no walk through the vault
    report = verify()
    assert report.orphans == [orphan] and not Item.objects.filter(sha256=orphan).exists()
    assert any("1 stored file(s) have no item record" in note and orphan in note for note in report.notes)


@pytest.mark.django_db
def test_the_ingest_command_says_what_a_dead_run_left(vault, tmp_path):
    orphan = vault.store(io.BytesIO(b"synthetic bytes of a killed run"), 1000).digest
    (vault.tmp / f"{leftovers.RUN_MARK}1-dead").touch()  # a run killed with -9 never removed its mark
    dead = _partial(vault, "dead", age=60)
    note = tmp_path / "note.txt"
    note.write_text("Synthetic note: a shelter was hit.\n")
    err = io.StringIO()
    call_command("ingest", str(note), stdout=io.StringIO(), stderr=err)
    assert "removed 1 temporary file left in the vault by an interrupted ingest" in err.getvalue()
    assert "1 stored file has no record" in err.getvalue()
    assert not dead.exists() and orphan in verify().orphans
