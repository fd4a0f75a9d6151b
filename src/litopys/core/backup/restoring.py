"""`litopys restore SRC`: a backup into a new, empty home, with nothing half-written.

Before anything is written, restore checks that the backup is whole (every file against sha256sums.txt),
that it was made by this version's tables, that the keys it needs are at hand, and that the home is empty:
its database holds no record, its vault no item the backup does not hold, and it has no checkpoint log. Then
it stores the vault's items through the configured vault (re-hashed on the way, so a damaged file stops the
restore; items stored by an interrupted restore are recognised when it runs again), and loads the database
in one transaction, writing the checkpoint log just before it commits.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from litopys.core.backup import tables
from litopys.core.backup.manifest import (
    KEYS,
    LOG,
    SECRET_KEY_FILE,
    SIGNING_KEY_FILE,
    BackupError,
    check_files,
    file_digest,
    read_manifest,
    secret_fingerprint,
    signing_public_key,
    write_private,
)
from litopys.evidence import checkpoint_log
from litopys.evidence.hashing import PREFIX
from litopys.evidence.vault import VaultError, get_vault

VAULT = "vault/"
#: Restore brings back what was held, whatever LITOPYS_MAX_ITEM_BYTES says now.
ANY_SIZE = 2**62


@dataclass
class Restored:
    path: str
    rows: int
    items: int
    item_bytes: int
    keys_installed: list[str]
    seconds: float


def restore(src: Path, progress: Callable[[int], None] | None = None) -> Restored:
    """Restore the backup in src into this (empty) home."""
    started = time.monotonic()
    src = Path(src).absolute()
    manifest, sums = read_manifest(src)
    check_files(src, sums, skip=VAULT)
    check_migrations(manifest)
    vault = get_vault()
    items = {PREFIX + name.rsplit("/", 1)[-1]: name for name in sums if name.startswith(VAULT)}
    refusals = home_refusals(vault, set(items))
    if refusals:
        raise BackupError(f"this home is not empty ({'; '.join(refusals)}): restore only into a new, empty home "
                          f"(a new LITOPYS_HOME and a new database)")
    installs = plan_keys(manifest, src)
    stored_bytes = store_items(vault, src, items, sums, progress)
    log = checkpoint_log.path()
    try:
        with transaction.atomic():
            rows = tables.load(src / "database", manifest["database"]["tables"], progress=None)
            if (src / LOG).exists():
                write_private(log, (src / LOG).read_bytes())
    except BaseException:
        if (src / LOG).exists():
            log.unlink(missing_ok=True)
        raise
    for target, data in installs:
        write_private(target, data)
    return Restored(str(src), rows, len(items), stored_bytes, [str(target) for target, _ in installs],
                    time.monotonic() - started)


def check_migrations(manifest: dict) -> None:
    here = {tuple(pair) for pair in MigrationRecorder(connection).applied_migrations()}
    there = {tuple(pair) for pair in manifest["migrations"]}
    if there - here:
        raise BackupError(f"the backup was made by a newer Litopys ({len(there - here)} migration(s) unknown here, "
                          f"e.g. {'.'.join(sorted(there - here)[0])}); restore it with that version")
    if here - there:
        raise BackupError(f"the backup was made by an older Litopys ({len(here - there)} migration(s) newer here); "
                          "restore it with that version, then run `litopys migrate`")


def home_refusals(vault, held: set[str]) -> list[str]:
    """Return what makes this home not empty: records, items the backup lacks, a checkpoint log."""
    refusals = [f"the database holds {rows} row(s) of {label}" for label, rows in tables.occupied().items()]
    foreign = sum(1 for digest in vault.digests() if digest not in held)
    if foreign:
        refusals.append(f"the vault holds {foreign} item(s) the backup does not")
    log = checkpoint_log.path()
    if log.exists() and log.stat().st_size:
        refusals.append(f"the checkpoint log {log} exists")
    return refusals


def plan_keys(manifest: dict, src: Path) -> list[tuple[Path, bytes]]:
    """Return the key files to install from the backup; refuse when a key the backup needs is not at hand."""
    installs = []
    listed = {key["name"]: key for key in manifest["keys"]}
    secret = listed.get("secret_key")
    if secret and secret_fingerprint(settings.SECRET_KEY) != secret["fingerprint"]:
        copy = src / KEYS / SECRET_KEY_FILE
        if not copy.exists():
            raise BackupError(f"the backup was made with another secret key (fingerprint {secret['fingerprint']}), "
                              "which seals verified claims: set LITOPYS_SECRET_KEY to it or write it into "
                              f"{Path(settings.LITOPYS_HOME) / SECRET_KEY_FILE}, then run restore again")
        if os.environ.get("LITOPYS_SECRET_KEY"):
            raise BackupError("LITOPYS_SECRET_KEY is set to another key than the backup's; unset it (the backup's "
                              "key is then installed in LITOPYS_HOME) or set it to the backup's key")
        installs.append((Path(settings.LITOPYS_HOME) / SECRET_KEY_FILE, copy.read_bytes()))
    signing = listed.get("signing_key")
    if signing:
        here = signing_public_key()
        target = Path(settings.LITOPYS_SIGNING_KEY)
        if here is not None and here != signing["public_key"]:
            raise BackupError(f"{target} holds another signing key than the one that signed the backup's checkpoints "
                              f"(public key {signing['public_key']}); move it away, then run restore again")
        if here is None:
            copy = src / KEYS / SIGNING_KEY_FILE
            if not copy.exists():
                raise BackupError(f"the backup's checkpoints are signed with the key whose public key is "
                                  f"{signing['public_key']}: put that key at {target} (LITOPYS_SIGNING_KEY) from where "
                                  "you keep it, then run restore again")
            installs.append((target, copy.read_bytes()))
    return installs


def store_items(vault, src: Path, items: dict[str, str], sums: dict[str, str], progress) -> int:
    """Store each of the backup's items through the vault, re-hashed; return the bytes read."""
    total = 0
    for digest, name in sorted(items.items()):
        path = src / name
        if PREFIX + sums[name] != digest:
            raise BackupError(f"{path} is listed in sha256sums.txt under another hash; the backup is damaged")
        if vault.exists(digest):
            continue
        try:
            # Checked before it is stored: damaged bytes would otherwise land in the vault under their own hash.
            if PREFIX + file_digest(path) != digest:
                raise BackupError(f"{path} does not hash to its name; the backup is damaged")
            with open(path, "rb") as handle:
                stored = vault.store(handle, ANY_SIZE, label=str(path))
        except FileNotFoundError:
            raise BackupError(f"{path} is missing from the backup; the backup is incomplete") from None
        except (OSError, VaultError) as exc:
            raise BackupError(f"{path} cannot be restored into the vault ({exc}); check the vault and run restore "
                              "again") from None
        if stored.digest != digest:
            raise BackupError(f"{path} does not hash to its name (it holds {stored.digest}); the backup is damaged")
        total += stored.size
        if progress:
            progress(stored.size)
    return total
