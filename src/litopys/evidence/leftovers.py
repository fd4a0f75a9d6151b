"""What interrupted work leaves in the vault, found and cleaned on the next run.

- **Partial files** (`tmp/.partial-*`): a write that never reached its final name. Their writer holds a
  lock on them until the rename, so a partial file nobody holds belongs to a process that died; it is
  removed. One still held belongs to a write in progress (another ingest, a capture) and is left alone.
- **Orphans**: bytes under a final name that no item record names. A run stopped between making the bytes
  durable and recording them (Ctrl-C finishes the files already read; `kill -9` can stop anywhere) leaves
  them. They are reported, never deleted: ingesting the same file again records them.

Each ingest run marks itself running (a locked file); the next run finds the mark of a run that died
(or was interrupted) and then looks for orphans, so a normal run never walks the whole vault.
`litopys verify` always lists orphans.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from litopys.evidence.vault import Vault, VaultError

#: A partial file younger than this is left alone even when unlocked: its writer may be about to lock it.
STALE_SECONDS = 2.0
RUN_MARK = ".ingest-run-"


@dataclass
class Leftovers:
    removed: list[str] = field(default_factory=list)
    busy: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)


def _unheld(path: str | Path, min_age: float = 0.0) -> int | None:
    """Return an open descriptor of path, locked, when no other process holds it; else None."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None  # gone meanwhile: its writer finished
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if time.time() - os.fstat(fd).st_mtime >= min_age:
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


def sweep_partials(vault: Vault) -> tuple[list[str], list[str]]:
    """Remove the partial files of writes whose writer is gone; return (removed, still being written)."""
    removed, busy = [], []
    for name in vault.partials():
        fd = _unheld(name, STALE_SECONDS)
        if fd is None:
            if os.path.exists(name):
                busy.append(name)
            continue
        try:
            os.unlink(name)
            removed.append(name)
        except FileNotFoundError:
            pass
        finally:
            os.close(fd)
    return removed, busy


def orphans(vault: Vault, batch: int = 1000) -> list[str]:
    """Return the digests the vault stores that no item record names (in batches: memory stays flat)."""
    from litopys.evidence.models import Item

    found = []
    digests = iter(vault.digests())
    while chunk := list(islice(digests, batch)):
        known = set(Item.objects.filter(sha256__in=chunk).values_list("sha256", flat=True))
        found.extend(digest for digest in chunk if digest not in known)
    return found


def _runs_folder(vault: Vault) -> Path:
    folder = getattr(vault, "tmp", None)
    if folder is None:
        from django.conf import settings

        folder = Path(settings.LITOPYS_HOME) / "ingest-runs"
    folder.mkdir(parents=True, exist_ok=True)
    return Path(folder)


class Run:
    """A running ingest, marked by a locked file; `interrupted` keeps the mark for the next run to see."""

    def __init__(self, leftovers: Leftovers):
        self.leftovers = leftovers
        self.interrupted = False


@contextmanager
def ingest_run(vault: Vault) -> Iterator[Run]:
    """Clean up after runs that died, then mark this one running until it ends (VaultError when it cannot)."""
    leftovers = Leftovers()
    try:
        leftovers.removed, leftovers.busy = sweep_partials(vault)
        folder = _runs_folder(vault)
        dead = []
        for mark in folder.glob(f"{RUN_MARK}*"):
            fd = _unheld(mark)
            if fd is not None:
                dead.append((mark, fd))
        if dead:
            leftovers.orphans = orphans(vault)
        for mark, fd in dead:
            mark.unlink(missing_ok=True)
            os.close(fd)
        mark = folder / f"{RUN_MARK}{os.getpid()}-{secrets.token_hex(4)}"
        fd = os.open(mark, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as exc:
        raise VaultError(f"the vault cannot be prepared for ingest: {exc.filename or 'its folder'} "
                         f"({exc.strerror}); check LITOPYS_VAULT_ROOT and its permissions") from None
    run = Run(leftovers)
    finished = False
    try:
        yield run
        finished = not run.interrupted
    finally:
        if finished:
            mark.unlink(missing_ok=True)
        os.close(fd)
