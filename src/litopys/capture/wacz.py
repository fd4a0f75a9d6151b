"""Package a WARC as WACZ 1.1.1: the archive, a CDXJ index, the pages, and a datapackage with digests.

Written directly (a zip with fixed entry names), so what the package holds is exactly what is listed here.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

WACZ_VERSION = "1.1.1"
WARC_NAME = "archive/data.warc.gz"


@dataclass
class Page:
    url: str
    ts: datetime
    title: str = ""
    text: str = ""


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def cdxj_index(warc_path: Path) -> bytes:
    """Return the sorted CDXJ index of a WARC, with offsets into `archive/data.warc.gz`."""
    from cdxj_indexer.main import CDXJIndexer

    output = io.StringIO()
    with open(warc_path, "rb") as handle:
        CDXJIndexer(output, [handle], sort=True, filename=Path(WARC_NAME).name,
                    data_out_name=Path(WARC_NAME).name).process_all()
    lines = sorted(line for line in output.getvalue().splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode() if lines else b""


def pages_jsonl(pages: list[Page]) -> bytes:
    rows = [{"format": "json-pages-1.0", "id": "pages", "title": "All Pages", "hasText": True}]
    for number, page in enumerate(pages, start=1):
        rows.append({"id": f"page-{number}", "url": page.url, "ts": _iso(page.ts), "title": page.title,
                     "text": page.text})
    return ("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n").encode()


def write_wacz(target: Path, warc_path: Path, pages: list[Page], *, title: str, software: str,
               created: datetime) -> dict:
    """Write the package to `target` and return its datapackage (with the sha256 of every resource)."""
    entries = [("indexes/index.cdxj", cdxj_index(warc_path)), ("pages/pages.jsonl", pages_jsonl(pages))]
    resources = []
    with zipfile.ZipFile(target, "w") as archive:
        hasher, size = hashlib.sha256(), 0
        large = warc_path.stat().st_size > 2**31 - 2**20  # past 2 GiB the entry needs ZIP64 sizes
        with (open(warc_path, "rb") as source,
              archive.open(zipfile.ZipInfo(WARC_NAME, _stamp(created)), "w", force_zip64=large) as out):
            while block := source.read(1024 * 1024):
                hasher.update(block)
                size += len(block)
                out.write(block)
        resources.append({"name": "data.warc.gz", "path": WARC_NAME, "hash": f"sha256:{hasher.hexdigest()}",
                          "bytes": size})
        for name, data in entries:
            info = zipfile.ZipInfo(name, _stamp(created))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
            resources.append({"name": Path(name).name, "path": name,
                              "hash": f"sha256:{hashlib.sha256(data).hexdigest()}", "bytes": len(data)})
        package = {"profile": "data-package", "wacz_version": WACZ_VERSION, "title": title,
                   "software": software, "created": _iso(created), "mainPageURL": pages[0].url if pages else "",
                   "mainPageDate": _iso(pages[0].ts) if pages else "", "resources": resources}
        data = json.dumps(package, ensure_ascii=False, indent=2).encode()
        archive.writestr(zipfile.ZipInfo("datapackage.json", _stamp(created)), data)
        digest = {"path": "datapackage.json", "hash": f"sha256:{hashlib.sha256(data).hexdigest()}"}
        archive.writestr(zipfile.ZipInfo("datapackage-digest.json", _stamp(created)),
                         json.dumps(digest, indent=2).encode())
    return package


def check_wacz(path) -> list[str]:
    """Return what is wrong with a WACZ: a resource whose bytes do not match its digest, a missing part."""
    problems = []
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        for required in ("datapackage.json", "pages/pages.jsonl", "indexes/index.cdxj"):
            if required not in names:
                problems.append(f"{required} is missing")
        if "datapackage.json" not in names:
            return problems
        raw = archive.read("datapackage.json")
        package = json.loads(raw)
        if "datapackage-digest.json" in names:
            declared = json.loads(archive.read("datapackage-digest.json"))["hash"]
            if declared != f"sha256:{hashlib.sha256(raw).hexdigest()}":
                problems.append("datapackage.json does not match datapackage-digest.json")
        for resource in package.get("resources", []):
            if resource["path"] not in names:
                problems.append(f"{resource['path']} is listed but missing")
                continue
            data = archive.read(resource["path"])
            if f"sha256:{hashlib.sha256(data).hexdigest()}" != resource["hash"] or len(data) != resource["bytes"]:
                problems.append(f"{resource['path']} does not match its digest in datapackage.json")
        if not any(name.startswith("archive/") for name in names):
            problems.append("no archive/*.warc.gz")
    return problems


def _stamp(moment: datetime) -> tuple:
    moment = moment.astimezone(UTC)
    return (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)
