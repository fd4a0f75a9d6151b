"""Content digests as `sha256:<hex>`: the algorithm always travels with the hash."""

import hashlib
import re

ALGORITHM = "sha256"
PREFIX = f"{ALGORITHM}:"
ZERO = PREFIX + "0" * 64
_DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
CHUNK = 1024 * 1024


def digest_bytes(data: bytes) -> str:
    """Return the `sha256:<hex>` digest of some bytes."""
    return PREFIX + hashlib.sha256(data).hexdigest()


def digest_file(path, chunk: int = CHUNK) -> str:
    """Return the digest of a file, read in chunks."""
    hasher = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            hasher.update(block)
    return PREFIX + hasher.hexdigest()


def is_digest(value: str) -> bool:
    return bool(_DIGEST.match(value or ""))


def hex_of(digest: str) -> str:
    """Return the hex part of a `sha256:<hex>` digest, refusing anything else."""
    if not is_digest(digest):
        raise ValueError(f"{digest!r} is not a sha256:<64 hex digits> digest")
    return digest[len(PREFIX):]
