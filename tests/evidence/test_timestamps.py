"""RFC 3161 timestamps on checkpoints, against a TSA the test runs on 127.0.0.1 (tests/evidence/tsa.py):
stamped checkpoints verify; a changed token, a token for another digest or nonce, or one from a TSA the
trusted CA does not vouch for fails; a TSA that is down costs no checkpoint, which is stamped later."""

import base64
import hashlib
import io
import json
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from litopys.evidence import checkpoint_log as log
from litopys.evidence import custody, merkle, signing, stamping
from litopys.evidence.integrity import verify
from litopys.evidence.ledger import canonical_time
from litopys.evidence.models import Checkpoint
from tests.evidence.tsa import TestTSA, pem

pytestmark = pytest.mark.django_db


@pytest.fixture
def stamped(settings, vault, tsa, tmp_path):
    """The test TSA configured, its CA trusted."""
    settings.LITOPYS_TSA_URL = [tsa.url]
    settings.LITOPYS_TSA_CA_FILE = tmp_path / "tsa-ca.pem"
    settings.LITOPYS_TSA_CA_FILE.write_bytes(pem(tsa.ca))
    settings.LITOPYS_TSA_TIMEOUT = 5
    return tsa


def record(note: str = "synthetic event") -> None:
    custody.record("collected", "tester", "", note=note)


def signed(note: str = "synthetic event") -> Checkpoint:
    record(note)
    point = custody.checkpoint()
    assert point is not None
    return point


def kinds(report) -> set[str]:
    return {problem.kind for problem in report.problems}


def messages(report) -> str:
    return "\n".join(problem.message for problem in report.problems)


def set_proofs(point: Checkpoint, proofs: list[dict]) -> None:
    """Change what the database keeps, as someone with write access to it could."""
    Checkpoint.objects.filter(pk=point.pk).update(timestamp_proofs=proofs)


def changed_token(proof: dict, change) -> dict:
    der = bytearray(base64.b64decode(proof["token"]))
    change(der)
    return {**proof, "token": base64.b64encode(bytes(der)).decode()}


def run_verify() -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("verify", stdout=out)
    except SystemExit as exc:
        return exc.code, out.getvalue()
    return 0, out.getvalue()


def test_a_checkpoint_stamped_by_the_test_tsa_verifies(stamped, checkpoint_log):
    point = signed()
    asked = stamped.requests[-1]
    # What was sent: the statement's SHA-256 as the message imprint, a nonce, and a request for the certificate.
    assert asked["message_imprint"]["hash_algorithm"]["algorithm"].native == "sha256"
    assert asked["message_imprint"]["hashed_message"].native == hashlib.sha256(point.statement.encode()).digest()
    assert "sha256:" + asked["message_imprint"]["hashed_message"].native.hex() == point.statement_digest
    assert asked["nonce"].native and asked["cert_req"].native is True
    [proof] = Checkpoint.objects.get(pk=point.pk).timestamp_proofs
    assert proof["kind"] == "rfc3161" and proof["tsa_url"] == stamped.url
    assert proof["nonce"] == str(asked["nonce"].native)
    assert proof["tsa"] == "CN=Synthetic Test TSA,O=Synthetic Test Trust"
    assert not Checkpoint.objects.get(pk=point.pk).stamp_pending
    # The token is in the log outside the database too.
    lines = [json.loads(line) for line in checkpoint_log.read_text().splitlines()]
    assert [line.get("kind") for line in lines] == [None, "rfc3161"]
    assert lines[1]["token"] == proof["token"] and lines[1]["tree_size"] == point.tree_size
    report = verify()
    assert report.intact, report.problems
    assert report.timestamps_checked == 1
    assert report.timestamps == [{"tree_size": point.tree_size, "signed_at": canonical_time(point.signed_at),
                                  "tsa_url": stamped.url, "tsa": "CN=Synthetic Test TSA,O=Synthetic Test Trust",
                                  "tsa_time": proof["tsa_time"]}]
    assert not any("carry no timestamp" in note or "hour after" in note for note in report.notes)
    code, text = run_verify()
    assert code == 0
    assert f"stamped by CN=Synthetic Test TSA,O=Synthetic Test Trust at {proof['tsa_time']}" in text


def test_the_token_is_one_openssl_accepts_without_litopys(stamped, tmp_path):
    """What docs/evidence.md tells a court's expert to run: OpenSSL's own RFC 3161 check, statement and token
    taken from the checkpoint log."""
    point = signed()
    (tmp_path / "statement.txt").write_text(point.statement, encoding="utf-8")
    (tmp_path / "checkpoint.tsr").write_bytes(base64.b64decode(point.timestamp_proofs[0]["token"]))
    (tmp_path / "ca.pem").write_bytes(pem(stamped.ca))
    checked = subprocess.run(["openssl", "ts", "-verify", "-data", str(tmp_path / "statement.txt"), "-in",
                              str(tmp_path / "checkpoint.tsr"), "-CAfile", str(tmp_path / "ca.pem")],
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0 and "Verification: OK" in checked.stdout, checked.stderr
    (tmp_path / "statement.txt").write_text(point.statement.replace("tree_size 1", "tree_size 2"), encoding="utf-8")
    checked = subprocess.run(["openssl", "ts", "-verify", "-data", str(tmp_path / "statement.txt"), "-in",
                              str(tmp_path / "checkpoint.tsr"), "-CAfile", str(tmp_path / "ca.pem")],
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode != 0


def _flip_last_byte(der: bytearray) -> None:
    der[-1] ^= 0x01  # the last byte of the TSA's RSA signature


def _change_the_time(der: bytearray) -> None:
    at = der.index(b"\x18\x0f") + 2 + 13  # GeneralizedTime YYYYMMDDHHMMSSZ: the last digit of the seconds
    der[at] = ord("0") + (der[at] - ord("0") + 1) % 10


def _change_the_certificate(der: bytearray) -> None:
    # "Synthetic Test TSA" stands, in order, in the TSTInfo's TSA name, the certificate's issuer ("… Root CA"),
    # the certificate's subject and the signer's issuer ("… Root CA"): change the certificate's subject.
    plain = [at for at in range(len(der)) if der.startswith(b"Synthetic Test TSA", at)
             and not der.startswith(b"Synthetic Test TSA Root CA", at)]
    der[plain[1]] = ord("s")


@pytest.mark.parametrize("change", [_flip_last_byte, _change_the_time, _change_the_certificate],
                         ids=["signature", "tsa-time", "certificate"])
def test_a_changed_byte_in_the_token_fails_verify(stamped, change):
    point = signed()
    [proof] = point.timestamp_proofs
    set_proofs(point, [changed_token(proof, change)])
    report = verify()
    assert "bad_timestamp" in kinds(report)
    assert (f"checkpoint at {point.tree_size} entries: its RFC 3161 token from {stamped.url} does not prove it: "
            in messages(report))
    # The log outside the database still keeps the token as it was, and says the database's differs.
    assert f"the RFC 3161 token of the checkpoint at {point.tree_size} entries from {stamped.url} is not the one " \
           "the log keeps: it was replaced" in messages(report)
    assert kinds(report) == {"bad_timestamp"}
    code, text = run_verify()
    assert code == 1 and "PROBLEM bad_timestamp" in text


def test_a_changed_signature_is_named(stamped):
    point = signed()
    set_proofs(point, [changed_token(point.timestamp_proofs[0], _flip_last_byte)])
    assert "the TSA's signature or certificate does not verify (signature failure)" in messages(verify())


def test_a_token_for_another_digest_fails(stamped):
    first, second = signed("first"), signed("second")
    # The first checkpoint's genuine token, put on the second: it stamps the first's statement.
    set_proofs(second, [*first.timestamp_proofs])
    problems = messages(verify())
    assert (f"checkpoint at {second.tree_size} entries: its RFC 3161 token from {stamped.url} does not prove it: "
            f"the token stamps another digest ({first.statement_digest[7:]}) than the statement's "
            f"({second.statement_digest[7:]})") in problems


def test_a_tsa_answering_for_another_digest_or_nonce_is_not_kept(stamped):
    stamped.mode = "other-digest"
    point = signed("first")
    assert point.timestamp_proofs == [] and point.stamp_pending
    assert "answered with a token that does not check out: the token stamps another digest" in point.stamp_error
    stamped.mode = "other-nonce"
    point = signed("second")
    assert point.timestamp_proofs == [] and "the token's nonce" in point.stamp_error


def test_an_edited_nonce_or_time_fails(stamped):
    point = signed()
    [proof] = point.timestamp_proofs
    set_proofs(point, [{**proof, "nonce": str(int(proof["nonce"]) + 1)}])
    assert "is not the one sent with the request" in messages(verify())
    set_proofs(point, [{**proof, "tsa_time": "2022-02-24T04:00:00Z"}])
    assert "the TSA time kept beside its token (2022-02-24T04:00:00Z)" in messages(verify())


def test_a_token_from_a_tsa_the_ca_does_not_vouch_for(stamped, settings, tmp_path):
    rogue = TestTSA("Synthetic Rogue TSA")
    try:
        settings.LITOPYS_TSA_URL = [rogue.url]
        point = signed("first")
        assert point.stamp_pending and "unable to get local issuer certificate" in point.stamp_error
        # A rogue token kept anyway (written into the database) does not verify either.
        settings.LITOPYS_TSA_CA_FILE.write_bytes(pem(rogue.ca))
        point = signed("second")
        assert point.timestamp_proofs and not point.stamp_pending
        settings.LITOPYS_TSA_CA_FILE.write_bytes(pem(stamped.ca))
        assert "is not from a TSA the trusted CA certificates vouch for" in messages(verify())
    finally:
        rogue.close()


def test_a_tsa_certificate_without_a_critical_timestamping_usage_is_refused(settings, vault, tmp_path):
    loose = TestTSA("Synthetic Loose TSA", critical_eku=False)
    try:
        settings.LITOPYS_TSA_URL = [loose.url]
        settings.LITOPYS_TSA_CA_FILE = tmp_path / "ca.pem"
        settings.LITOPYS_TSA_CA_FILE.write_bytes(pem(loose.ca))
        point = signed()
        assert point.stamp_pending and "does not check out" in point.stamp_error
    finally:
        loose.close()


def test_tsa_down_keeps_the_checkpoint_unstamped_then_it_is_stamped(stamped, checkpoint_log):
    stamped.stop()
    point = signed("while the TSA is down")
    point.refresh_from_db()
    assert point.stamp_pending and point.timestamp_proofs == []
    assert f"{stamped.url} cannot be reached" in point.stamp_error
    report = verify()
    assert report.intact, report.problems  # a missing stamp is no tampering
    assert any("1 checkpoint(s) await a timestamp" in note for note in report.notes)
    assert len(checkpoint_log.read_text().splitlines()) == 1  # the checkpoint itself is logged
    stamped.start()
    out = io.StringIO()
    call_command("checkpoint", "--stamp-pending", stdout=out)
    point.refresh_from_db()
    assert not point.stamp_pending and point.stamp_error == "" and len(point.timestamp_proofs) == 1
    assert f"checkpoint at {point.tree_size} entries: timestamp " in out.getvalue()
    assert "1 checkpoint stamped, 0 still awaiting a timestamp." in out.getvalue()
    report = verify()
    assert report.intact and report.timestamps_checked == 1, report.problems


def test_the_next_checkpoint_that_reaches_the_tsa_stamps_the_pending_ones(stamped):
    stamped.stop()
    first = signed("first")
    stamped.start()
    second = signed("second")  # as the worker does after each job
    first.refresh_from_db()
    assert not first.stamp_pending and not second.stamp_pending
    assert verify().timestamps_checked == 2


def test_stamp_pending_exits_1_while_the_tsa_is_down(stamped):
    stamped.stop()
    signed()
    err = io.StringIO()
    with pytest.raises(SystemExit) as stop:
        call_command("checkpoint", "--stamp-pending", stdout=io.StringIO(), stderr=err)
    assert stop.value.code == 1
    assert "is kept without a timestamp" in err.getvalue() and "cannot be reached" in err.getvalue()


@pytest.mark.parametrize(("mode", "said"), [("rejection", "refused to stamp (synthetic: the TSA is in maintenance)"),
                                            ("garbage", "is not an RFC 3161 time-stamp response")])
def test_a_tsa_refusing_or_talking_nonsense(stamped, mode, said):
    stamped.mode = mode
    point = signed()
    assert point.stamp_pending and said in point.stamp_error


def test_two_tsas_each_stamp_and_one_down_is_asked_again(stamped, settings):
    second = TestTSA("Synthetic Second TSA")
    try:
        settings.LITOPYS_TSA_URL = [stamped.url, second.url]
        settings.LITOPYS_TSA_CA_FILE.write_bytes(pem(stamped.ca, second.ca))
        second.stop()
        point = signed()
        assert [p["tsa_url"] for p in point.timestamp_proofs] == [stamped.url] and point.stamp_pending
        second.start()
        stamping.stamp_pending()
        point.refresh_from_db()
        assert sorted(p["tsa_url"] for p in point.timestamp_proofs) == sorted([stamped.url, second.url])
        assert not point.stamp_pending
        report = verify()
        assert report.intact and report.timestamps_checked == 2, report.problems
    finally:
        second.close()


def test_a_stamp_removed_from_the_database_is_found_in_the_log(stamped):
    point = signed()
    set_proofs(point, [])
    report = verify()
    assert kinds(report) == {"bad_timestamp"}
    assert "that the database does not have: it was removed there" in messages(report)


def test_a_stamp_missing_from_the_log_is_written_by_checkpoint(stamped, checkpoint_log):
    point = signed()
    # As after a crash between the database and the log: the log lacks the token line.
    checkpoint_log.write_text(checkpoint_log.read_text().splitlines(keepends=True)[0])
    assert "checkpoint_log" in kinds(verify())
    out = io.StringIO()
    call_command("checkpoint", stdout=out)
    assert "1 timestamp the log was missing written to it." in out.getvalue()
    assert verify().intact and point.timestamp_proofs


def test_checkpoints_without_a_timestamp_are_noted(stamped, settings):
    settings.LITOPYS_TSA_URL = []
    signed("before a TSA was configured")
    settings.LITOPYS_TSA_URL = [stamped.url]
    signed("after")
    report = verify()
    assert report.intact and report.timestamps_checked == 1, report.problems
    assert any(note.startswith("1 checkpoint(s) carry no timestamp and await none") and "the latest at 1 entries"
               in note for note in report.notes)


def test_a_timestamp_made_long_after_its_checkpoint_is_noted(stamped, settings):
    """A checkpoint signed three hours ago (the TSA down since) and stamped now: verify says how long it waited."""
    from datetime import timedelta

    from django.utils import timezone

    record()
    key = signing.load_or_create_key(settings.LITOPYS_SIGNING_KEY)
    root = "sha256:" + merkle.root_from_leaf_hashes(custody.leaf_hashes()).hex()
    then = timezone.now() - timedelta(hours=3)
    text = signing.statement(1, root, then)
    point = Checkpoint.objects.create(tree_size=1, root_hash=root, signed_at=then, statement=text,
                                      statement_digest="sha256:" + hashlib.sha256(text.encode()).hexdigest(),
                                      public_key=signing.public_key_text(key), signature=signing.sign(key, text),
                                      stamp_pending=True)
    log.append([point])
    stamping.stamp_pending()
    report = verify()
    assert report.intact, report.problems
    assert any(note.startswith("1 timestamp(s) were made more than an hour after their checkpoint was signed")
               and "the longest wait, 3:00:" in note for note in report.notes), report.notes


def test_stamp_pending_needs_a_tsa(settings, vault):
    settings.LITOPYS_TSA_URL = []
    with pytest.raises(CommandError, match="--stamp-pending needs LITOPYS_TSA_URL"):
        call_command("checkpoint", "--stamp-pending")


def test_an_unreadable_ca_file_is_named(stamped, settings, tmp_path):
    settings.LITOPYS_TSA_CA_FILE = tmp_path / "nothing.pem"
    settings.LITOPYS_TSA_CA_FILE.write_text("not a certificate\n")
    point = signed()
    assert point.stamp_pending and f"{tmp_path / 'nothing.pem'} holds no readable certificate" in point.stamp_error


def test_the_tsa_settings_are_checked_at_start(monkeypatch, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    from litopys.core import conf

    monkeypatch.setenv("LITOPYS_TSA_URL", "https://tsa.example/one, http://127.0.0.1:9/two")
    assert conf.env_urls("LITOPYS_TSA_URL") == ["https://tsa.example/one", "http://127.0.0.1:9/two"]
    monkeypatch.setenv("LITOPYS_TSA_URL", "ftp://tsa.example/")
    with pytest.raises(ImproperlyConfigured, match="'ftp://tsa.example/' is not an http:// or https:// address"):
        conf.env_urls("LITOPYS_TSA_URL")
    monkeypatch.setenv("LITOPYS_TSA_CA_FILE", str(tmp_path / "absent.pem"))
    with pytest.raises(ImproperlyConfigured, match="absent.pem is not a file"):
        conf.env_file("LITOPYS_TSA_CA_FILE")
