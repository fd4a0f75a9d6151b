"""The sealed copy of an item: its plaintext streamed in chunks, each sealed with AES-256-GCM (see `sealing` for
the key).

Plain Python, no Django. The chunks follow the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár,
as Tink and age use it: each chunk is sealed under a nonce made of a random prefix, the chunk's number and a
flag for the last chunk, so chunks cannot be reordered, dropped or cut off. The header is::

    MAGIC (17 bytes) | key id (8) | nonce prefix (7) | chunk size (4, big-endian)

and every chunk is authenticated together with the header and the item's plaintext SHA-256, which is not
written in the clear: a sealed copy cannot be passed off as another item's, and the vault does not say which
known file it holds.
"""

from __future__ import annotations

import io
import secrets
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from cryptography.exceptions import InvalidTag

from litopys.evidence.sealing import Broken, KeyMissing, WrongKey

if TYPE_CHECKING:
    from litopys.evidence.sealing import VaultKey

MAGIC = b"LITOPYS-SEALED-1\n"
CHUNK = 1024 * 1024
TAG = 16
HEADER = len(MAGIC) + 8 + 7 + 4
MEDIA_TYPE = "application/vnd.litopys.sealed"
CIPHER = "AES-256-GCM, 1 MiB chunks (STREAM)"


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
