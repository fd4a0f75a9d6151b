"""What a backup folder holds and how it is checked: the manifest, the list of hashes, the keys.

A backup is a folder::

    manifest.json               what was backed up, when, by which version, from which database
    sha256sums.txt              the SHA-256 of every other file (`sha256sum -c sha256sums.txt` checks it)
    database/<app.model>.jsonl  every table (see tables.py)
    vault/sha256/ab/cd/abcd…    every item the database names, under its hash as in a local vault
    custody-checkpoints.jsonl   the checkpoint log, up to the last checkpoint in the database copy
    keys/<name>                 only with --include-keys: secret_key, signing_key, vault_key (where there is one)

Keys are listed in the manifest (a fingerprint of each, and the signing key's public key) and copied only
when asked: a backup that holds them must be kept as safe as the keys themselves.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

FORMAT = "litopys backup 1"
MANIFEST = "manifest.json"
SUMS = "sha256sums.txt"
LOG = "custody-checkpoints.jsonl"
KEYS = "keys"
SECRET_KEY_FILE = "secret_key"
READ = 4 * 1024 * 1024


class BackupError(Exception):
    """A backup cannot be made or restored; the message names what and says what to do."""


def file_digest(path: Path) -> str:
    hasher = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(READ):
            hasher.update(block)
    return hasher.hexdigest()


def write_private(path: Path, data: bytes) -> None:
    """Write a key file readable by its owner only, replacing any other atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


@dataclass(frozen=True)
class Key:
    """A key the record depends on, kept outside the database: in an environment variable or a file."""

    name: str
    env: str  #: the variable that gives it, if set
    setting: str  #: the setting naming its file
    why: str

    def path(self) -> Path | None:
        if self.name == "secret_key":
            return Path(settings.LITOPYS_HOME) / SECRET_KEY_FILE
        value = getattr(settings, self.setting, None)
        return Path(value) if value else None

    def text(self) -> str | None:
        """Return the key in force (as its variable or file gives it), or None when there is none."""
        if self.name == "secret_key":
            return settings.SECRET_KEY
        if os.environ.get(self.env, "").strip():
            return os.environ[self.env].strip()
        path = self.path()
        if path is None or not path.exists():
            return None
        return path.read_text(encoding="utf-8").strip()

    def fingerprint(self, text: str) -> str:
        """Say which key this is without revealing anything of it."""
        return hashlib.sha256(f"litopys key fingerprint\n{self.name}\n{text.strip()}".encode()).hexdigest()[:16]

    def listing(self) -> dict | None:
        text = self.text()
        if text is None:
            return None
        where = self.env if os.environ.get(self.env, "").strip() else str(self.path())
        found = {"name": self.name, "where": where, "fingerprint": self.fingerprint(text), "why": self.why}
        if self.name == "signing_key":
            from litopys.evidence import signing

            found["public_key"] = signing.public_key_text(signing.load_or_create_key(self.path()))
        return found


#: The keys a restored home needs; the vault key exists only where sealed (encrypted) items do.
KEY_SPECS = (
    Key("secret_key", "LITOPYS_SECRET_KEY", "", "seals verified claims and keys readers' fingerprints"),
    Key("signing_key", "", "LITOPYS_SIGNING_KEY", "signs the custody ledger's checkpoints"),
    Key("vault_key", "LITOPYS_VAULT_KEY", "LITOPYS_VAULT_KEY_FILE", "opens sealed (encrypted) items"),
)


def keys_in_force() -> list[dict]:
    """Return the keys this installation uses, as the manifest lists them (never the keys themselves)."""
    return [found for key in KEY_SPECS if (found := key.listing()) is not None]


def copy_keys(folder: Path) -> None:
    for key in KEY_SPECS:
        text = key.text()
        if text is not None:
            write_private(folder / KEYS / key.name, (text + "\n").encode())


def write_sums(folder: Path, known: dict[str, str]) -> str:
    """Write sha256sums.txt over every file in folder (digests in `known` are trusted); return its digest."""
    lines = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != SUMS):
        name = path.relative_to(folder).as_posix()
        lines.append(f"{known.get(name) or file_digest(path)}  {name}\n")
    (folder / SUMS).write_text("".join(lines), encoding="utf-8")
    return file_digest(folder / SUMS)


def read_manifest(folder: Path) -> tuple[dict, dict[str, str]]:
    """Return the manifest and path -> digest of a backup folder, refusing what is not a whole backup."""
    if not (folder / MANIFEST).is_file() or not (folder / SUMS).is_file():
        raise BackupError(f"{folder} is not a backup made by `litopys backup` ({MANIFEST} or {SUMS} is missing); "
                          "give the folder that backup wrote")
    sums = {}
    for number, line in enumerate((folder / SUMS).read_text(encoding="utf-8").splitlines(), start=1):
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name or name.startswith("/") or ".." in Path(name).parts:
            raise BackupError(f"{folder / SUMS} line {number} is not `<sha256>  <path>`; the backup is damaged")
        sums[name] = digest
    if sums.get(MANIFEST) != file_digest(folder / MANIFEST):
        raise BackupError(f"{folder / MANIFEST} does not match its hash in {SUMS}; the backup is damaged or edited")
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder} was written in the format {manifest.get('format')!r}, not {FORMAT!r}; restore "
                          "it with the Litopys version that made it")
    return manifest, sums


def check_files(folder: Path, sums: dict[str, str], skip: str = "vault/") -> None:
    """Re-hash every listed file but the vault's (checked as it is stored); refuse a damaged backup."""
    for name, digest in sums.items():
        if name.startswith(skip):
            continue
        path = folder / name
        if not path.is_file():
            raise BackupError(f"{path} is missing from the backup; the backup is incomplete")
        if file_digest(path) != digest:
            raise BackupError(f"{path} does not match its hash in {SUMS}; the backup is damaged")
