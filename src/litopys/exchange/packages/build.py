"""Write an evidence package: items copied (and re-hashed) from the vault, the record, the custody events with
their Merkle proofs against a checkpoint signed after the export was recorded, a README, and the BagIt files.

The bag is built in a folder beside its target and renamed into place (or zipped, then renamed), so a failed
export never leaves half a package where a reader would take it for a whole one.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import os
import shutil
import tempfile
import uuid
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.template.loader import render_to_string
from django.utils import timezone

import litopys
from litopys.evidence import custody
from litopys.evidence.hashing import PREFIX
from litopys.evidence.ledger import canonical_time
from litopys.evidence.models import Checkpoint, CustodyAction
from litopys.evidence.vault import get_vault
from litopys.exchange.packages import documents, layout
from litopys.exchange.packages.bag import copy_hashing, finish_bag, sha256_file
from litopys.exchange.packages.contents import Contents
from litopys.exchange.packages.proofs import inclusion_path, tree_levels
from litopys.exchange.packages.public_keys import key_fingerprint

#: Items copied at once.
COPIERS = min(4, (os.cpu_count() or 1) + 1)


class PackageBuildError(Exception):
    """The package cannot be written; the message names the target or the item and what to do."""


@dataclass
class Built:
    target: Path
    package_id: str
    items: int = 0
    bytes: int = 0
    events: int = 0
    claims: int = 0
    sources: int = 0
    withheld: dict = field(default_factory=dict)
    checkpoint: int = 0

    def as_dict(self) -> dict:
        return {"target": str(self.target), "package": self.package_id, "items": self.items, "bytes": self.bytes,
                "custody_events": self.events, "claims": self.claims, "sources": self.sources,
                "checkpoint": self.checkpoint, "withheld": self.withheld}


def check_target(target: Path) -> None:
    """Refuse a target that holds something already, or whose folder does not exist."""
    if target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise PackageBuildError(f"{target} already exists; give a new folder or .zip name (a package is never "
                                "written over another)")
    if not target.parent.is_dir():
        raise PackageBuildError(f"{target.parent} does not exist; create it or give another --to")


def build_package(contents: Contents, target: Path, actor: str, recipient: str, progress=None) -> Built:
    """Write the package to a new folder, or to a .zip when the target ends so; record it as exported."""
    target = Path(target).absolute()
    check_target(target)
    if not contents.items:
        raise PackageBuildError("nothing to package: the exporter may read none of its sources (see what was "
                                "withheld with --format json) or the scope has no sources")
    package_id = str(uuid.uuid4())
    staging = Path(tempfile.mkdtemp(prefix=".litopys-package-", dir=target.parent))
    try:
        root = staging / (target.stem if target.suffix.lower() == ".zip" else target.name)
        built = _write(contents, root, package_id, actor, recipient, progress)
        if target.suffix.lower() == ".zip":
            _zip(root, target)
        else:
            if target.exists():
                target.rmdir()
            os.replace(root, target)
        built.target = target
        return built
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write(contents: Contents, root: Path, package_id: str, actor: str, recipient: str, progress) -> Built:
    (root / layout.ITEMS).mkdir(parents=True)
    (root / layout.EVENTS).parent.mkdir(parents=True)
    (root / layout.INCIDENT).parent.mkdir(parents=True)
    payload: dict[str, tuple[str, int]] = {}
    entries = _copy_items(contents, root, payload, progress)
    exported = custody.record(
        CustodyAction.EXPORTED, actor, "", what="evidence package", package=package_id, recipient=recipient,
        scope=contents.scope.as_dict(), items=[item.sha256 for item in contents.items],
        withheld=contents.withheld.as_dict())
    custody.checkpoint()
    point = Checkpoint.objects.filter(tree_size__gte=exported.sequence).order_by("tree_size").first()
    if point is None:
        raise PackageBuildError("no checkpoint covers the export; run `litopys verify` and `litopys checkpoint`")
    events = [*contents.events, exported]
    levels = tree_levels(custody.leaf_hashes(point.tree_size))
    event_rows = [documents.event_entry(event, {
        "tree_size": point.tree_size,
        "path": [step.hex() for step in inclusion_path(levels, event.sequence - 1)]}) for event in events]
    created = timezone.now()
    package = {
        "format": layout.FORMAT, "id": package_id, "created_at": canonical_time(created), "created_by": actor,
        "recipient": recipient, "litopys_version": litopys.__version__, "scope": contents.scope.as_dict(),
        "items": entries, "sources": [source.pk for source in contents.sources],
        "claims": [claim.pk for claim in contents.claims], "withheld": contents.withheld.as_dict(),
        "exported_event": exported.sequence, "checkpoint": point.tree_size, "public_key": point.public_key,
    }
    documents_to_write = {
        layout.PACKAGE: package, layout.EVENTS: event_rows,
        layout.CHECKPOINTS: [documents.checkpoint_entry(point)],
        layout.CLAIMS: documents.claims_document(contents), layout.SOURCES: documents.sources_document(contents),
    }
    incident = documents.incident_document(contents)
    if incident is not None:
        documents_to_write[layout.INCIDENT] = incident
    for name, value in documents_to_write.items():
        _write_file(root, name, json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n", payload)
    _write_signature_files(root, point, payload)
    readable = [{**row, "detail_pairs": sorted(row["details"].items())} for row in event_rows]
    context = {"package": package, "events": readable, "checkpoint": point, "contents": contents,
               "fingerprint": key_fingerprint(point.public_key), "layout": layout}
    _write_file(root, layout.EVENTS_HTML, render_to_string("exchange/package/events.html", context), payload)
    (root / layout.README).write_text(render_to_string("exchange/package/README.txt", context), encoding="utf-8")
    finish_bag(root, payload, {
        "Source-Organization": "Litopys", "External-Identifier": package_id,
        "External-Description": f"Litopys evidence package ({contents.scope.slug()}) for {recipient}",
        "Litopys-Checkpoint-Key": point.public_key, "Litopys-Checkpoint-Key-Fingerprint": key_fingerprint(
            point.public_key), "Bag-Software-Agent": f"litopys {litopys.__version__}"}, tag_files=[layout.README])
    return Built(root, package_id, items=len(entries), bytes=sum(entry["size"] for entry in entries),
                 events=len(event_rows), claims=len(contents.claims), sources=len(contents.sources),
                 withheld=contents.withheld.as_dict(), checkpoint=point.tree_size)


def _copy_items(contents: Contents, root: Path, payload: dict, progress) -> list[dict]:
    """Copy each item out of the vault, hashing as it goes; refuse to export bytes that no longer match.

    Items are copied by a few threads at once: hashing and writing release the interpreter lock, so one item is
    hashed while another is written.
    """
    vault = get_vault()
    names: dict[str, list[str]] = {}
    for source in contents.sources:
        if source.file_name:
            names.setdefault(source.item.sha256, []).append(source.file_name)

    def opened(item):
        """Open an item in this thread: the vault may ask the database (a sealed item's encrypted copy), and a
        database connection belongs to its thread."""
        try:
            return vault.open(item.sha256)
        except OSError as exc:
            raise PackageBuildError(f"item {item.sha256} cannot be read from the vault ({exc}); run `litopys "
                                    "verify`") from None

    def copy(item, handle) -> tuple[str, str, int]:
        relative = f"{layout.ITEMS}/{item.sha256[len(PREFIX):]}{_extension(item.media_type)}"
        try:
            with handle:
                digest, size = copy_hashing(handle, root / relative)
        except OSError as exc:
            raise PackageBuildError(f"item {item.sha256} cannot be read from the vault ({exc}); run `litopys "
                                    "verify`") from None
        if progress:
            progress(size)
        return relative, digest, size

    entries = []
    items = list(contents.items)
    with ThreadPoolExecutor(max_workers=COPIERS) as pool:
        for start in range(0, len(items), COPIERS * 4):  # a few open files at a time, however many items
            chunk = items[start:start + COPIERS * 4]
            handles = [opened(item) for item in chunk]
            try:
                copied = list(pool.map(copy, chunk, handles))
            finally:
                for handle in handles:
                    handle.close()
            for item, (relative, digest, size) in zip(chunk, copied, strict=True):
                if PREFIX + digest != item.sha256:
                    raise PackageBuildError(f"item {item.sha256} in the vault no longer hashes to its name (it "
                                            f"hashes to sha256:{digest}); run `litopys verify` before exporting it")
                payload[relative] = (digest, size)
                entries.append(documents.item_entry(item, relative, sorted(set(names.get(item.sha256, [])))))
    return entries


def _extension(media_type: str) -> str:
    """Return a file extension for a media type, so the court's tools open each item with the right program."""
    base = media_type.split(";")[0].strip()
    return {"text/plain": ".txt", "application/warc": ".warc", "application/wacz": ".wacz",
            "image/jpeg": ".jpg"}.get(base) or mimetypes.guess_extension(base) or ".bin"


def _write_file(root: Path, relative: str, text: str | bytes, payload: dict) -> None:
    path = root / relative
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="\n")
    payload[relative] = sha256_file(path)


def _write_signature_files(root: Path, point, payload: dict) -> None:
    """Write the checkpoint's statement, raw signature and public key (PEM) as files standard tools read."""
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(point.public_key))
    pem = key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    _write_file(root, layout.STATEMENT, point.statement.encode("utf-8"), payload)
    _write_file(root, layout.SIGNATURE, base64.b64decode(point.signature), payload)
    _write_file(root, layout.PUBLIC_KEY, pem, payload)


def _zip(root: Path, target: Path) -> None:
    """Write the bag into a ZIP under one folder, as a serialized bag is unpacked; items stored, text deflated."""
    partial = target.with_name(f".{target.name}.partial")
    with zipfile.ZipFile(partial, "w", allowZip64=True) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                relative = path.relative_to(root)
                method = zipfile.ZIP_STORED if relative.parts[:2] == ("data", "items") else zipfile.ZIP_DEFLATED
                archive.write(path, f"{root.name}/{relative.as_posix()}", compress_type=method)
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
