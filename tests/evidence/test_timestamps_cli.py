"""The command line end to end with a time-stamping authority: `litopys ingest` stamps its checkpoint through
the test TSA, `litopys verify` checks the token, and fails once a byte of the token is changed."""

import base64
import json
import sqlite3
from pathlib import Path

import pytest

from tests.evidence.test_cli import run
from tests.evidence.tsa import pem


@pytest.fixture
def home(tmp_path, tsa):
    import os

    (tmp_path / "tsa-ca.pem").write_bytes(pem(tsa.ca))
    env = {**os.environ, "LITOPYS_HOME": str(tmp_path / "home"), "LITOPYS_CLI_LANGUAGE": "en",
           "LITOPYS_TSA_URL": tsa.url, "LITOPYS_TSA_CA_FILE": str(tmp_path / "tsa-ca.pem")}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    run(env, "migrate", "--verbosity", "0")
    return env


def test_ingest_stamps_verify_checks_and_a_changed_token_fails(home, tmp_path, tsa):
    notes = tmp_path / "notes.txt"
    notes.write_text("Synthetic field notes: nothing counted here.\n")
    run(home, "ingest", str(notes), "--collected-by", "tester")
    assert len(tsa.requests) == 1
    result = run(home, "verify", "--format", "json")
    report = json.loads(result.stdout)
    assert report["intact"] and report["timestamps_checked"] == 1
    [stamp] = report["timestamps"]
    assert stamp["tsa"] == "CN=Synthetic Test TSA,O=Synthetic Test Trust" and stamp["tsa_url"] == tsa.url

    database = sqlite3.connect(Path(home["LITOPYS_HOME"]) / "litopys.sqlite3")
    [(pk, proofs)] = database.execute("SELECT id, timestamp_proofs FROM evidence_checkpoint").fetchall()
    proofs = json.loads(proofs)
    der = bytearray(base64.b64decode(proofs[0]["token"]))
    der[-1] ^= 0x01
    proofs[0]["token"] = base64.b64encode(bytes(der)).decode()
    with database:
        database.execute("UPDATE evidence_checkpoint SET timestamp_proofs = ? WHERE id = ?", [json.dumps(proofs), pk])
    database.close()

    result = run(home, "verify", check=False)
    assert result.returncode == 1
    assert ("PROBLEM bad_timestamp: checkpoint at 1 entries: its RFC 3161 token from "
            f"{tsa.url} does not prove it: the TSA's signature or certificate does not verify") in result.stdout
