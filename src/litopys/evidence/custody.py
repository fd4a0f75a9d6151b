"""Write to the custody ledger and sign checkpoints; the only code that appends entries."""

import hashlib

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from litopys.evidence import checkpoint_log, ledger, merkle, signing, stamping
from litopys.evidence.hashing import PREFIX
from litopys.evidence.models import Checkpoint, CustodyEvent

# Any constant works: it names the advisory lock that serialises appends on PostgreSQL.
_LEDGER_LOCK = 0x4C49544F


def _lock_ledger() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LEDGER_LOCK])


def record(action: str, actor: str, item_hash: str = "", **details) -> CustodyEvent:
    """Append one event to the ledger, linked to the one before it."""
    with transaction.atomic():
        _lock_ledger()
        last = CustodyEvent.objects.order_by("-sequence").only("sequence", "entry_hash").first()
        sequence = last.sequence + 1 if last else 1
        prev_hash = last.entry_hash if last else ledger.GENESIS
        occurred_at = timezone.now()
        # Round-trip through canonical JSON so what is stored is exactly what was hashed.
        clean = _json_safe(details)
        canonical = ledger.canonical_entry(sequence, occurred_at, actor, action, item_hash, clean)
        return CustodyEvent.objects.create(
            sequence=sequence, occurred_at=occurred_at, actor=actor, action=action, item_hash=item_hash,
            details=clean, prev_hash=prev_hash, entry_hash=ledger.entry_hash(prev_hash, canonical))


def _json_safe(details: dict) -> dict:
    import json

    return json.loads(json.dumps(details, default=str, ensure_ascii=False))


def history(item_hash: str):
    """Return the events that name an item, oldest first."""
    return CustodyEvent.objects.filter(item_hash=item_hash).order_by("sequence")


def leaf_hashes(limit: int | None = None) -> list[bytes]:
    """Return the Merkle leaf hashes of the ledger: one per entry, over its entry hash."""
    rows = CustodyEvent.objects.order_by("sequence").values_list("entry_hash", flat=True)
    if limit is not None:
        rows = rows[:limit]
    return [merkle.leaf_hash(bytes.fromhex(value[len(PREFIX):])) for value in rows]


def checkpoint() -> Checkpoint | None:
    """Sign a checkpoint over all entries so far, append it to the checkpoint log outside the database, and
    have it stamped by the configured time-stamping authorities; return None when nothing is new.

    A TSA that cannot be reached leaves the checkpoint signed, logged and marked ``stamp_pending``."""
    point = _sign_checkpoint()
    checkpoint_log.bring_up_to_date()
    stamping.stamp_new(point)
    return point


def _sign_checkpoint() -> Checkpoint | None:
    with transaction.atomic():
        _lock_ledger()
        size = CustodyEvent.objects.count()
        latest = Checkpoint.objects.order_by("-tree_size").first()
        if size == 0 or (latest and latest.tree_size >= size):
            return None
        root = PREFIX + merkle.root_from_leaf_hashes(leaf_hashes()).hex()
        key = signing.load_or_create_key(settings.LITOPYS_SIGNING_KEY)
        signed_at = timezone.now()
        text = signing.statement(size, root, signed_at)
        return Checkpoint.objects.create(
            tree_size=size, root_hash=root, signed_at=signed_at, statement=text,
            statement_digest=PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest(),
            public_key=signing.public_key_text(key), signature=signing.sign(key, text),
            stamp_pending=bool(settings.LITOPYS_TSA_URL))
