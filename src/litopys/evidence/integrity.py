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

The checks of items, records and the chain are here; those of checkpoints, the log and timestamps are in
`checkpoint_checks`.
"""

import hashlib
from dataclasses import asdict, dataclass, field

from litopys.evidence import ledger, sealed
from litopys.evidence.checkpoint_checks import check_checkpoints, check_log, check_timestamps
from litopys.evidence.hashed_copy import CHUNK
from litopys.evidence.hashing import PREFIX
from litopys.evidence.leftovers import orphans as stored_orphans
from litopys.evidence.models import CustodyAction, CustodyEvent, Item
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
