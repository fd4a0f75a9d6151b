"""Ed25519 signatures on ledger checkpoints, with the key kept in LITOPYS_HOME.

A checkpoint statement is plain text so that an OpenTimestamps or RFC 3161 stamp can be
made over its SHA-256 digest later and attached beside it.
"""

import base64
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from litopys.core.once import create_once
from litopys.evidence.ledger import canonical_time

STATEMENT_HEADER = "litopys custody checkpoint v1"


class SigningKeyError(Exception):
    """The signing key cannot be read or created."""


def load_or_create_key(path: Path) -> Ed25519PrivateKey:
    """Return the Ed25519 key at path, creating it (mode 0600) on first use, once, even when processes race."""
    path = Path(path)
    if not path.exists():
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        if create_once(path, pem):
            return key  # else another process (a second worker starting) created it first: read theirs
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError) as exc:
            raise SigningKeyError(f"{path} is not a PEM Ed25519 private key ({exc}); restore it from backup") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise SigningKeyError(f"{path} holds a key that is not Ed25519; restore the custody key from backup")
        return key
    raise SigningKeyError(f"{path} could not be created; check that LITOPYS_HOME is writable")


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """Return the raw public key, base64-encoded."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def statement(tree_size: int, root_hash: str, signed_at: datetime) -> str:
    """Return the text that a checkpoint signs."""
    return f"{STATEMENT_HEADER}\ntree_size {tree_size}\nroot {root_hash}\ntime {canonical_time(signed_at)}\n"


def sign(key: Ed25519PrivateKey, text: str) -> str:
    return base64.b64encode(key.sign(text.encode("utf-8"))).decode("ascii")


def signature_valid(public_key: str, text: str, signature: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key)).verify(
            base64.b64decode(signature), text.encode("utf-8"))
    except (InvalidSignature, ValueError):
        return False
    return True
