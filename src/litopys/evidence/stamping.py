"""Have checkpoints stamped by the configured RFC 3161 time-stamping authorities (LITOPYS_TSA_URL).

Each configured TSA stamps each checkpoint signed while it is configured; the token is kept in the
checkpoint's ``timestamp_proofs`` and appended to the checkpoint log outside the database. A TSA that cannot
be reached never costs a checkpoint: the checkpoint stays, marked ``stamp_pending`` with the reason, and
is stamped later — by the next checkpoint that reaches the TSA, by the worker after its next job, or by
`litopys checkpoint --stamp-pending`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from litopys.evidence import checkpoint_log, rfc3161
from litopys.evidence.models import Checkpoint

logger = logging.getLogger(__name__)


@dataclass
class Outcome:
    """What stamping one checkpoint gave: the new stamps and the TSAs that failed, with why."""

    checkpoint: Checkpoint
    stamps: list[rfc3161.Stamp] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def pending(self) -> bool:
        return self.checkpoint.stamp_pending


def configured() -> bool:
    return bool(settings.LITOPYS_TSA_URL)


def rfc3161_proofs(point: Checkpoint) -> list[dict]:
    return [proof for proof in point.timestamp_proofs or [] if proof.get("kind") == rfc3161.KIND]


def missing_urls(point: Checkpoint) -> list[str]:
    """Return the configured TSAs that have not stamped this checkpoint."""
    have = {proof.get("tsa_url") for proof in rfc3161_proofs(point)}
    return [url for url in settings.LITOPYS_TSA_URL if url not in have]


def stamp(point: Checkpoint, roots=None) -> Outcome:
    """Ask every configured TSA that has not stamped the checkpoint yet; keep each token that checks out."""
    outcome = Outcome(point)
    try:
        roots = roots if roots is not None else rfc3161.trust_roots(settings.LITOPYS_TSA_CA_FILE)
    except rfc3161.TimestampError as exc:
        outcome.failures.append(str(exc))
        roots = None
    for url in missing_urls(point) if roots is not None else []:
        try:
            found = rfc3161.stamp(url, point.statement.encode("utf-8"), roots, settings.LITOPYS_TSA_TIMEOUT)
        except rfc3161.TimestampError as exc:
            outcome.failures.append(str(exc))
            continue
        if _keep(point, found.as_proof()):
            outcome.stamps.append(found)
    with transaction.atomic():
        fresh = Checkpoint.objects.select_for_update().get(pk=point.pk)
        fresh.stamp_pending = bool(missing_urls(fresh))
        fresh.stamp_error = "; ".join(outcome.failures)[:1000] if fresh.stamp_pending else ""
        fresh.save(update_fields=["stamp_pending", "stamp_error"])
    point.timestamp_proofs, point.stamp_pending, point.stamp_error = (fresh.timestamp_proofs, fresh.stamp_pending,
                                                                       fresh.stamp_error)
    for failure in outcome.failures:
        logger.warning("checkpoint at %d entries kept without a timestamp: %s", point.tree_size, failure)
    return outcome


def _keep(point: Checkpoint, proof: dict) -> bool:
    """Add a proof to the checkpoint (once per TSA, also when two processes stamp at once), then log it."""
    with transaction.atomic():
        fresh = Checkpoint.objects.select_for_update().get(pk=point.pk)
        if any(kept.get("tsa_url") == proof["tsa_url"] for kept in rfc3161_proofs(fresh)):
            return False
        fresh.timestamp_proofs = [*(fresh.timestamp_proofs or []), proof]
        fresh.save(update_fields=["timestamp_proofs"])
    point.timestamp_proofs = fresh.timestamp_proofs
    checkpoint_log.append_stamp(fresh, proof)
    return True


def stamp_new(point: Checkpoint | None) -> Outcome | None:
    """Stamp a checkpoint just signed; when a TSA answered, stamp the ones still pending too."""
    if point is None or not configured():
        return None
    outcome = stamp(point)
    if outcome.stamps:
        stamp_pending(exclude=point.pk)
    return outcome


def stamp_pending(exclude: int | None = None) -> list[Outcome]:
    """Stamp every checkpoint still awaiting a timestamp, oldest first; return what each got."""
    if not configured():
        return []
    waiting = Checkpoint.objects.filter(stamp_pending=True).exclude(pk=exclude).order_by("tree_size")
    try:
        roots = rfc3161.trust_roots(settings.LITOPYS_TSA_CA_FILE)
    except rfc3161.TimestampError:
        roots = None  # each checkpoint's outcome then carries the reason
    return [stamp(point, roots) for point in waiting]


def bring_log_up_to_date() -> int:
    """Append to the log the timestamps the database holds and the log lacks (after a crash between the two
    writes); only tokens that check out for their checkpoint are copied. Returns how many."""
    logged = {(line.tree_size, line.token) for line in checkpoint_log.read_stamps()}
    written = 0
    roots = None
    for point in Checkpoint.objects.exclude(timestamp_proofs=[]).order_by("tree_size"):
        for proof in rfc3161_proofs(point):
            if (point.tree_size, proof.get("token")) in logged:
                continue
            try:
                roots = roots if roots is not None else rfc3161.trust_roots(settings.LITOPYS_TSA_CA_FILE)
                rfc3161.check(proof["token"], point.statement_digest, proof["nonce"], roots)
            except (rfc3161.TimestampError, KeyError):
                continue
            written += checkpoint_log.append_stamp(point, proof)
    return written
