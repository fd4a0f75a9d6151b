"""Check an evidence package anywhere, without the database that made it: `litopys verify-package BAG`.

What is checked, each with the problem kind it reports:

- the bag is a BagIt bag, complete, with its Payload-Oxum, and every file matches both manifests
  (``not_a_bag``, ``bag_invalid``, ``manifest_mismatch``);
- every item's bytes hash to the name the package gives them, and the custody event that brought them into the
  vault (``ingested``, ``derived`` or ``collected``) names that hash and size (``altered_item``,
  ``unrecorded_item``);
- every custody event still hashes to its entry hash, consecutive events link, and each is included — by a
  Merkle proof — in a ledger checkpoint whose Ed25519 signature holds (``broken_entry``, ``broken_chain``,
  ``bad_proof``, ``bad_signature``, ``wrong_key`` when ``--public-key`` names another key);
- the ``exported`` event names exactly the items the package holds (``bad_package``).

Pure: reads files only. A problem's message is one line naming the file or entry. A package is opened (a
folder, or a ZIP unpacked) by `opening`; the key it is checked against is read by `public_keys`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

import bagit

from litopys.evidence import ledger, signing
from litopys.evidence.problems import Problem
from litopys.exchange.packages import layout
from litopys.exchange.packages.bag import sha256_file
from litopys.exchange.packages.opening import opened
from litopys.exchange.packages.proofs import root_from_path

#: Files hashed at once.
HASHERS = min(4, (os.cpu_count() or 1) + 1)
#: Actions that bring bytes into the vault: one of them must name each item.
ARRIVALS = ("ingested", "derived", "collected")


@dataclass
class Report:
    package: str = ""
    items_checked: int = 0
    bytes_checked: int = 0
    events_checked: int = 0
    checkpoints_checked: int = 0
    public_keys: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems

    def add(self, kind: str, subject: str, message: str) -> None:
        self.problems.append(Problem(kind, subject, message))

    def as_dict(self) -> dict:
        return {**asdict(self), "intact": self.intact}


def verify_package(path, public_key: str = "", progress=None) -> Report:
    """Check a package folder or ZIP; return what was checked and every problem found."""
    with opened(Path(path)) as root:
        report = Report(package=str(path))
        hashes = check_bag(root, report, progress)
        if hashes is None:
            return report
        package = _read_json(root, layout.PACKAGE, report)
        events = _read_json(root, layout.EVENTS, report)
        checkpoints = _read_json(root, layout.CHECKPOINTS, report)
        if package is None or events is None or checkpoints is None:
            return report
        roots = check_checkpoints(checkpoints, report, public_key)
        check_events(events, roots, report)
        check_items(package, events, hashes, report)
        return report


def check_bag(root: Path, report: Report, progress=None) -> dict[str, tuple[str, int]] | None:
    """Validate the bag's structure and completeness with the bagit library, then hash every file once against
    the manifests; return path → (hex SHA-256, size), or None when the bag cannot be read."""
    logging.getLogger("bagit").setLevel(logging.ERROR)
    try:
        bag = bagit.Bag(str(root))
        bag.validate(completeness_only=True)
    except bagit.BagValidationError as exc:
        details = "; ".join(str(detail) for detail in exc.details[:5]) if exc.details else ""
        report.add("bag_invalid", str(root), f"{root} is not a valid bag: {exc.message}"
                   + (f" ({details})" if details else ""))
        return None
    except bagit.BagError as exc:
        report.add("not_a_bag", str(root), f"{root} is not a BagIt bag ({exc})")
        return None
    hashes = {}
    entries = sorted(bag.entries.items())
    # Several files are hashed at once: hashing releases the interpreter lock.
    with ThreadPoolExecutor(max_workers=HASHERS) as pool:
        found = pool.map(lambda entry: _hash(root / entry[0], progress), entries)
        for (relative, expected), (digest, size) in zip(entries, found, strict=True):
            if "sha256" not in expected:
                report.add("bag_invalid", relative, f"{relative} has no SHA-256 in the manifests")
                continue
            report.bytes_checked += size
            if digest != expected["sha256"].lower():
                report.add("manifest_mismatch", relative, f"{relative} no longer matches the bag's manifest: its "
                           f"bytes hash to {digest}, the manifest says {expected['sha256'].lower()}")
            hashes[relative] = (digest, size)
    return hashes


def _hash(path: Path, progress) -> tuple[str, int]:
    return sha256_file(path, progress)


def _read_json(root: Path, name: str, report: Report):
    try:
        return json.loads((root / name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        report.add("bad_package", name, f"{name} cannot be read as JSON ({exc}): this is not a Litopys evidence "
                   "package, or it was damaged")
        return None


def check_checkpoints(checkpoints: list[dict], report: Report, public_key: str) -> dict[int, bytes]:
    """Check each checkpoint's statement and signature; return tree size → signed root for those that hold."""
    roots = {}
    for point in checkpoints:
        report.checkpoints_checked += 1
        size, root = point.get("tree_size"), point.get("root_hash", "")
        name = f"checkpoint at {size} entries"
        statement = point.get("statement", "")
        if f"\ntree_size {size}\nroot {root}\n" not in statement or not statement.startswith(
                signing.STATEMENT_HEADER):
            report.add("bad_signature", name, f"{name}: its statement does not state its size and root")
            continue
        if point.get("statement_digest") != "sha256:" + hashlib.sha256(statement.encode()).hexdigest():
            report.add("bad_signature", name, f"{name}: its statement digest does not match its statement")
        if not signing.signature_valid(point.get("public_key", ""), statement, point.get("signature", "")):
            report.add("bad_signature", name, f"{name}: the Ed25519 signature over its statement does not hold")
            continue
        if public_key and point["public_key"] != public_key:
            report.add("wrong_key", name, f"{name} is signed by the key {point['public_key']}, not by {public_key}")
            continue
        if point["public_key"] not in report.public_keys:
            report.public_keys.append(point["public_key"])
        try:
            roots[int(size)] = bytes.fromhex(root.removeprefix("sha256:"))
        except (TypeError, ValueError):
            report.add("bad_signature", name, f"{name}: its root {root!r} is not a sha256 digest")
    return roots


def check_events(events: list[dict], roots: dict[int, bytes], report: Report) -> None:
    """Check each custody event's hash, its link to the event before it, and its proof against a checkpoint."""
    previous = None
    for event in events:
        report.events_checked += 1
        sequence = event.get("sequence")
        name = f"custody entry {sequence}"
        try:
            moment = datetime.fromisoformat(event["occurred_at"].replace("Z", "+00:00"))
            canonical = ledger.canonical_entry(sequence, moment, event["actor"], event["action"],
                                               event["item_hash"], event["details"])
            recomputed = ledger.entry_hash(event["prev_hash"], canonical)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            report.add("broken_entry", name, f"{name} is incomplete or malformed ({exc})")
            previous = None
            continue
        if recomputed != event.get("entry_hash"):
            report.add("broken_entry", name, f"{name} ({event['action']}) was altered: its content no longer "
                       "matches its entry hash")
        if previous is not None and previous.get("sequence") == sequence - 1 \
                and event["prev_hash"] != previous.get("entry_hash"):
            report.add("broken_chain", name, f"{name} does not link to entry {sequence - 1} before it")
        previous = event
        _check_proof(event, name, recomputed, roots, report)


def _check_proof(event: dict, name: str, digest: str, roots: dict[int, bytes], report: Report) -> None:
    proof = event.get("proof") or {}
    size = proof.get("tree_size")
    if size not in roots:
        report.add("bad_proof", name, f"{name} has no inclusion proof against a checkpoint that holds")
        return
    try:
        path = [bytes.fromhex(step) for step in proof.get("path", [])]
        found = root_from_path(bytes.fromhex(digest.removeprefix("sha256:")), event["sequence"] - 1, size, path)
    except (TypeError, ValueError):
        found = None
    if found != roots[size]:
        report.add("bad_proof", name, f"{name} is not in the ledger the checkpoint at {size} entries signed: its "
                   "inclusion proof does not lead to the signed root")


def check_items(package: dict, events: list[dict], hashes: dict[str, tuple[str, int]], report: Report) -> None:
    """Check each item's bytes against its name and against the custody event that brought it in."""
    arrivals: dict[str, list[dict]] = {}
    for event in events:
        if event.get("action") in ARRIVALS and event.get("item_hash"):
            arrivals.setdefault(event["item_hash"], []).append(event)
    held = set()
    for item in package.get("items", []):
        report.items_checked += 1
        digest, where = item.get("sha256", ""), item.get("path", "")
        held.add(digest)
        if where not in hashes:
            report.add("altered_item", digest, f"item {digest} is not in the bag at {where!r}")
            continue
        actual, size = hashes[where]
        if "sha256:" + actual != digest:
            report.add("altered_item", digest, f"item {digest} ({where}) was altered: its bytes hash to "
                       f"sha256:{actual}")
        brought = arrivals.get(digest)
        if not brought:
            report.add("unrecorded_item", digest, f"item {digest} ({where}) has no custody event that brought it "
                       "into the vault")
            continue
        sizes = {event["details"].get("size") for event in brought if isinstance(event.get("details"), dict)}
        if sizes - {None} and sizes - {None} != {size}:
            report.add("altered_item", digest, f"item {digest} is {size} bytes, its custody events say "
                       f"{', '.join(str(s) for s in sorted(sizes - {None}))}")
    exported = [event for event in events if event.get("action") == "exported"
                and (event.get("details") or {}).get("package") == package.get("id")]
    if not exported:
        report.add("bad_package", layout.EVENTS, "the package holds no `exported` custody event naming it")
    elif set(exported[-1]["details"].get("items", [])) != held:
        report.add("bad_package", layout.PACKAGE, "the items the package lists are not the ones its `exported` "
                   "custody event names: items were added or removed")
