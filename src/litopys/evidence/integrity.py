"""Check that what the vault holds is what was collected: bytes, records, ledger chain and checkpoints.

What each check catches (see docs/evidence.md for the whole threat model):

- every item's bytes hash to its name, and every item was brought in by a custody event of its hash and size,
  so bytes swapped under a new name with the item row pointed at them are found;
- every custody event that names an item names one the vault has a record of, so deleted rows are found;
- the hash chain links every entry to the one before;
- every checkpoint's Merkle root, statement and signature hold, and the checkpoints agree with the log kept
  outside the database, which remembers how far the ledger reached: rewriting the chain, deleting entries or
  checkpoints, or removing them all is found;
- every RFC 3161 token kept with a checkpoint stamps that checkpoint's statement, with the nonce sent, and is
  signed by a TSA whose certificate chains to the trusted CA certificates; the log keeps the same tokens.
"""

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import timedelta

from django.conf import settings

from litopys.evidence import checkpoint_log, ledger, merkle, rfc3161, sealed, signing, stamping
from litopys.evidence.hashed_copy import CHUNK
from litopys.evidence.hashing import PREFIX
from litopys.evidence.leftovers import orphans as stored_orphans
from litopys.evidence.models import Checkpoint, CustodyAction, CustodyEvent, Item
from litopys.evidence.problems import Problem
from litopys.evidence.vault import Vault, get_vault


@dataclass
class Report:
    items_checked: int = 0
    bytes_checked: int = 0
    entries_checked: int = 0
    checkpoints_checked: int = 0
    timestamps_checked: int = 0
    #: one per RFC 3161 token that checked out: checkpoint, TSA address, TSA (certificate subject), TSA time
    timestamps: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Digests stored in the vault that no item record names (see `leftovers`).
    orphans: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        data = asdict(self)
        data["intact"] = self.intact
        return data


def rehash(vault: Vault, digest: str) -> tuple[str, int]:
    hasher = hashlib.sha256()
    size = 0
    with getattr(vault, "inner", vault).open(digest) as handle:  # the stored bytes, as they are
        while block := handle.read(CHUNK):
            hasher.update(block)
            size += len(block)
    return PREFIX + hasher.hexdigest(), size


def check_items(report: Report, vault: Vault, progress=None) -> None:
    held_sealed = sealed_originals()
    for item in Item.objects.order_by("pk").only("sha256", "size", "original_name").iterator():
        report.items_checked += 1
        label = item.original_name or item.sha256
        if item.sha256 in held_sealed:
            if getattr(vault, "inner", vault).exists(item.sha256):
                report.notes.append(f"item {item.sha256} is sealed but its plaintext is still in the vault (the "
                                    "removal was interrupted): run `litopys seal`")
            continue
        try:
            actual, size = rehash(vault, item.sha256)
        except FileNotFoundError:
            report.problems.append(Problem("missing_item", item.sha256,
                                           f"item {item.sha256} ({label}) is missing from the vault"))
            continue
        except OSError as exc:
            report.problems.append(Problem("missing_item", item.sha256,
                                           f"item {item.sha256} ({label}) cannot be read: {exc.strerror}"))
            continue
        report.bytes_checked += size
        if actual != item.sha256:
            report.problems.append(Problem(
                "altered_item", item.sha256,
                f"item {item.sha256} ({label}) was altered: its bytes now hash to {actual}"))
        if progress:
            progress(size)


def sealed_originals() -> set[str]:
    """Return the items whose bytes the vault holds as a sealed copy, as the ledger recorded the sealing.

    A sealed copy is an item of its own, checked like any other (no key needed); its original is skipped only
    when the ledger's `derived` event agrees which item it seals, so re-pointing a copy's record at another
    item hides neither item's bytes from the check.
    """
    recorded = {event.item_hash: event.details.get("derived_from")
                for event in CustodyEvent.objects.filter(action=CustodyAction.DERIVED).only("item_hash", "details")
                if event.details.get("derivation") == sealed.SEALED}
    rows = Item.objects.filter(derivation=sealed.SEALED).values_list("sha256", "derived_from__sha256")
    return {original for copy, original in rows if original and recorded.get(copy) == original}


def check_chain(report: Report) -> list[CustodyEvent]:
    entries = list(CustodyEvent.objects.order_by("sequence"))
    report.entries_checked = len(entries)
    for problem in ledger.walk_chain(entries):
        report.problems.append(Problem("broken_chain", f"entry {problem.sequence}", problem.message))
    return entries


#: Custody actions that bring bytes into the vault.
ARRIVALS = {CustodyAction.INGESTED, CustodyAction.DERIVED, CustodyAction.COLLECTED}


def check_records(report: Report, entries: list[CustodyEvent]) -> None:
    """Check items against the ledger: each brought in by an event of its hash and size, each event's item kept."""
    items = dict(Item.objects.values_list("sha256", "size"))
    arrivals: dict[str, list[CustodyEvent]] = {}
    for entry in entries:
        if entry.item_hash and entry.action in ARRIVALS:
            arrivals.setdefault(entry.item_hash, []).append(entry)
    for digest, size in items.items():
        brought = arrivals.get(digest)
        if not brought:
            report.problems.append(Problem(
                "unrecorded_item", digest, f"item {digest} has no custody event that brought it into the vault: "
                "its record was written, or its name changed, outside Litopys"))
            continue
        sizes = {entry.details.get("size") for entry in brought} - {None}
        if sizes and sizes != {size}:
            report.problems.append(Problem(
                "altered_item", digest, f"item {digest} is recorded as {size} bytes, but the ledger says "
                f"{', '.join(str(s) for s in sorted(sizes))}"))
    named = {entry.item_hash: entry.sequence for entry in entries if entry.item_hash}
    for digest, sequence in sorted(named.items(), key=lambda pair: pair[1]):
        if digest not in items:
            report.problems.append(Problem(
                "missing_record", digest, f"ledger entry {sequence} names item {digest}, which has no record any "
                "more: its record (and maybe its source) was deleted"))


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


def verify(progress=None) -> Report:
    """Re-hash every item, walk the ledger and check every checkpoint."""
    report = Report()
    vault = get_vault()
    check_items(report, vault, progress)
    entries = check_chain(report)
    check_records(report, entries)
    check_checkpoints(report, entries)
    check_log(report, entries)
    check_timestamps(report)
    unsealed = sealed.unsealed_confidential_items().count()
    if unsealed:
        report.notes.append(f"{unsealed} item(s) of confidential sources are stored unencrypted: run `litopys seal`")
    leftovers = vault.partials()
    if leftovers:
        report.notes.append(f"{len(leftovers)} partial file(s) from interrupted writes sit in the vault's tmp "
                            "folder; they are never under a final name and can be deleted")
    # Stored bytes no item record names: an ingest stopped between storing and recording (see leftovers.py).
    report.orphans = stored_orphans(vault)
    if report.orphans:
        shown = ", ".join(report.orphans[:20]) + (" …" if len(report.orphans) > 20 else "")
        report.notes.append(f"{len(report.orphans)} stored file(s) have no item record: an interrupted ingest stored "
                            f"their bytes but did not record them; ingest those files again to record them: {shown}")
    return report
