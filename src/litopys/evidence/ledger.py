"""The custody ledger's hash chain: canonical entries, entry hashes and the walk that checks them.

Each entry's hash covers the previous entry's hash and the canonical JSON of the entry, so
changing, removing or reordering any row breaks every link after it.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from litopys.evidence.hashing import PREFIX, ZERO

GENESIS = ZERO


def canonical_time(moment: datetime) -> str:
    """Return a UTC timestamp with microseconds, the form that is hashed."""
    if moment.tzinfo is None:
        raise ValueError("custody times must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_entry(sequence: int, occurred_at: datetime, actor: str, action: str,
                    item_hash: str, details: dict) -> bytes:
    """Return the canonical JSON of one ledger entry (sorted keys, no spaces, UTF-8)."""
    entry = {
        "sequence": sequence,
        "occurred_at": canonical_time(occurred_at),
        "actor": actor,
        "action": action,
        "item_hash": item_hash,
        "details": details,
    }
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(prev_hash: str, canonical: bytes) -> str:
    """Return SHA-256 over the previous hash (as text) and the canonical entry."""
    return PREFIX + hashlib.sha256(prev_hash.encode("ascii") + b"\n" + canonical).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    sequence: int
    message: str


def walk_chain(entries) -> list[ChainProblem]:
    """Check links and hashes of entries (objects with the ledger fields), in stored order."""
    problems: list[ChainProblem] = []
    expected_prev = GENESIS
    expected_sequence = 1
    for entry in entries:
        if entry.sequence != expected_sequence:
            problems.append(ChainProblem(entry.sequence, (
                f"ledger entry {entry.sequence} stands where entry {expected_sequence} should: "
                "an entry was removed, inserted or reordered")))
            expected_sequence = entry.sequence
        if entry.prev_hash != expected_prev:
            problems.append(ChainProblem(entry.sequence, (
                f"ledger entry {entry.sequence} does not link to the entry before it (broken link)")))
        canonical = canonical_entry(entry.sequence, entry.occurred_at, entry.actor, entry.action,
                                    entry.item_hash, entry.details)
        if entry_hash(entry.prev_hash, canonical) != entry.entry_hash:
            problems.append(ChainProblem(entry.sequence, (
                f"ledger entry {entry.sequence} was altered: its content no longer matches its hash")))
        expected_prev = entry.entry_hash
        expected_sequence += 1
    return problems
