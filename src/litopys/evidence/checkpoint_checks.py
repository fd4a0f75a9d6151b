"""Check the ledger's checkpoints: their Merkle roots and signatures, the log kept outside the database, and
the RFC 3161 timestamps kept with them (part of `integrity.verify`; see docs/evidence.md).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings

from litopys.evidence import checkpoint_log, ledger, merkle, rfc3161, signing, stamping
from litopys.evidence.hashing import PREFIX
from litopys.evidence.models import Checkpoint, CustodyEvent
from litopys.evidence.problems import Problem

if TYPE_CHECKING:
    from litopys.evidence.integrity import Report


def check_log(report: Report, entries: list[CustodyEvent]) -> None:
    """Compare the checkpoints in the database with the log kept outside it."""
    stored = {point.tree_size: point for point in Checkpoint.objects.order_by("tree_size")}
    try:
        logged = checkpoint_log.read()
    except checkpoint_log.CheckpointLogError as exc:
        report.problems.append(Problem("checkpoint_log", str(checkpoint_log.path()), str(exc)))
        return
    where = checkpoint_log.path()
    if entries and not stored and not logged:
        report.problems.append(Problem(
            "no_checkpoint", "ledger", f"the ledger holds {len(entries)} entries but no checkpoint: run `litopys "
            "checkpoint`; if there was one, it was deleted"))
        return
    if logged is None:
        if stored:
            report.problems.append(Problem(
                "checkpoint_log", str(where), f"the checkpoint log {where} is missing: restore it from backup (after "
                "upgrading from a version without it, run `litopys checkpoint --adopt-log` once)"))
        return
    key = signing.public_key_text(signing.load_or_create_key(settings.LITOPYS_SIGNING_KEY))
    leaves = [merkle.leaf_hash(bytes.fromhex(e.entry_hash[len(PREFIX):])) for e in entries]
    for point in logged:
        name = f"checkpoint at {point.tree_size} entries"
        states = f"tree_size {point.tree_size}\nroot {point.root_hash}\n" in point.statement
        if not states or point.public_key != key or not signing.signature_valid(point.public_key, point.statement,
                                                                                 point.signature):
            report.problems.append(Problem("checkpoint_log", name, f"the log's {name} is not signed by this "
                                           "installation's key: the log was edited"))
            continue
        if point.tree_size > len(leaves):
            report.problems.append(Problem("bad_checkpoint", name, f"the ledger reached {point.tree_size} entries "
                                           f"when it was signed, and holds {len(leaves)} now: entries were removed"))
            continue
        root = PREFIX + merkle.root_from_leaf_hashes(leaves[: point.tree_size]).hex()
        if root != point.root_hash:
            report.problems.append(Problem("bad_checkpoint", name, f"the ledger's first {point.tree_size} entries no "
                                           "longer give the root signed then (kept in the log): they were rewritten"))
        in_database = stored.get(point.tree_size)
        if in_database is None:
            report.problems.append(Problem("bad_checkpoint", name, f"the {name} is in the log outside the "
                                           "database but not in the database: it was deleted"))
        elif in_database.root_hash != point.root_hash or in_database.signature != point.signature:
            report.problems.append(Problem("bad_checkpoint", name, f"the {name} in the database differs from the "
                                           "one in the log: it was replaced"))
    logged_sizes = {point.tree_size for point in logged}
    for size in sorted(set(stored) - logged_sizes):
        report.problems.append(Problem(
            "checkpoint_log", f"checkpoint at {size} entries", f"the checkpoint at {size} entries is not in the log "
            f"{where}: run `litopys checkpoint` to write it there (after a crash), or restore the log from backup"))


def check_checkpoints(report: Report, entries: list[CustodyEvent]) -> None:
    trusted = None
    key_path = settings.LITOPYS_SIGNING_KEY
    if key_path.exists():
        trusted = signing.public_key_text(signing.load_or_create_key(key_path))
    else:
        report.notes.append(f"signing key {key_path} is absent: signatures checked against the stored keys only")
    leaves = [merkle.leaf_hash(bytes.fromhex(e.entry_hash[len(PREFIX):])) for e in entries]
    for point in Checkpoint.objects.order_by("tree_size"):
        report.checkpoints_checked += 1
        name = f"checkpoint at {point.tree_size} entries"
        if point.tree_size > len(leaves):
            report.problems.append(Problem("bad_checkpoint", name,
                                           f"{name} covers more entries than the ledger holds ({len(leaves)})"))
            continue
        root = PREFIX + merkle.root_from_leaf_hashes(leaves[: point.tree_size]).hex()
        if root != point.root_hash:
            report.problems.append(Problem("bad_checkpoint", name,
                                           f"{name}: the ledger's Merkle root no longer matches the signed one"))
        expected_text = signing.statement(point.tree_size, point.root_hash, point.signed_at)
        if point.statement != expected_text:
            report.problems.append(Problem("bad_signature", name, f"{name}: its statement was edited"))
        if point.statement_digest != PREFIX + hashlib.sha256(point.statement.encode("utf-8")).hexdigest():
            report.problems.append(Problem("bad_signature", name, f"{name}: its statement digest (what a timestamp "
                                           "stamps) was edited"))
        if trusted and point.public_key != trusted:
            report.problems.append(Problem("bad_signature", name,
                                           f"{name} is signed by a key other than this installation's"))
        if not signing.signature_valid(point.public_key, point.statement, point.signature):
            report.problems.append(Problem("bad_signature", name, f"{name} has a bad signature"))


def check_timestamps(report: Report) -> None:
    """Check every RFC 3161 token kept with a checkpoint, and that the log outside the database keeps the same."""
    stored = list(Checkpoint.objects.order_by("tree_size"))
    proofs = [(point, proof) for point in stored for proof in stamping.rfc3161_proofs(point)]
    roots, late = None, []
    if proofs:
        try:
            roots = rfc3161.trust_roots(settings.LITOPYS_TSA_CA_FILE)
        except rfc3161.TimestampError as exc:
            report.problems.append(Problem("bad_timestamp", "LITOPYS_TSA_CA_FILE",
                                           f"{len(proofs)} timestamp token(s) cannot be checked: {exc}"))
    for point, proof in proofs if roots is not None else []:
        report.timestamps_checked += 1
        name, url = f"checkpoint at {point.tree_size} entries", proof.get("tsa_url", "?")
        digest = PREFIX + hashlib.sha256(point.statement.encode("utf-8")).hexdigest()
        try:
            checked = rfc3161.check(proof.get("token", ""), digest, proof.get("nonce", ""), roots)
        except rfc3161.TokenInvalid as exc:
            report.problems.append(Problem("bad_timestamp", name, f"{name}: its RFC 3161 token from {url} does not "
                                           f"prove it: {exc}"))
            continue
        tsa_time = checked.tsa_time.strftime("%Y-%m-%dT%H:%M:%SZ")
        if proof.get("tsa_time") != tsa_time:
            report.problems.append(Problem("bad_timestamp", name, f"{name}: the TSA time kept beside its token "
                                           f"({proof.get('tsa_time')}) is not the token's ({tsa_time}): it was edited"))
        report.timestamps.append({"tree_size": point.tree_size, "signed_at": ledger.canonical_time(point.signed_at),
                                  "tsa_url": url, "tsa": checked.tsa, "tsa_time": tsa_time})
        late.append((checked.tsa_time - point.signed_at, point.tree_size))
    try:
        logged = checkpoint_log.read_stamps() if checkpoint_log.read() is not None else None
    except checkpoint_log.CheckpointLogError:
        logged = None  # check_log names the unreadable log
    if logged is not None:
        kept = {(point.tree_size, proof.get("tsa_url")): proof.get("token") for point, proof in proofs}
        in_log = {(line.tree_size, line.tsa_url): line for line in logged}
        for (size, url), line in in_log.items():
            name = f"checkpoint at {size} entries"
            if (size, url) not in kept:
                report.problems.append(Problem("bad_timestamp", name, f"the log keeps an RFC 3161 token of the {name} "
                                               f"(from {url}, TSA time {line.tsa_time}) that the database does not "
                                               "have: it was removed there"))
            elif kept[(size, url)] != line.token:
                report.problems.append(Problem("bad_timestamp", name, f"the RFC 3161 token of the {name} from {url} "
                                               "is not the one the log keeps: it was replaced"))
        for size, url in sorted(set(kept) - set(in_log)):
            report.problems.append(Problem(
                "checkpoint_log", f"checkpoint at {size} entries", f"the RFC 3161 token of the checkpoint at {size} "
                f"entries from {url} is not in the log: run `litopys checkpoint` to write it there (after a crash), "
                "or restore the log from backup"))
    waiting = sum(point.stamp_pending for point in stored)
    if waiting:
        report.notes.append(f"{waiting} checkpoint(s) await a timestamp (the TSA could not be reached): run "
                            "`litopys checkpoint --stamp-pending`")
    bare = [point.tree_size for point in stored if not point.stamp_pending and not stamping.rfc3161_proofs(point)]
    if bare and settings.LITOPYS_TSA_URL:
        report.notes.append(f"{len(bare)} checkpoint(s) carry no timestamp and await none (signed before a TSA was "
                            f"configured, or their token was removed from the database and the log); the latest at "
                            f"{bare[-1]} entries")
    waited, at = max(late, default=(timedelta(0), 0))
    waited = timedelta(minutes=round(waited.total_seconds() / 60))
    if waited > timedelta(hours=1):
        report.notes.append(f"{sum(gap > timedelta(hours=1) for gap, _ in late)} timestamp(s) were made more than an "
                            "hour after their checkpoint was signed (the TSA was down, or the checkpoint was made "
                            f"again later); the longest wait, {waited}, at {at} entries")
    if report.timestamps:
        last = report.timestamps[-1]
        report.notes.append(f"{len(report.timestamps)} RFC 3161 timestamp(s) verified; the checkpoint at "
                            f"{last['tree_size']} entries was stamped by {last['tsa']} at {last['tsa_time']}")
