"""`litopys backup DEST`: the database, the vault and the checkpoint log, as they stood at one moment.

The database is read in one snapshot (PostgreSQL: a repeatable-read transaction; SQLite: one read transaction,
which in WAL mode lets writers go on). The vault's items are those the snapshot names — bytes are never
changed, so copying them after is safe — each re-hashed as it is copied. The checkpoint log is cut at the
snapshot's last checkpoint. Everything is written into a hidden folder beside DEST and renamed to DEST only
when whole: a backup that failed leaves nothing behind.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

import litopys
from litopys.core.backup import tables
from litopys.core.backup.manifest import (
    FORMAT,
    LOG,
    MANIFEST,
    BackupError,
    copy_keys,
    keys_in_force,
    write_sums,
)
from litopys.evidence import checkpoint_log
from litopys.evidence.hashing import PREFIX, hex_of
from litopys.evidence.models import Checkpoint, CustodyEvent, Item
from litopys.evidence.vault import get_vault, relative_name

#: Items are copied through a buffer of this size (one per copying thread), hashed on the way.
COPY = 1024 * 1024
COPIERS = 4


@dataclass
class Made:
    path: str
    tables: int
    rows: int
    items: int
    item_bytes: int
    entries: int
    checkpoints: int
    keys_included: bool
    total_bytes: int
    seconds: float
    digest: str  # of sha256sums.txt: write it down to know the backup later
    #: Items the database names whose bytes the vault does not hold as themselves (sealed, or missing).
    absent: int = 0


@contextmanager
def snapshot():
    """Read the whole database as it stood at one moment."""
    if connection.in_atomic_block:  # already inside a transaction (a test): it is the snapshot
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    else:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")


def applied_migrations() -> list[list[str]]:
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise BackupError(f"the database {connection.settings_dict.get('NAME')} needs migrating for this version of "
                          "Litopys: back it up with the version that made it (or copy it with pg_dump or as a file), "
                          "then run `litopys migrate`")
    return sorted([app, name] for app, name in executor.loader.applied_migrations)


def prepare_folder(dest: Path) -> Path:
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise BackupError(f"{dest} exists and is not an empty folder; give a new folder for the backup")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial = dest.parent / f".{dest.name}.partial-{secrets.token_hex(4)}"
        partial.mkdir()
    except OSError as exc:
        raise BackupError(f"{dest} cannot be written ({exc.strerror}); give a writable folder") from None
    return partial


def make_backup(dest: Path, include_keys: bool = False, progress: Callable[[int], None] | None = None) -> Made:
    """Back up the database, the vault and the checkpoint log into dest (a new or empty folder)."""
    started = time.monotonic()
    dest = Path(dest).absolute()
    migrations = applied_migrations()
    partial = prepare_folder(dest)
    try:
        with snapshot():
            written = tables.dump(partial / "database")
            items = list(Item.objects.order_by("sha256").values_list("sha256", "size"))
            last = Checkpoint.objects.order_by("-tree_size").values_list("tree_size", flat=True).first()
            entries = CustodyEvent.objects.count()
            checkpoints = Checkpoint.objects.count()
        sizes = dict(items)
        known, held_bytes = copy_vault(sizes, partial, progress)
        absent = sum(1 for digest in sizes if f"vault/{relative_name(digest)}" not in known)
        logged = copy_log(partial / LOG, last)
        if include_keys:
            copy_keys(partial)
        manifest = {
            "format": FORMAT, "made_at": timezone.now().isoformat(), "litopys": litopys.__version__,
            "database": {"vendor": connection.vendor, "tables": written}, "migrations": migrations,
            "vault": {"backend": settings.LITOPYS_VAULT["BACKEND"], "objects": len(known), "bytes": held_bytes,
                      "items_named": len(items), "items_named_absent": absent},
            "ledger": {"entries": entries, "checkpoints": checkpoints, "last_checkpoint": last},
            "checkpoint_log": {"lines": logged} if logged is not None else None,
            "keys": keys_in_force(), "keys_included": include_keys,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        digest = write_sums(partial, known)
        total = sum(path.stat().st_size for path in partial.rglob("*") if path.is_file())
        flush_filesystem(partial)
        if dest.exists():
            dest.rmdir()
        os.rename(partial, dest)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return Made(str(dest), len(written), sum(written.values()), len(known), held_bytes, entries, checkpoints,
                include_keys, total, time.monotonic() - started, digest, absent)


def flush_filesystem(folder: Path) -> None:
    """Make everything written to the backup's file system durable (syncfs, else sync)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(folder, os.O_RDONLY)
        try:
            if libc.syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    except (OSError, AttributeError):
        pass
    os.sync()


def copy_vault(sizes: dict[str, int], folder: Path, progress) -> tuple[dict[str, str], int]:
    """Copy every object the vault holds into folder/vault under its hash, as stored (an encrypted item stays
    encrypted), re-hashing each; return backup path -> hex digest, and the bytes copied.

    A few items are copied at once: reading, hashing and writing all release the interpreter lock, so the
    disks and the cores are kept busy together.
    """
    vault = get_vault()
    raw = getattr(vault, "inner", vault)  # the backend itself, under any layer that decrypts
    local = threading.local()

    def copy(digest: str) -> tuple[str, int]:
        size = sizes.get(digest)
        target = folder / "vault" / relative_name(digest)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not hasattr(local, "buffer"):
            local.buffer = bytearray(COPY)
        try:
            with raw.open(digest) as source, open(target, "wb") as out:
                actual, copied = copy_item(source, out, local.buffer, size)
        except FileNotFoundError:
            raise BackupError(f"item {digest} went missing from the vault during the backup; run `litopys verify`, "
                              "and back up again once the vault is intact") from None
        except OSError as exc:
            raise BackupError(f"item {digest} cannot be read from the vault ({exc.strerror or exc}); check the "
                              "vault and back up again") from None
        if actual != digest or (size is not None and copied != size):
            raise BackupError(f"item {digest} in the vault is altered (its bytes no longer hash to its name); run "
                              "`litopys verify`: a backup never copies damaged evidence as if it were whole")
        if progress:
            progress(copied)
        return digest, copied

    known = {}
    total = 0
    with ThreadPoolExecutor(max_workers=COPIERS, thread_name_prefix="backup-copy") as pool:
        for digest, copied in pool.map(copy, sorted(raw.digests())):
            known[f"vault/{relative_name(digest)}"] = hex_of(digest)
            total += copied
    return known, total


def copy_item(source, out, buffer: bytearray, size: int | None) -> tuple[str, int]:
    """Copy and hash one item through one reused buffer; return its digest and size (stops past `size`)."""
    hasher = hashlib.sha256()
    view = memoryview(buffer)
    copied = 0
    while (size is None or copied <= size) and (count := source.readinto(buffer)):
        hasher.update(view[:count])
        out.write(view[:count])
        copied += count
    return PREFIX + hasher.hexdigest(), copied


def copy_log(target: Path, last_tree_size: int | None) -> int | None:
    """Copy the checkpoint log's lines up to the snapshot's last checkpoint; return how many, None if no log."""
    source = checkpoint_log.path()
    if not source.exists():
        return None
    kept = []
    for line in source.read_text(encoding="utf-8").splitlines(keepends=True):
        if not line.strip():
            continue
        try:
            size = json.loads(line)["tree_size"]
        except (ValueError, KeyError, TypeError):
            raise BackupError(f"{source} holds a line that is not a checkpoint; run `litopys verify`") from None
        if last_tree_size is None or size > last_tree_size:
            break
        kept.append(line)
    target.write_text("".join(kept), encoding="utf-8")
    return len(kept)
