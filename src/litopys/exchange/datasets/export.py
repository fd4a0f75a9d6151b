"""Write a dataset in one of its formats: to a folder (CSV), a file, or standard output.

Files are written beside their target and renamed into place, so a reader never opens half an export.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from litopys.core.once import replace_whole
from litopys.exchange.datasets import writers
from litopys.exchange.datasets.styles import ROWS, STYLES
from litopys.exchange.datasets.tables import Dataset, DatasetError, build_dataset

FORMATS = ("csv", "xlsx", "geojson", "json", "huridocs", "acled")
SUFFIX = {"xlsx": ".xlsx", "geojson": ".geojson", "json": ".json", "huridocs": ".csv", "acled": ".csv"}


def render(dataset: Dataset, format: str) -> bytes:
    """Return a one-file format's bytes."""
    if format == "xlsx":
        return writers.xlsx_bytes(dataset)
    if format == "json":
        document = writers.json_document(dataset)
    elif format == "geojson":
        document = writers.geojson_document(dataset)
    elif format in STYLES:
        return writers.csv_text(ROWS[format](dataset), STYLES[format]).encode("utf-8")
    else:
        raise DatasetError(f"--format {format}: the formats are {', '.join(FORMATS)}")
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_dataset(format: str, to: str = "", stdout=None, place: str = "", since: date | None = None) -> dict:
    """Build the public dataset and write it; return what was written (files and rows per table)."""
    if format not in FORMATS:
        raise DatasetError(f"--format {format}: the formats are {', '.join(FORMATS)}")
    if format == "csv" and not to:
        raise DatasetError("--format csv writes one file per table and a datapackage.json: give --to DIR")
    dataset = build_dataset(place=place, since=since)
    counts = {table: len(rows) for table, rows in dataset.tables.items()}
    if format == "csv":
        folder = Path(to)
        if folder.exists() and not folder.is_dir():
            raise DatasetError(f"--to {to} is a file; --format csv needs a folder (it is created if missing)")
        folder.mkdir(parents=True, exist_ok=True)
        files = writers.csv_files(dataset)
        for name, text in files.items():
            replace_whole(folder / name, text.encode("utf-8"))
        return {"format": format, "to": str(folder), "files": sorted(files), "rows": counts}
    data = render(dataset, format)
    if not to:
        stdout.write(data)
        stdout.flush()
        return {"format": format, "to": "-", "rows": counts}
    target = Path(to)
    if target.is_dir():
        target = target / f"litopys-{format}{SUFFIX[format]}"
    if not target.parent.is_dir():
        raise DatasetError(f"--to {to}: the folder {target.parent} does not exist; create it first")
    replace_whole(target, data)
    return {"format": format, "to": str(target), "files": [target.name], "rows": counts}
