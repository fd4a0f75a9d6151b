"""Encryption at rest: confidential items are sealed in the vault, verify checks them without the key, staff
with the right read them through the download, and without the key the download says what is missing.

Every text here is synthetic, written for these tests."""

import hashlib
import io
import os
import stat
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from litopys.evidence import custody, sealed, sealed_stream, sealing
from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.integrity import verify
from litopys.evidence.models import CustodyEvent, Item, Source
from litopys.evidence.sealed_stream import CHUNK, HEADER, TAG

MARK = "SYNTHETIC-WITNESS-MARK Olena Synthetic-Kovalenko"
TEXT = f"Synthetic testimony. {MARK} saw 4 bodies near the synthetic bridge.\n" * 40


# The format, without Django.

@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 5])
def test_sealed_bytes_open_to_the_same_plaintext_and_seek(size):
    key = sealing.VaultKey(os.urandom(32), "test")
    plain = os.urandom(size)
    digest = "sha256:" + hashlib.sha256(plain).hexdigest()
    hasher = hashlib.sha256()
    blob = b"".join(sealed_stream.seal_chunks(io.BytesIO(plain), key, digest, hasher))
    assert "sha256:" + hasher.hexdigest() == digest
    assert len(blob) == sealed_stream.sealed_size(size)
    reader = sealed_stream.SealedReader(io.BytesIO(blob), key, digest)
    assert reader.size == size and reader.read() == plain
    if size > 10:
        reader.seek(size - 7)
        assert reader.read(3) == plain[-7:-4]
        reader.seek(-2, io.SEEK_END)
        assert reader.read() == plain[-2:]


def test_altered_cut_or_misplaced_sealed_bytes_do_not_open():
    key = sealing.VaultKey(os.urandom(32), "test")
    plain = b"synthetic " * 300_000  # three chunks
    digest = "sha256:" + hashlib.sha256(plain).hexdigest()
    blob = b"".join(sealed_stream.seal_chunks(io.BytesIO(plain), key, digest))
    flipped = bytearray(blob)
    flipped[HEADER + 10] ^= 1
    cut = blob[: HEADER + CHUNK + TAG]  # the last chunks dropped at a chunk boundary
    for bad in (bytes(flipped), cut):
        with pytest.raises(sealing.Broken):
            sealed_stream.SealedReader(io.BytesIO(bad), key, digest).read()
    with pytest.raises(sealing.Broken):  # the sealed copy of another item
        sealed_stream.SealedReader(io.BytesIO(blob), key, "sha256:" + "0" * 64).read()
    with pytest.raises(sealing.WrongKey, match=key.label):
        sealed_stream.SealedReader(io.BytesIO(blob), sealing.VaultKey(os.urandom(32), "other"), digest)
    with pytest.raises(sealing.KeyMissing, match="LITOPYS_VAULT_KEY"):
        sealed_stream.SealedReader(io.BytesIO(blob), None, digest)


def test_sealed_fields_open_only_for_their_purpose_and_key():
    key = sealing.VaultKey(os.urandom(32), "test")
    token = sealing.seal_field("+380 00 000 0000 synthetic", key, "testimony.details")
    assert "synthetic" not in token and token.startswith("v1:" + key.label)
    assert sealing.open_field(token, key, "testimony.details") == "+380 00 000 0000 synthetic"
    with pytest.raises(sealing.Broken):
        sealing.open_field(token, key, "another.purpose")
    with pytest.raises(sealing.KeyMissing):
        sealing.open_field(token, None, "testimony.details")
    assert sealing.seal_field("", key, "x") == ""


def test_a_key_is_read_from_text_and_bad_text_is_refused(tmp_path):
    text = sealing.new_key_text()
    assert sealing.key_from_text(text, "env").key_id == sealing.key_from_text(text, "env").key_id
    with pytest.raises(sealing.SealError, match="32 bytes"):
        sealing.key_from_text("c2hvcnQ=", "LITOPYS_VAULT_KEY")
    made = sealing.load_key_file(tmp_path / "k", create=True)
    assert stat.S_IMODE((tmp_path / "k").stat().st_mode) == 0o600
    assert sealing.load_key_file(tmp_path / "k", create=False).key_id == made.key_id
    assert sealing.load_key_file(tmp_path / "absent", create=False) is None


# In the vault.

pytestmark_db = pytest.mark.django_db


def stored_bytes(vault) -> bytes:
    return b"".join(path.read_bytes() for path in Path(vault.root).rglob("*") if path.is_file())


@pytest.fixture
def confidential(vault, tmp_path, django_capture_on_commit_callbacks):
    """A confidential testimony ingested (its plaintext removal committed) and a checkpoint signed."""
    path = tmp_path / "testimony.txt"
    path.write_text(TEXT, encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        [result] = ingest_paths([str(path)], SourceFacts(collected_by="collector-synthetic",
                                                         sensitivity="confidential"))
    assert result.ok, result.warnings
    custody.checkpoint()
    return Item.objects.get(sha256=result.digest)


@pytestmark_db
def test_a_confidential_item_is_stored_sealed_and_keeps_its_identity(confidential, vault, settings):
    assert confidential.sha256 == "sha256:" + hashlib.sha256(TEXT.encode()).hexdigest()
    assert MARK.encode() not in stored_bytes(vault)
    assert not vault.inner.exists(confidential.sha256)
    copy = sealed.sealed_copy(confidential)
    assert copy.media_type == sealed_stream.MEDIA_TYPE
    assert copy.sha256 == "sha256:" + hashlib.sha256(vault.path(copy.sha256).read_bytes()).hexdigest()
    event = CustodyEvent.objects.get(item_hash=copy.sha256)
    assert event.action == "derived" and event.details["derived_from"] == confidential.sha256
    assert event.details["size"] == copy.size and event.details["key_id"] == copy.metadata["key_id"]
    assert stat.S_IMODE(Path(settings.LITOPYS_VAULT_KEY_FILE).stat().st_mode) == 0o600
    with vault.open(confidential.sha256) as handle:  # every reader gets the plaintext back
        assert handle.read().decode() == TEXT


@pytestmark_db
def test_verify_passes_without_the_key_and_finds_a_flipped_byte(confidential, vault, settings):
    settings.LITOPYS_VAULT_KEY_FILE = Path(settings.LITOPYS_VAULT_KEY_FILE).with_name("gone.key")
    report = verify()
    assert report.intact, report.problems
    copy = sealed.sealed_copy(confidential)
    path = vault.path(copy.sha256)
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    report = verify()
    assert {problem.kind for problem in report.problems} == {"altered_item"}
    assert copy.sha256 in report.problems[0].message


@pytestmark_db
def test_a_sealed_copy_whose_record_was_swapped_is_found(confidential, vault):
    copy = sealed.sealed_copy(confidential)
    Item.objects.filter(pk=copy.pk).delete()
    kinds = {problem.kind for problem in verify().problems}
    assert {"missing_item", "missing_record"} <= kinds


@pytest.fixture
def staff(db):
    from litopys.core.roles import ensure_roles

    ensure_roles()
    users = get_user_model().objects
    admin_user = users.create_superuser("admin-synthetic", password="synthetic-pass-123")
    reviewer = users.create_user("reviewer-synthetic", password="synthetic-pass-123", is_staff=True)
    from django.contrib.auth.models import Group

    reviewer.groups.add(Group.objects.get(name="reviewer"))
    return admin_user, reviewer


@pytestmark_db
def test_staff_with_the_right_download_the_plaintext_others_nothing(confidential, staff, client):
    admin_user, reviewer = staff
    url = reverse("admin:evidence_item_download", args=[confidential.pk])
    client.force_login(reviewer)
    assert client.get(url).status_code == 404  # a confidential source in no dossier of theirs
    client.force_login(admin_user)
    answer = client.get(url)
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content).decode() == TEXT
    assert CustodyEvent.objects.filter(action="accessed", item_hash=confidential.sha256).count() == 1


@pytestmark_db
def test_without_the_key_the_download_says_what_is_missing(confidential, staff, client, settings):
    admin_user, _ = staff
    settings.LITOPYS_VAULT_KEY_FILE = Path(settings.LITOPYS_VAULT_KEY_FILE).with_name("gone.key")
    client.force_login(admin_user)
    answer = client.get(reverse("admin:evidence_item_download", args=[confidential.pk]), follow=True,
                        HTTP_ACCEPT_LANGUAGE="en")
    page = answer.content.decode()
    assert "is sealed (encrypted at rest) with vault key" in page
    assert "set LITOPYS_VAULT_KEY, or restore the key file" in page and "gone.key" in page
    assert not CustodyEvent.objects.filter(action="accessed").exists()
    settings.LITOPYS_VAULT_KEY = sealing.new_key_text()  # another key: said so, with both key ids
    answer = client.get(reverse("admin:evidence_item_download", args=[confidential.pk]), follow=True)
    assert "but the key in use (LITOPYS_VAULT_KEY) is" in answer.content.decode()


@pytestmark_db
def test_a_key_from_the_environment_is_used_and_no_key_file_made(vault, tmp_path, settings,
                                                                  django_capture_on_commit_callbacks):
    settings.LITOPYS_VAULT_KEY = sealing.new_key_text()
    path = tmp_path / "notes.txt"
    path.write_text(TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        [result] = ingest_paths([str(path)], SourceFacts(sensitivity="confidential"))
    assert not Path(settings.LITOPYS_VAULT_KEY_FILE).exists()
    item = Item.objects.get(sha256=result.digest)
    assert sealed.sealed_copy(item).metadata["key_id"] == sealed.vault_key().label


@pytestmark_db
def test_restricted_items_stay_plain_and_copies_of_confidential_ones_are_sealed(vault, tmp_path,
                                                                                django_capture_on_commit_callbacks):
    plain, legacy = tmp_path / "restricted.txt", tmp_path / "legacy.txt"
    plain.write_text("Synthetic restricted bulletin.\n")
    legacy.write_bytes(f"Синтетичне свідчення {MARK}.\n".encode("cp1251") * 20)
    with django_capture_on_commit_callbacks(execute=True):
        [open_one] = ingest_paths([str(plain)], SourceFacts(sensitivity="restricted"))
        [secret] = ingest_paths([str(legacy)], SourceFacts(sensitivity="confidential"))
    assert sealed.sealed_copy(Item.objects.get(sha256=open_one.digest)) is None
    original = Item.objects.get(sha256=secret.digest)
    utf8_copy = original.derivatives.get(derivation="text")  # made by the processors before sealing
    assert sealed.sealed_copy(original) and sealed.sealed_copy(utf8_copy)
    everything = stored_bytes(vault)
    assert MARK.encode() not in everything and "свідчення".encode() not in everything
    assert "свідчення".encode("cp1251") not in everything


@pytestmark_db
def test_litopys_seal_seals_what_was_made_confidential_later(vault, tmp_path, django_capture_on_commit_callbacks):
    path = tmp_path / "notes.txt"
    path.write_text(TEXT)
    [result] = ingest_paths([str(path)], SourceFacts(sensitivity="restricted"))
    custody.checkpoint()
    Source.objects.filter(pk=result.source_id).update(sensitivity="confidential")
    assert "run `litopys seal`" in " ".join(verify().notes)
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("seal", "--check", stdout=out)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seal", stdout=out)
    assert "1 item sealed" in out.getvalue()
    assert MARK.encode() not in stored_bytes(vault)
    report = verify()
    assert report.intact and not report.notes, (report.problems, report.notes)


@pytestmark_db
def test_a_sealed_copy_re_pointed_at_another_item_hides_neither(confidential, vault, tmp_path):
    other_path = tmp_path / "other.txt"
    other_path.write_text("Synthetic restricted notes, kept in the clear.\n")
    [other] = ingest_paths([str(other_path)], SourceFacts(sensitivity="restricted"))
    custody.checkpoint()
    other_item = Item.objects.get(sha256=other.digest)
    path = vault.path(other_item.sha256)
    path.chmod(0o644)
    path.write_text("Synthetic restricted notes, kept in the cleaR.\n")  # the file altered, and then the record:
    Item.objects.filter(pk=sealed.sealed_copy(confidential).pk).update(derived_from=other_item)
    report = verify()
    found = {(problem.kind, problem.subject) for problem in report.problems}
    assert ("altered_item", other_item.sha256) in found and ("missing_item", confidential.sha256) in found


def test_a_malformed_vault_key_in_the_environment_stops_start_up(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from litopys.core import conf

    monkeypatch.setenv("LITOPYS_VAULT_KEY", "c2hvcnQ=")
    with pytest.raises(ImproperlyConfigured, match="LITOPYS_VAULT_KEY is not a key of 32 bytes in base64"):
        conf.env_key("LITOPYS_VAULT_KEY")
    text = sealing.new_key_text()
    monkeypatch.setenv("LITOPYS_VAULT_KEY", text)
    assert conf.env_key("LITOPYS_VAULT_KEY") == text


@pytestmark_db
def test_a_source_made_confidential_in_the_staff_site_is_sealed(vault, tmp_path, staff, client,
                                                                django_capture_on_commit_callbacks):
    path = tmp_path / "notes.txt"
    path.write_text(TEXT)
    [result] = ingest_paths([str(path)], SourceFacts(collected_by="collector-synthetic", sensitivity="restricted"))
    source = Source.objects.get(pk=result.source_id)
    fields = ("kind", "title", "publisher", "author", "url", "language", "collected_by", "collection_method",
              "notes")
    data = {name: getattr(source, name) for name in fields}
    data.update(sensitivity="confidential", owner="", dossier="", published="")
    client.force_login(staff[0])
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(reverse("admin:evidence_source_change", args=[source.pk]), data)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert sealed.sealed_copy(source.item) is not None
    assert MARK.encode() not in stored_bytes(vault)


@pytestmark_db
def test_a_lost_or_other_key_is_never_replaced_by_a_new_one(confidential, settings, tmp_path):
    from litopys.evidence.actions import redact

    settings.LITOPYS_VAULT_KEY_FILE = tmp_path / "lost.key"
    with pytest.raises(sealing.KeyMissing, match="a new key is made only while nothing is sealed"):
        redact(confidential, "redactor-synthetic", phrases=["Olena"])
    assert not (tmp_path / "lost.key").exists()
    settings.LITOPYS_VAULT_KEY = sealing.new_key_text()
    with pytest.raises(sealing.WrongKey, match="the vault's sealed items use vault key"):
        redact(confidential, "redactor-synthetic", phrases=["Olena"])
    assert not Item.objects.filter(derivation="redacted").exists()  # nothing half-made
