"""Encryption at rest: sealed copies of items and sealed fields, under one vault key (AES-256-GCM).

Plain Python, no Django. One 32-byte vault key; two keys are derived from it with HKDF-SHA256, one for items
and one for fields, so a field's ciphertext can never be passed off as an item's.

A sealed item is streamed in chunks (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár, as
Tink and age use it): each chunk is sealed with AES-GCM under a nonce made of a random prefix, the chunk's
number and a flag for the last chunk, so chunks cannot be reordered, dropped or cut off. The header is::

    MAGIC (17 bytes) | key id (8) | nonce prefix (7) | chunk size (4, big-endian)

and every chunk is authenticated together with the header and the item's plaintext SHA-256, which is not
written in the clear: a sealed copy cannot be passed off as another item's, and the vault does not say which
known file it holds.

A sealed field is ``v1:<key id>:<base64 of nonce and ciphertext>``, authenticated with its purpose.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"LITOPYS-SEALED-1\n"
CHUNK = 1024 * 1024
TAG = 16
HEADER = len(MAGIC) + 8 + 7 + 4
MEDIA_TYPE = "application/vnd.litopys.sealed"
CIPHER = "AES-256-GCM, 1 MiB chunks (STREAM)"
KEY_BYTES = 32


class SealError(Exception):
    """Sealed bytes or fields cannot be opened; the message names what is missing and the fix."""


class KeyMissing(SealError):
    pass


class WrongKey(SealError):
    pass


class Broken(SealError):
    """The sealed bytes were altered, cut off, or belong to another item."""


class VaultKey:
    """The vault key and the keys derived from it."""

    def __init__(self, secret: bytes, origin: str = ""):
        if len(secret) != KEY_BYTES:
            raise SealError(f"the vault key {origin} must be {KEY_BYTES} bytes, it is {len(secret)}")
        self.origin = origin
        self.key_id = hashlib.sha256(b"litopys vault key id\n" + secret).digest()[:8]
        self.items = AESGCM(_derive(secret, b"litopys sealed item v1"))
        self.fields = AESGCM(_derive(secret, b"litopys sealed field v1"))

    @property
    def label(self) -> str:
        return self.key_id.hex()


def _derive(secret: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret)


def new_key_text() -> str:
    """Return a new random vault key, as LITOPYS_VAULT_KEY and the key file write it."""
    return base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii")


def key_from_text(text: str, origin: str) -> VaultKey:
    """Read a key written as base64 (URL-safe or standard); `origin` names where it came from."""
    cleaned = text.strip()
    try:
        secret = base64.urlsafe_b64decode(cleaned.replace("+", "-").replace("/", "_") + "=" * (-len(cleaned) % 4))
    except (binascii.Error, ValueError):
        secret = b""
    if len(secret) != KEY_BYTES:
        raise SealError(f"{origin} is not a vault key (32 bytes in base64); make one with "
                        "`python -c \"import base64,os;print(base64.urlsafe_b64encode(os.urandom(32)).decode())\"`")
    return VaultKey(secret, origin)


def load_key_file(path: Path, create: bool) -> VaultKey | None:
    """Return the key kept at path; create it (mode 0600) when absent and `create`, else return None."""
    path = Path(path)
    if not path.exists():
        if not create:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            return load_key_file(path, create=False)
        with os.fdopen(fd, "w") as handle:
            handle.write(new_key_text() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise SealError(f"the vault key file {path} cannot be read ({exc}); restore it from backup") from None
    return key_from_text(text, str(path))


# Sealed items.

def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + number.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def sealed_size(size: int) -> int:
    """Return the size of the sealed copy of `size` bytes."""
    return HEADER + size + TAG * max(1, -(-size // CHUNK))


def _read_full(plain: BinaryIO, hasher) -> bytes:
    parts, count = [], 0
    while count < CHUNK and (part := plain.read(CHUNK - count)):
        parts.append(part)
        count += len(part)
    block = b"".join(parts)
    if hasher is not None:
        hasher.update(block)
    return block


def seal_chunks(plain: BinaryIO, key: VaultKey, digest: str, hasher=None) -> Iterator[bytes]:
    """Yield the sealed form of a plaintext stream: the header, then each sealed chunk.

    `digest` is the plaintext's SHA-256, bound to every chunk; `hasher` (hashlib) sees the plaintext read, so
    the caller can check it is what `digest` says.
    """
    prefix = secrets.token_bytes(7)
    header = MAGIC + key.key_id + prefix + CHUNK.to_bytes(4, "big")
    aad = header + digest.encode("ascii")
    yield header
    number = 0
    current = _read_full(plain, hasher)
    while True:
        following = _read_full(plain, hasher) if len(current) == CHUNK else b""
        last = not following
        yield key.items.encrypt(_nonce(prefix, number, last), current, aad)
        if last:
            return
        current, number = following, number + 1


class ChunkStream(io.RawIOBase):
    """A readable stream over an iterator of byte strings, for the vault to store as it hashes."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


def key_id_of(head: bytes) -> str:
    """Return the id of the key a sealed copy was made with (readable without the key), or "" if not sealed."""
    if len(head) < len(MAGIC) + 8 or not head.startswith(MAGIC):
        return ""
    return head[len(MAGIC):len(MAGIC) + 8].hex()


class SealedReader(io.RawIOBase):
    """Read (and seek in) the plaintext of a sealed copy, checking every chunk as it is opened."""

    def __init__(self, raw: BinaryIO, key: VaultKey | None, digest: str, label: str = "", key_hint: str = ""):
        self._raw, self._digest, self._label = raw, digest, label or digest
        header = raw.read(HEADER)
        if len(header) < HEADER or not header.startswith(MAGIC):
            raw.close()
            raise Broken(f"the sealed copy of {self._label} is not a sealed file (it was replaced or cut off)")
        sealed_with = header[len(MAGIC):len(MAGIC) + 8]
        if key is None:
            raw.close()
            raise KeyMissing(f"{self._label} is sealed (encrypted at rest) with vault key {sealed_with.hex()}, and "
                             f"no vault key is available: {key_hint or 'set LITOPYS_VAULT_KEY'}")
        if sealed_with != key.key_id:
            raw.close()
            raise WrongKey(f"{self._label} is sealed with vault key {sealed_with.hex()}, but the key in use "
                           f"({key.origin}) is {key.label}: {key_hint or 'set LITOPYS_VAULT_KEY to the right key'}")
        self._key = key
        self._prefix = header[len(MAGIC) + 8:len(MAGIC) + 15]
        self._chunk = int.from_bytes(header[-4:], "big")
        self._aad = header + digest.encode("ascii")
        sealed_size = raw.seek(0, io.SEEK_END) - HEADER
        self._chunks = max(1, -(-sealed_size // (self._chunk + TAG)))
        self.size = sealed_size - self._chunks * TAG
        if self.size < 0:
            raw.close()
            raise Broken(f"the sealed copy of {self._label} was cut off")
        self._position = 0
        self._cached: tuple[int, bytes] | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self.size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def _plain_chunk(self, number: int) -> bytes:
        if self._cached and self._cached[0] == number:
            return self._cached[1]
        self._raw.seek(HEADER + number * (self._chunk + TAG))
        sealed = self._raw.read(self._chunk + TAG)
        last = number == self._chunks - 1
        try:
            plain = self._key.items.decrypt(_nonce(self._prefix, number, last), sealed, self._aad)
        except InvalidTag:
            raise Broken(f"the sealed copy of {self._label} was altered, cut off, or belongs to another item "
                         f"(chunk {number} does not open)") from None
        self._cached = (number, plain)
        return plain

    def readinto(self, buffer) -> int:
        if self.size == 0:
            self._plain_chunk(0)  # an empty plaintext still has its one, authenticated chunk
        view, filled = memoryview(buffer).cast("B"), 0
        while filled < len(view) and self._position < self.size:
            number, offset = divmod(self._position, self._chunk)
            plain = self._plain_chunk(number)[offset:]
            count = min(len(view) - filled, len(plain))
            view[filled:filled + count] = plain[:count]
            filled += count
            self._position += count
        return filled

    def readall(self) -> bytes:
        parts = []
        while chunk := self.read(self._chunk):
            parts.append(chunk)
        return b"".join(parts)

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


# Sealed fields.

FIELD_VERSION = "v1"


def seal_field(text: str, key: VaultKey, purpose: str) -> str:
    """Return `text` sealed for `purpose` (e.g. "testimony.contact"); "" stays ""."""
    if not text:
        return ""
    nonce = secrets.token_bytes(12)
    sealed = key.fields.encrypt(nonce, text.encode("utf-8"), purpose.encode("utf-8"))
    return f"{FIELD_VERSION}:{key.label}:{base64.urlsafe_b64encode(nonce + sealed).decode('ascii')}"


def field_key_id(token: str) -> str:
    parts = token.split(":")
    return parts[1] if len(parts) == 3 else ""


def open_field(token: str, key: VaultKey | None, purpose: str, key_hint: str = "") -> str:
    """Return the text of a sealed field; raise KeyMissing, WrongKey or Broken."""
    if not token:
        return ""
    parts = token.split(":")
    if len(parts) != 3 or parts[0] != FIELD_VERSION:
        raise Broken(f"the sealed {purpose} is not a sealed field")
    if key is None:
        raise KeyMissing(f"the {purpose} is sealed with vault key {parts[1]}, and no vault key is available: "
                         f"{key_hint or 'set LITOPYS_VAULT_KEY'}")
    if parts[1] != key.label:
        raise WrongKey(f"the {purpose} is sealed with vault key {parts[1]}, but the key in use ({key.origin}) is "
                       f"{key.label}: {key_hint or 'set LITOPYS_VAULT_KEY to the right key'}")
    try:
        raw = base64.urlsafe_b64decode(parts[2])
        return key.fields.decrypt(raw[:12], raw[12:], purpose.encode("utf-8")).decode("utf-8")
    except (InvalidTag, binascii.Error, ValueError):
        raise Broken(f"the sealed {purpose} was altered") from None
