"""Encryption at rest: the vault key, and sealed fields (AES-256-GCM).

Plain Python, no Django. One 32-byte vault key; two keys are derived from it with HKDF-SHA256, one for items
and one for fields, so a field's ciphertext can never be passed off as an item's. The format of a sealed copy
of an item is in `sealed_stream`.

A sealed field is ``v1:<key id>:<base64 of nonce and ciphertext>``, authenticated with its purpose.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

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
