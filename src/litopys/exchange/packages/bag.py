"""BagIt (RFC 8493) tag files and manifests, written for payload files whose SHA-256 is already known.

The builder hashes each file as it writes it, so the manifests cost no second read; the `bagit` library then
reads such a bag as its own (the tests validate every package with it). Pure: no database.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

BAGIT_VERSION = "1.0"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
CHUNK = 1024 * 1024


def manifest_name(path: str) -> str:
    """Return a path as a manifest line writes it: '/'-separated, with CR, LF and % percent-encoded."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def sha256_file(path: Path, progress=None) -> tuple[str, int]:
    """Return the hex SHA-256 and the size of a file, read in chunks (``progress`` is told each chunk's size)."""
    hasher = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            hasher.update(block)
            size += len(block)
            if progress:
                progress(len(block))
    return hasher.hexdigest(), size


def copy_hashing(source, target: Path) -> tuple[str, int]:
    """Copy a readable stream to a new file, fsynced; return the hex SHA-256 and size of what was written."""
    hasher = hashlib.sha256()
    size = 0
    with open(target, "xb") as handle:
        while block := source.read(CHUNK):
            hasher.update(block)
            handle.write(block)
            size += len(block)
        handle.flush()
        os.fsync(handle.fileno())
    return hasher.hexdigest(), size


def _write_lines(path: Path, lines: Iterable[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(f"{line}\n" for line in lines)


def finish_bag(root: Path, payload: dict[str, tuple[str, int]], info: dict[str, str],
               tag_files: Iterable[str] = ()) -> None:
    """Write bagit.txt, bag-info.txt and both manifests for a bag whose data/ folder is in place.

    ``payload`` maps each payload path ("data/…") to its hex SHA-256 and size; ``tag_files`` are other files at
    the top of the bag (a README) that the tag manifest covers.
    """
    _write_lines(root / "bagit.txt", [f"BagIt-Version: {BAGIT_VERSION}", "Tag-File-Character-Encoding: UTF-8"])
    total = sum(size for _, size in payload.values())
    fields = {"Bagging-Date": datetime.now(UTC).date().isoformat(), "Payload-Oxum": f"{total}.{len(payload)}",
              **info}
    _write_lines(root / "bag-info.txt", [f"{name}: {' '.join(str(value).split())}" for name, value in fields.items()])
    _write_lines(root / MANIFEST, [f"{digest}  {manifest_name(path)}"
                                   for path, (digest, _) in sorted(payload.items())])
    tags = ["bagit.txt", "bag-info.txt", MANIFEST, *tag_files]
    _write_lines(root / TAGMANIFEST, [f"{sha256_file(root / name)[0]}  {manifest_name(name)}" for name in tags])
