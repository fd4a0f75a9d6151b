"""Vault backends: where original bytes are written once, under their SHA-256.

Choose one with LITOPYS_VAULT_BACKEND (a dotted path), as Django's STORAGES does:
`LocalVault` (a folder, the default) or `StorageVault` (any Django storage, e.g. S3).
"""

import fcntl
import functools
import os
import secrets
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from litopys.evidence.hashed_copy import copy_hashing
from litopys.evidence.hashing import PREFIX, hex_of, is_digest


class VaultError(Exception):
    """Bytes could not be stored or read; the message names the input and what to do."""


class TooLarge(VaultError):
    pass


@dataclass
class Stored:
    digest: str
    size: int
    head: bytes
    created: bool


def relative_name(digest: str) -> str:
    """Return the content-addressed name of a digest: sha256/ab/cd/abcd…"""
    hexdigest = hex_of(digest)
    return f"sha256/{hexdigest[:2]}/{hexdigest[2:4]}/{hexdigest}"


class Pending:
    """Bytes read and hashed whose write is being made durable; `finish()` waits for it."""

    def __init__(self, digest: str, size: int, head: bytes, outcome: Future | None = None,
                 stored: Stored | None = None):
        self.digest, self.size, self.head = digest, size, head
        self._outcome = outcome
        self._stored = stored

    def finish(self) -> Stored:
        """Return the stored bytes once they sit, durable, under their final name (or raise VaultError)."""
        if self._stored is None:
            self._stored = self._outcome.result()
        return self._stored


class Vault:
    """Base backend: subclasses store, open and list content-addressed bytes."""

    def begin(self, source: BinaryIO, max_bytes: int, label: str = "input") -> Pending:
        """Read, hash and start writing source; the returned `Pending` finishes the write.

        The source can be closed as soon as this returns. Backends that cannot overlap the
        durable write with the next input's reading finish before returning.
        """
        raise NotImplementedError

    def store(self, source: BinaryIO, max_bytes: int, label: str = "input") -> Stored:
        """Store source and return once its bytes are durable under their final name."""
        return self.begin(source, max_bytes, label).finish()

    def open(self, digest: str) -> BinaryIO:
        raise NotImplementedError

    def exists(self, digest: str) -> bool:
        raise NotImplementedError

    def location(self, digest: str) -> str:
        return relative_name(digest)

    def digests(self) -> Iterator[str]:
        raise NotImplementedError

    def partials(self) -> list[str]:
        """Return leftovers of interrupted writes (never under a final name)."""
        return []

    def remove(self, digest: str) -> None:
        """Delete bytes that a sealed copy now holds (see sealed.py): the only deletion the vault makes."""
        raise NotImplementedError


class LocalVault(Vault):
    """A folder: temporary file, fsync, rename; a crash never leaves a partial final file."""

    def __init__(self, root: str):
        self.root = Path(root)
        self.tmp = self.root / "tmp"

    def _ensure(self) -> None:
        try:
            self.tmp.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise VaultError(f"vault folder {self.root} cannot be created ({exc.strerror}); "
                             "set LITOPYS_VAULT_ROOT to a writable folder") from None

    def path(self, digest: str) -> Path:
        return self.root / relative_name(digest)

    def location(self, digest: str) -> str:
        return str(self.path(digest))

    def begin(self, source: BinaryIO, max_bytes: int, label: str = "input") -> Pending:
        self._ensure()
        partial = self.tmp / f".partial-{secrets.token_hex(8)}"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            # Held until the file has its final name: a later run removes only partial files nobody holds.
            fcntl.flock(fd, fcntl.LOCK_EX)
            digest, size, head = copy_hashing(source, functools.partial(_write_all, fd), max_bytes, label)
        except BaseException:
            os.close(fd)
            partial.unlink(missing_ok=True)
            raise
        outcome = _finisher().submit(self._settle, fd, partial, digest, size, head, label)
        return Pending(digest, size, head, outcome=outcome)

    def _settle(self, fd: int, partial: Path, digest: str, size: int, head: bytes, label: str) -> Stored:
        """Make a written temporary file durable and give it its final name (runs on the finisher thread)."""
        try:
            try:
                os.fsync(fd)
                final = self.path(digest)
                if final.exists():
                    partial.unlink()
                    return Stored(digest, size, head, created=False)
                final.parent.mkdir(parents=True, exist_ok=True)
                os.chmod(partial, 0o444)
                os.replace(partial, final)
            finally:
                os.close(fd)  # only now: the partial file's lock goes with it
            _fsync_dir(final.parent)
            return Stored(digest, size, head, created=True)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise VaultError(f"{label}: cannot be written to the vault {self.root} ({exc.strerror}); "
                             "check the disk's free space and permissions") from None
        except BaseException:
            partial.unlink(missing_ok=True)
            raise

    def open(self, digest: str) -> BinaryIO:
        return open(self.path(digest), "rb")

    def exists(self, digest: str) -> bool:
        return self.path(digest).is_file()

    def digests(self) -> Iterator[str]:
        base = self.root / "sha256"
        if not base.is_dir():
            return
        for path in sorted(base.glob("*/*/*")):
            candidate = PREFIX + path.name
            if is_digest(candidate):
                yield candidate

    def partials(self) -> list[str]:
        if not self.tmp.is_dir():
            return []
        return sorted(str(path) for path in self.tmp.glob(".partial-*"))

    def remove(self, digest: str) -> None:
        self.path(digest).unlink(missing_ok=True)
        _fsync_dir(self.path(digest).parent)


class StorageVault(Vault):
    """Any Django storage (e.g. django-storages' S3Storage), given by dotted path in OPTIONS."""

    def __init__(self, storage: str = "django.core.files.storage.FileSystemStorage", **options):
        from django.utils.module_loading import import_string

        self.storage = import_string(storage)(**options)

    def begin(self, source: BinaryIO, max_bytes: int, label: str = "input") -> Pending:
        stored = self._store(source, max_bytes, label)
        return Pending(stored.digest, stored.size, stored.head, stored=stored)

    def _store(self, source: BinaryIO, max_bytes: int, label: str) -> Stored:
        from django.core.files import File

        with tempfile.TemporaryFile() as spool:
            digest, size, head = copy_hashing(source, spool.write, max_bytes, label)
            name = relative_name(digest)
            if self.storage.exists(name):
                return Stored(digest, size, head, created=False)
            spool.seek(0)
            self.storage.save(name, File(spool, name=name))
            return Stored(digest, size, head, created=True)

    def open(self, digest: str) -> BinaryIO:
        return self.storage.open(relative_name(digest), "rb")

    def exists(self, digest: str) -> bool:
        return self.storage.exists(relative_name(digest))

    def digests(self) -> Iterator[str]:
        def walk(folder: str) -> Iterator[str]:
            subfolders, files = self.storage.listdir(folder)
            for name in files:
                if is_digest(PREFIX + name):
                    yield PREFIX + name
            for sub in subfolders:
                yield from walk(f"{folder}/{sub}")

        try:
            yield from walk("sha256")
        except FileNotFoundError:
            return

    def remove(self, digest: str) -> None:
        self.storage.delete(relative_name(digest))


def _write_all(fd: int, chunk) -> None:
    while chunk:
        chunk = chunk[os.write(fd, chunk):]


_FINISHER: ThreadPoolExecutor | None = None
_FINISHER_LOCK = threading.Lock()


def _finisher() -> ThreadPoolExecutor:
    """Return the one thread that fsyncs and renames for every local vault of this process.

    One thread keeps the order of writes and lets no two renames of the same digest race, while the
    calling thread reads and hashes the next input as the disk flushes this one.
    """
    global _FINISHER
    with _FINISHER_LOCK:
        if _FINISHER is None:
            _FINISHER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vault-fsync")
        return _FINISHER


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def get_vault() -> Vault:
    """Return the configured vault backend (settings.LITOPYS_VAULT)."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.utils.module_loading import import_string

    config = settings.LITOPYS_VAULT
    try:
        backend = import_string(config["BACKEND"])
    except ImportError as exc:
        raise ImproperlyConfigured(
            f"LITOPYS_VAULT_BACKEND={config['BACKEND']!r} cannot be imported ({exc}); "
            "use litopys.evidence.vault.LocalVault or litopys.evidence.vault.StorageVault") from None
    from litopys.evidence.sealed import UnsealingVault  # sealed items open as their plaintext

    return UnsealingVault(backend(**config.get("OPTIONS", {})))
