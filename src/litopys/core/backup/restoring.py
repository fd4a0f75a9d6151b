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
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from litopys.core.backup import tables
from litopys.core.backup.manifest import (
    KEY_SPECS,
    KEYS,
    LOG,
    BackupError,
    check_files,
    file_digest,
    read_manifest,
    write_private,
)
from litopys.evidence import checkpoint_log
from litopys.evidence.hashing import PREFIX
from litopys.evidence.vault import VaultError, get_vault

VAULT = "vault/"
#: Restore brings back what was held, whatever LITOPYS_MAX_ITEM_BYTES says now.
ANY_SIZE = 2**62
#: Items read ahead while earlier ones are made durable.
AHEAD = 8


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
    vault = getattr(vault, "inner", vault)  # objects are restored as stored (an encrypted item stays encrypted)
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


KEY_LABELS = {"secret_key": "secret key", "signing_key": "custody signing key", "vault_key": "vault key"}


def plan_keys(manifest: dict, src: Path) -> list[tuple[Path, bytes]]:
    """Return the key files to install from the backup; refuse when a key the backup needs is not at hand."""
    specs = {key.name: key for key in KEY_SPECS}
    installs = []
    for listed in manifest["keys"]:
        key = specs.get(listed["name"])
        if key is None:
            continue
        label = KEY_LABELS.get(key.name, key.name)
        here = key.text()
        if here is not None and key.fingerprint(here) == listed["fingerprint"]:
            continue
        given = key.env if key.env and os.environ.get(key.env, "").strip() else None
        # A new home's generated secret key protects nothing yet: the backup's replaces it. Any other key in
        # force that is not the backup's is someone's key: never overwritten.
        if given or (here is not None and key.name != "secret_key"):
            raise BackupError(f"{given or key.path()} holds another {label} than the backup's (fingerprint "
                              f"{listed['fingerprint']}); unset it or move it away, then run restore again")
        copy = src / KEYS / key.name
        if not copy.exists():
            public = f", public key {listed['public_key']}" if listed.get("public_key") else ""
            raise BackupError(f"the backup needs its {label} (fingerprint {listed['fingerprint']}{public}): put it at "
                              f"{key.path()} or in {key.env or key.setting} from where you keep it, or restore a "
                              "backup made with --include-keys")
        installs.append((key.path(), copy.read_bytes()))
    return installs


def store_items(vault, src: Path, items: dict[str, str], sums: dict[str, str], progress) -> int:
    """Store each of the backup's items through the vault, re-hashed; return the bytes read.

    A few items are under way at once, as in ingest: one is read while the one before is made durable.
    """
    total = 0
    waiting: deque = deque()

    def settle() -> None:
        nonlocal total
        path, digest, pending = waiting.popleft()
        try:
            stored = pending.finish()
        except VaultError as exc:
            raise BackupError(f"{path} cannot be restored into the vault ({exc}); check the vault and run restore "
                              "again") from None
        if stored.digest != digest:
            raise BackupError(f"{path} does not hash to its name (it holds {stored.digest}); the backup is damaged")
        total += stored.size
        if progress:
            progress(stored.size)

    try:
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
                    waiting.append((path, digest, vault.begin(handle, ANY_SIZE, label=str(path))))
            except FileNotFoundError:
                raise BackupError(f"{path} is missing from the backup; the backup is incomplete") from None
            except (OSError, VaultError) as exc:
                raise BackupError(f"{path} cannot be restored into the vault ({exc}); check the vault and run "
                                  "restore again") from None
            while len(waiting) > AHEAD:
                settle()
        while waiting:
            settle()
    finally:
        for _path, _digest, pending in waiting:  # an error stopped us: let the writes under way end whole
            try:
                pending.finish()
            except VaultError:
                pass
    return total
