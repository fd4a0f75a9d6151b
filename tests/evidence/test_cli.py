"""The command line end to end, in subprocesses with their own LITOPYS_HOME (embedded SQLite)."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from litopys.evidence.hashing import digest_file

LITOPYS = [sys.executable, "-m", "litopys"]


@pytest.fixture
def home(tmp_path):
    env = {**os.environ, "LITOPYS_HOME": str(tmp_path / "home"), "LITOPYS_CLI_LANGUAGE": "en"}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    run(env, "migrate", "--verbosity", "0")
    return env


def run(env, *args, check=True):
    result = subprocess.run([*LITOPYS, *args], env=env, capture_output=True, text=True, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"litopys {' '.join(args)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result


def vault_path(env, digest: str) -> Path:
    hexdigest = digest.split(":")[1]
    return Path(env["LITOPYS_HOME"]) / "vault" / "sha256" / hexdigest[:2] / hexdigest[2:4] / hexdigest


def test_ingest_the_seed_then_verify_then_flip_a_byte(home, samples):
    seed = samples / "seed-article.txt"
    ingested = run(home, "ingest", str(seed), "--publisher", "chronicle", "--published", "2022-09-23")
    digest = digest_file(seed)
    assert f"{digest}  new  {seed}" in ingested.stdout
    assert run(home, "verify").returncode == 0
    again = run(home, "ingest", str(seed))
    assert "already held" in again.stdout
    custody = json.loads(run(home, "custody", digest, "--format", "json").stdout)
    assert [e["action"] for e in custody["events"] if e["item_hash"] == digest] == ["ingested", "ingested"]
    stored = vault_path(home, digest)
    os.chmod(stored, 0o644)
    data = bytearray(stored.read_bytes())
    data[100] ^= 0x20
    stored.write_bytes(bytes(data))
    broken = run(home, "verify", check=False)
    assert broken.returncode == 1
    assert digest in broken.stdout and "altered" in broken.stdout


def test_bad_batch_exits_1_and_keeps_the_good_files(home, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A synthetic note written for this test: two graves were counted.\n")
    empty = tmp_path / "empty.txt"
    empty.touch()
    result = run(home, "ingest", str(empty), str(tmp_path / "missing.txt"), str(good), "--format", "json",
                 check=False)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [r["status"] for r in report["results"]] == ["failed", "failed", "new"]
    assert run(home, "verify").returncode == 0


def test_misconfiguration_stops_with_the_fix(home):
    env = {**home, "LITOPYS_MAX_ITEM_BYTES": "lots"}
    result = run(env, "verify", check=False)
    assert result.returncode == 2
    assert "LITOPYS_MAX_ITEM_BYTES='lots' is not a whole number" in result.stderr
    assert "Traceback" not in result.stderr


def test_sigkill_midway_leaves_no_partial_file_under_a_final_name(home, tmp_path):
    big = tmp_path / "big.bin"
    with open(big, "wb") as handle:
        for _ in range(384):
            handle.write(os.urandom(1024 * 1024))
    tmp_dir = Path(home["LITOPYS_HOME"]) / "vault" / "tmp"
    process = subprocess.Popen([*LITOPYS, "ingest", str(big)], env=home,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    killed_midway = False
    while time.monotonic() < deadline and process.poll() is None:
        partials = list(tmp_dir.glob(".partial-*")) if tmp_dir.is_dir() else []
        if partials and partials[0].stat().st_size > 0:
            process.send_signal(signal.SIGKILL)
            killed_midway = True
            break
        time.sleep(0.002)
    process.wait()
    assert killed_midway, "the ingest finished before it could be killed; use a bigger file"
    finals = list((Path(home["LITOPYS_HOME"]) / "vault" / "sha256").glob("*/*/*"))
    for path in finals:
        assert digest_file(path).endswith(path.name), f"{path} holds bytes that do not match its name"
    assert digest_file(big).split(":")[1] not in {p.name for p in finals}
    result = run(home, "verify")
    assert result.returncode == 0
    assert "partial file" in result.stdout
    assert "new" in run(home, "ingest", str(big)).stdout


def test_a_new_home_is_set_up_on_first_use(tmp_path):
    env = {**os.environ, "LITOPYS_HOME": str(tmp_path / "new-home"), "LITOPYS_CLI_LANGUAGE": "en"}
    env.pop("DATABASE_URL", None)
    statement = tmp_path / "synthetic.txt"
    statement.write_text("Synthetic statement: 3 graves were counted.\n")
    first = run(env, "ingest", str(statement))
    assert "setting up a new database" in first.stderr and " new " in first.stdout
    again = run(env, "verify")
    assert "setting up" not in again.stderr and "intact" in again.stdout


def test_a_database_that_needs_migrating_is_refused_in_one_line(tmp_path):
    env = {**os.environ, "LITOPYS_HOME": str(tmp_path / "old-home"), "LITOPYS_CLI_LANGUAGE": "en"}
    env.pop("DATABASE_URL", None)
    run(env, "migrate", "incidents", "0002", "--verbosity", "0")
    refused = run(env, "figures", check=False)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "run `litopys migrate`" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_ctrl_c_midway_stops_at_once_and_says_what_was_recorded(home, tmp_path, samples):
    big = tmp_path / "big.bin"
    with open(big, "wb") as handle:
        for _ in range(384):
            handle.write(os.urandom(1024 * 1024))
    seed = samples / "seed-article.txt"
    tmp_dir = Path(home["LITOPYS_HOME"]) / "vault" / "tmp"
    # Python ignores SIGINT when it starts with SIGINT ignored (a background job): restore Ctrl-C first.
    code = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "from litopys.core.cli import main; main(sys.argv)")
    process = subprocess.Popen([sys.executable, "-c", code, "ingest", str(seed), str(big)], env=home,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    interrupted = False
    while time.monotonic() < deadline and process.poll() is None:
        partials = list(tmp_dir.glob(".partial-*")) if tmp_dir.is_dir() else []
        if partials and partials[0].stat().st_size > 1024 * 1024:  # the big file is being read
            process.send_signal(signal.SIGINT)
            interrupted = True
            break
        time.sleep(0.002)
    out, err = process.communicate(timeout=60)
    assert interrupted, "the ingest finished before it could be interrupted; use a bigger file"
    assert process.returncode == 130, (out, err)
    assert "interrupted:" in err and "Traceback" not in err
    recorded = [line for line in out.splitlines() if " new " in line]
    assert len(recorded) <= 1 and all("seed-article.txt" in line for line in recorded)
    assert not list(tmp_dir.glob(".partial-*")), "the file being read is dropped, not left half-written"
    assert run(home, "verify").returncode == 0
    again = run(home, "ingest", str(seed), str(big)).stdout
    assert "big.bin" in again and "failed" not in again
