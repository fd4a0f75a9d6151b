"""The checkpoint key a package is checked against: read as a person gives it, and fingerprinted."""

import base64
import hashlib
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from litopys.exchange.packages.opening import PackageError


def read_public_key(value: str) -> str:
    """Return the raw Ed25519 public key in base64 from what a person gives: the base64 itself, or the path of a
    file holding it as PEM (the package's own public-key.pem) or base64; raise PackageError naming the fix."""
    value = (value or "").strip()
    path = Path(value).expanduser() if value else None
    if path is None or not path.is_file():
        return value
    data = path.read_bytes()
    if b"BEGIN PUBLIC KEY" in data:
        try:
            key = serialization.load_pem_public_key(data)
            raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        except (ValueError, TypeError):
            raise PackageError(f"{value}: not an Ed25519 public key in PEM; give the key in base64 or its PEM "
                               "file") from None
        return base64.b64encode(raw).decode()
    return data.decode("ascii", "replace").strip()


def key_fingerprint(public_key: str) -> str:
    """Return a short, readable fingerprint of a base64 Ed25519 public key (SHA-256, first 16 bytes, hex)."""
    return hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:32]
