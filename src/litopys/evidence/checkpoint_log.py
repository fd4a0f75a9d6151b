"""The checkpoint log: every signed checkpoint also written outside the database, in an append-only file.

The database can be rewritten by whoever can write to it: rows deleted, the hash chain recomputed, the
checkpoints with it. The log remembers how far the ledger reached and what its Merkle root was, signed with
the installation's key (kept beside it, outside the database). ``verify`` compares the two: a checkpoint
missing from either side, a root that differs, or a ledger that no longer reproduces a logged root is a
problem. One JSON object a line; lines are only ever appended, and each append is fsynced.

A checkpoint's RFC 3161 timestamps are appended too, as lines of their own (``"kind": "rfc3161"``) when they
arrive, which may be long after the checkpoint (the TSA was down). They need no signature of ours: the
TSA's signature in the token is the proof.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings

from litopys.evidence.ledger import canonical_time


class CheckpointLogError(Exception):
    """The checkpoint log cannot be read or written; the message names the file and what to do."""


@dataclass(frozen=True)
class LoggedCheckpoint:
    tree_size: int
    root_hash: str
    signed_at: str
    statement: str
    public_key: str
    signature: str


@dataclass(frozen=True)
class LoggedStamp:
    kind: str
    tree_size: int
    statement_digest: str
    tsa_url: str
    token: str
    nonce: str
    tsa_time: str


def path() -> Path:
    return Path(settings.LITOPYS_CHECKPOINT_LOG)


def entry_of(checkpoint) -> LoggedCheckpoint:
    return LoggedCheckpoint(checkpoint.tree_size, checkpoint.root_hash, canonical_time(checkpoint.signed_at),
                            checkpoint.statement, checkpoint.public_key, checkpoint.signature)


def read() -> list[LoggedCheckpoint] | None:
    """Return the logged checkpoints in order, or None when there is no log."""
    lines = _lines()
    return None if lines is None else [line for line in lines if isinstance(line, LoggedCheckpoint)]


def read_stamps() -> list[LoggedStamp]:
    """Return the logged timestamps in order (none when there is no log)."""
    return [line for line in _lines() or [] if isinstance(line, LoggedStamp)]


def _lines() -> list[LoggedCheckpoint | LoggedStamp] | None:
    where = path()
    if not where.exists():
        return None
    found = []
    try:
        lines = where.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CheckpointLogError(f"{where} cannot be read ({exc.strerror}); restore it from backup") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            found.append(LoggedStamp(**data) if "kind" in data else LoggedCheckpoint(**data))
        except (ValueError, TypeError) as exc:
            raise CheckpointLogError(f"{where} line {number} is not a checkpoint ({exc}); the log was edited — "
                                     "restore it from backup") from None
    return found


def append(checkpoints) -> int:
    """Append checkpoints to the log (oldest first), each line fsynced; return how many were written."""
    return _write([asdict(entry_of(point)) for point in checkpoints])


def append_stamp(checkpoint, proof: dict) -> int:
    """Append one RFC 3161 timestamp of a checkpoint to the log."""
    return _write([asdict(stamp_of(checkpoint, proof))])


def stamp_of(checkpoint, proof: dict) -> LoggedStamp:
    return LoggedStamp(proof["kind"], checkpoint.tree_size, checkpoint.statement_digest, proof["tsa_url"],
                       proof["token"], proof["nonce"], proof["tsa_time"])


def _write(entries: list[dict]) -> int:
    where = path()
    where.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n" for entry in entries]
    if not lines:
        return 0
    fd = os.open(where, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, "".join(lines).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return len(lines)


def bring_up_to_date() -> int:
    """Append the database's checkpoints newer than the log's last one (after a crash between the two
    writes); a checkpoint not signed by this installation's key is never copied. Returns how many."""
    from litopys.evidence import signing
    from litopys.evidence.models import Checkpoint

    logged = read() or []
    last = logged[-1].tree_size if logged else 0
    key = signing.public_key_text(signing.load_or_create_key(settings.LITOPYS_SIGNING_KEY))
    newer = [point for point in Checkpoint.objects.filter(tree_size__gt=last).order_by("tree_size")
             if point.public_key == key and signing.signature_valid(point.public_key, point.statement,
                                                                      point.signature)]
    return append(newer)
