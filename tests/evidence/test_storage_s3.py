"""The S3 vault against moto's S3 server on 127.0.0.1: ingest, derived items, verify, multipart uploads, and the
same hash and custody guarantees as the local vault."""

import io
import os

import pytest

from litopys.evidence import custody
from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.integrity import verify
from litopys.evidence.models import Item
from litopys.evidence.storage_s3 import MIB, S3Vault
from litopys.evidence.vault import VaultError, relative_name

pytest_plugins = ["tests.evidence.s3server"]  # moto's S3 server and a bucket per test

pytestmark = pytest.mark.django_db

PAGE = ("<html><head><title>Synthetic report</title></head><body><h1>Synthetic report</h1>"
        "<p>SYNTHETIC: investigators counted 12 graves near a synthetic village on 3 May 2023.</p></body></html>")
NOTES = "SYNTHETIC field notes: a description of a street, nothing counted.\n"


def ingest(*paths):
    return list(ingest_paths([str(p) for p in paths], SourceFacts(collected_by="tester")))


def keys(vault: S3Vault) -> set[str]:
    listing = vault.client.list_objects_v2(Bucket=vault.bucket)
    return {entry["Key"] for entry in listing.get("Contents", [])}


@pytest.fixture
def held(s3_vault, tmp_path):
    """A page (whose text is derived into an item of its own) and notes, ingested into the bucket."""
    page, notes = tmp_path / "report.html", tmp_path / "notes.txt"
    page.write_text(PAGE, encoding="utf-8")
    notes.write_text(NOTES, encoding="utf-8")
    results = ingest(page, notes)
    assert [r.status for r in results] == ["new", "new"], results
    custody.checkpoint()
    return results


def test_ingest_stores_originals_and_derived_items_in_the_bucket_and_verify_passes(held, s3_vault):
    page = Item.objects.get(sha256=held[0].digest)
    derived = page.derivatives.get(derivation="text")
    assert b"investigators counted 12 graves" in s3_vault.open(derived.sha256).read()
    assert keys(s3_vault) == {relative_name(item.sha256) for item in Item.objects.all()}
    assert sorted(s3_vault.digests()) == sorted(Item.objects.values_list("sha256", flat=True))
    assert s3_vault.location(page.sha256) == f"s3://{s3_vault.bucket}/{relative_name(page.sha256)}"
    report = verify()
    assert report.intact, report.problems
    assert report.items_checked == Item.objects.count() == 3


def test_the_same_bytes_are_uploaded_once(held, s3_vault, tmp_path):
    again = tmp_path / "copy.txt"
    again.write_text(NOTES, encoding="utf-8")
    [result] = ingest(again)
    assert result.status == "held" and result.digest == held[1].digest
    stored = s3_vault.store(io.BytesIO(NOTES.encode()), 10_000)
    assert not stored.created and len(keys(s3_vault)) == Item.objects.count()


def test_large_items_go_up_in_parts(settings, s3_options, tmp_path):
    settings.LITOPYS_VAULT = {"BACKEND": "litopys.evidence.storage_s3.S3Vault",
                              "OPTIONS": {**s3_options, "multipart_threshold": 5 * MIB, "part_size": 5 * MIB}}
    settings.LITOPYS_SIGNING_KEY = tmp_path / "custody-ed25519.pem"
    data = os.urandom(11 * MIB + 17)
    path = tmp_path / "synthetic-video.bin"
    path.write_bytes(data)
    [result] = ingest(path)
    assert result.status == "new", result
    vault = S3Vault(**settings.LITOPYS_VAULT["OPTIONS"])
    head = vault.client.head_object(Bucket=vault.bucket, Key=vault.key(result.digest))
    assert head["ETag"].strip('"').endswith("-3"), head["ETag"]  # three parts: 5 + 5 + 1 MiB
    assert head["ContentLength"] == len(data)
    with vault.open(result.digest) as handle:
        assert handle.read() == data
    assert vault.partials() == []
    custody.checkpoint()
    assert verify().intact


def test_an_object_already_under_the_name_is_never_overwritten_and_verify_names_it(s3_vault, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    from litopys.evidence.hashing import digest_file

    key = s3_vault.key(digest_file(path))
    s3_vault.client.put_object(Bucket=s3_vault.bucket, Key=key, Body=b"other bytes planted first")
    [result] = ingest(path)
    assert result.status == "new"
    planted = s3_vault.client.get_object(Bucket=s3_vault.bucket, Key=key)["Body"].read()
    assert planted == b"other bytes planted first"
    custody.checkpoint()
    assert [p.kind for p in verify().problems] == ["altered_item"]


def test_verify_finds_an_altered_and_a_missing_object(held, s3_vault):
    page, notes = held
    s3_vault.client.put_object(Bucket=s3_vault.bucket, Key=s3_vault.key(page.digest), Body=PAGE.encode() + b" ")
    s3_vault.client.delete_object(Bucket=s3_vault.bucket, Key=s3_vault.key(notes.digest))
    problems = {(p.kind, p.subject) for p in verify().problems}
    assert problems == {("altered_item", page.digest), ("missing_item", notes.digest)}


def test_an_interrupted_multipart_upload_is_listed_by_verify(held, s3_vault):
    key = s3_vault.key("sha256:" + "ab" * 32)
    s3_vault.client.create_multipart_upload(Bucket=s3_vault.bucket, Key=key)
    [leftover] = s3_vault.partials()
    assert key in leftover
    report = verify()
    assert report.intact and "1 partial file(s)" in report.notes[0]


def test_a_missing_bucket_fails_each_file_in_one_line(settings, s3_options, tmp_path):
    settings.LITOPYS_VAULT = {"BACKEND": "litopys.evidence.storage_s3.S3Vault",
                              "OPTIONS": {**s3_options, "bucket_name": "litopys-no-such-bucket"}}
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    [result] = ingest(path)
    assert result.status == "failed"
    assert "litopys-no-such-bucket" in result.message and "NoSuchBucket" in result.message
    assert "\n" not in result.message and not Item.objects.exists()


def test_bad_options_are_refused_with_the_fix(s3_options):
    with pytest.raises(VaultError, match="part_size"):
        S3Vault(**s3_options, part_size=1024)
    with pytest.raises(VaultError, match="bucket_name"):
        S3Vault(**{**s3_options, "bucket_name": ""})
