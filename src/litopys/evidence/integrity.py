"""Check that what the vault holds is what was collected: bytes, ledger chain and checkpoints."""

import hashlib
from dataclasses import asdict, dataclass, field

from django.conf import settings

from litopys.evidence import ledger, merkle, signing
from litopys.evidence.hashing import PREFIX
from litopys.evidence.models import Checkpoint, CustodyEvent, Item
from litopys.evidence.vault import CHUNK, Vault, get_vault


@dataclass
class Problem:
    kind: str  # missing_item, altered_item, broken_chain, bad_checkpoint, bad_signature
    subject: str
    message: str


@dataclass
class Report:
    items_checked: int = 0
    bytes_checked: int = 0
    entries_checked: int = 0
    checkpoints_checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

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
    with vault.open(digest) as handle:
        while block := handle.read(CHUNK):
            hasher.update(block)
            size += len(block)
    return PREFIX + hasher.hexdigest(), size


def check_items(report: Report, vault: Vault, progress=None) -> None:
    for item in Item.objects.order_by("pk").only("sha256", "size", "original_name").iterator():
        report.items_checked += 1
        label = item.original_name or item.sha256
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


def check_chain(report: Report) -> list[CustodyEvent]:
    entries = list(CustodyEvent.objects.order_by("sequence"))
    report.entries_checked = len(entries)
    for problem in ledger.walk_chain(entries):
        report.problems.append(Problem("broken_chain", f"entry {problem.sequence}", problem.message))
    return entries


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
        if trusted and point.public_key != trusted:
            report.problems.append(Problem("bad_signature", name,
                                           f"{name} is signed by a key other than this installation's"))
        if not signing.signature_valid(point.public_key, point.statement, point.signature):
            report.problems.append(Problem("bad_signature", name, f"{name} has a bad signature"))


def verify(progress=None) -> Report:
    """Re-hash every item, walk the ledger and check every checkpoint."""
    report = Report()
    vault = get_vault()
    check_items(report, vault, progress)
    entries = check_chain(report)
    check_checkpoints(report, entries)
    leftovers = vault.partials()
    if leftovers:
        report.notes.append(f"{len(leftovers)} partial file(s) from interrupted writes sit in the vault's tmp "
                            "folder; they are never under a final name and can be deleted")
    return report
