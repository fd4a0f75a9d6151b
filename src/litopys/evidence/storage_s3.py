"""The vault in S3-compatible object storage (AWS S3, MinIO, Ceph, Garage…), through django-storages.

The promises are the local vault's: bytes are hashed before they are stored, stored under their SHA-256
and never replaced. Each input is read and hashed into a local temporary file first; only then is it
uploaded, under its final name, and only if the bucket does not hold that name yet:

- an object appears whole or not at all (S3 shows an upload, single or multipart, only once complete);
- uploads carry their SHA-256, so a store that checks checksums (AWS S3 does) refuses bytes damaged on the
  way;
- with ``write_once`` (the default) every upload is conditional (``If-None-Match: *``): the store itself
  refuses to replace an object, so two uploads of the same bytes never race and nothing is overwritten;
- items from ``multipart_threshold`` bytes (100 MiB) up go in parts of ``part_size`` bytes; an interrupted
  multipart upload is aborted, and any left behind (a killed process) are listed by ``partials()``.

Choose it with LITOPYS_VAULT_BACKEND=litopys.evidence.storage_s3.S3Vault; LITOPYS_VAULT_OPTIONS holds the
options of django-storages' ``S3Storage`` (``bucket_name``, ``endpoint_url``, ``region_name``, ``access_key``,
``secret_key``, ``location``…) and the four above.
"""

import base64
import errno
import hashlib
import json
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import BinaryIO

from litopys.evidence.hashed_copy import copy_hashing
from litopys.evidence.hashing import PREFIX, hex_of, is_digest
from litopys.evidence.vault import Pending, Stored, Vault, VaultError, relative_name

MIB = 1024 * 1024
#: S3 refuses parts under 5 MiB (but the last) and uploads of more than 10,000 parts.
SMALLEST_PART = 5 * MIB
MOST_PARTS = 10_000
#: Error codes of a conditional upload that found the name taken: the bytes are held already.
TAKEN = {"PreconditionFailed", "ConditionalRequestConflict"}


class S3Vault(Vault):
    """An S3 bucket (or a prefix in one): upload once, under the hash, never overwrite."""

    def __init__(self, multipart_threshold: int = 100 * MIB, part_size: int = 64 * MIB, write_once: bool = True,
                 spool_dir: str | None = None, **options):
        if part_size < SMALLEST_PART or multipart_threshold < part_size:
            raise VaultError(f"LITOPYS_VAULT_OPTIONS: part_size ({part_size}) must be at least {SMALLEST_PART} and "
                             f"multipart_threshold ({multipart_threshold}) at least part_size; raise them")
        self.storage = _storage(options)
        if not self.storage.bucket_name:
            raise VaultError('LITOPYS_VAULT_OPTIONS names no bucket; add "bucket_name": "…"')
        self.bucket = self.storage.bucket_name
        self.prefix = (self.storage.location or "").strip("/")
        self.multipart_threshold, self.part_size = multipart_threshold, part_size
        self.write_once = write_once
        self.spool_dir = spool_dir

    @property
    def client(self):
        # django-storages keeps one connection per thread: uploads run on their own thread.
        return self.storage.connection.meta.client

    def key(self, digest: str) -> str:
        name = relative_name(digest)
        return f"{self.prefix}/{name}" if self.prefix else name

    def location(self, digest: str) -> str:
        return f"s3://{self.bucket}/{self.key(digest)}"

    def begin(self, source: BinaryIO, max_bytes: int, label: str = "input") -> Pending:
        spool = tempfile.TemporaryFile(dir=self.spool_dir)
        try:
            digest, size, head = copy_hashing(source, spool.write, max_bytes, label)
        except BaseException:
            spool.close()
            raise
        outcome = _uploader().submit(self._upload, spool, digest, size, head, label)
        return Pending(digest, size, head, outcome=outcome)

    def _upload(self, spool, digest: str, size: int, head: bytes, label: str) -> Stored:
        """Upload a hashed temporary file under its final name unless held (runs on the upload thread)."""
        from botocore.exceptions import BotoCoreError, ClientError

        key = self.key(digest)
        try:
            if self.exists(digest):
                return Stored(digest, size, head, created=False)
            spool.seek(0)
            if size >= self.multipart_threshold:
                self._upload_parts(spool, key, size)
            else:
                self.client.put_object(Bucket=self.bucket, Key=key, Body=spool, ContentLength=size,
                                       ContentType="application/octet-stream",
                                       ChecksumSHA256=base64.b64encode(bytes.fromhex(hex_of(digest))).decode(),
                                       **self._condition())
            return Stored(digest, size, head, created=True)
        except ClientError as exc:
            if _code(exc) in TAKEN:
                return Stored(digest, size, head, created=False)
            raise VaultError(f"{label}: cannot be stored in the bucket {self.bucket} ({_code(exc)}: {_message(exc)}); "
                             "check the bucket, its endpoint and the credentials in LITOPYS_VAULT_OPTIONS") from None
        except (BotoCoreError, OSError) as exc:
            raise VaultError(f"{label}: cannot be stored in the bucket {self.bucket} ({exc}); check the endpoint in "
                             "LITOPYS_VAULT_OPTIONS and the network") from None
        finally:
            spool.close()

    def _condition(self) -> dict:
        return {"IfNoneMatch": "*"} if self.write_once else {}

    def _upload_parts(self, spool, key: str, size: int) -> None:
        """Upload in parts, each with its own SHA-256; abort on any failure so that no part lingers."""
        part_size = max(self.part_size, -(-size // MOST_PARTS))
        upload = self.client.create_multipart_upload(Bucket=self.bucket, Key=key, ChecksumAlgorithm="SHA256",
                                                     ContentType="application/octet-stream")
        upload_id = upload["UploadId"]
        try:
            parts = []
            number = 1
            while chunk := spool.read(part_size):
                checksum = base64.b64encode(hashlib.sha256(chunk).digest()).decode()
                answer = self.client.upload_part(Bucket=self.bucket, Key=key, UploadId=upload_id, PartNumber=number,
                                                 Body=chunk, ChecksumSHA256=checksum)
                parts.append({"PartNumber": number, "ETag": answer["ETag"], "ChecksumSHA256": checksum})
                number += 1
            self.client.complete_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id,
                                                  MultipartUpload={"Parts": parts}, **self._condition())
        except BaseException:
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id)
            raise

    def open(self, digest: str) -> BinaryIO:
        """Open an item for reading (a seekable local copy); a missing object raises FileNotFoundError."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return self.storage.open(relative_name(digest), "rb")
        except ClientError as exc:
            raise OSError(errno.EIO, f"{self.location(digest)}: {_code(exc)}: {_message(exc)}") from None
        except BotoCoreError as exc:
            raise OSError(errno.EIO, f"{self.location(digest)}: {exc}") from None

    def exists(self, digest: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=self.key(digest))
        except ClientError as exc:
            if _code(exc) in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def remove(self, digest: str) -> None:
        """Delete an object: only ever the plaintext a sealed (encrypted) copy replaces."""
        self.client.delete_object(Bucket=self.bucket, Key=self.key(digest))

    def digests(self) -> Iterator[str]:
        start = f"{self.prefix}/sha256/" if self.prefix else "sha256/"
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=start):
            for entry in page.get("Contents", []):
                candidate = PREFIX + entry["Key"].rsplit("/", 1)[-1]
                if is_digest(candidate) and entry["Key"] == self.key(candidate):
                    yield candidate

    def partials(self) -> list[str]:
        """Return multipart uploads begun and never completed nor aborted (e.g. a process killed mid-upload)."""
        start = f"{self.prefix}/sha256/" if self.prefix else "sha256/"
        found = []
        for page in self.client.get_paginator("list_multipart_uploads").paginate(Bucket=self.bucket, Prefix=start):
            for upload in page.get("Uploads", []):
                found.append(f"s3://{self.bucket}/{upload['Key']} (upload {upload['UploadId']}, "
                             f"begun {upload['Initiated']:%Y-%m-%d %H:%M})")
        return sorted(found)


def _code(exc) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _message(exc) -> str:
    return str(exc.response.get("Error", {}).get("Message", "")) or str(exc)


_STORAGES: dict[str, object] = {}
_UPLOADER: ThreadPoolExecutor | None = None
_LOCK = threading.Lock()


def _storage(options: dict):
    """Return one django-storages S3Storage per set of options: `get_vault()` is called for every file."""
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:
        raise VaultError("the S3 vault needs django-storages and boto3; install them with "
                         "pip install 'litopys[s3]'") from None
    name = json.dumps(options, sort_keys=True, default=str)
    with _LOCK:
        if name not in _STORAGES:
            _STORAGES[name] = S3Storage(**options)
        return _STORAGES[name]


def _uploader() -> ThreadPoolExecutor:
    """Return the thread that uploads for every S3 vault of this process, while the next input is hashed."""
    global _UPLOADER
    with _LOCK:
        if _UPLOADER is None:
            _UPLOADER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vault-upload")
        return _UPLOADER
