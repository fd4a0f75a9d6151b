"""Write a dataset as CSV files with a Frictionless `datapackage.json`, one XLSX workbook, JSON, or GeoJSON.

Every text cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return)
is written with a leading apostrophe, in CSV and XLSX alike; the CSV importer takes it off again.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

import litopys
from litopys.exchange.datasets.columns import TABLES
from litopys.exchange.datasets.tables import Dataset
from litopys.record.presentation import incident_pin
from litopys.record.selectors import headline

#: What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """Return text a spreadsheet shows as text: a leading apostrophe before anything it would run."""
    return "'" + value if value.startswith(FORMULA_START) else value


def unescape(value: str) -> str:
    """Undo `safe_text`: the importer's side."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def cell(value) -> str:
    """Return a value as a CSV cell: nothing for None, true/false, numbers as written, text made safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    return safe_text(str(value))


def write_csv(rows: list[dict], columns, stream) -> None:
    """Write one table to a text stream, header first, in the columns' order."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([column.name for column in columns])
    for row in rows:
        writer.writerow([cell(row[column.name]) for column in columns])


def csv_text(rows: list[dict], columns) -> str:
    buffer = io.StringIO()
    write_csv(rows, columns, buffer)
    return buffer.getvalue()


def datapackage(dataset: Dataset, name: str = "litopys-public-record") -> dict:
    """Return the Frictionless Data Package descriptor of the CSV files: columns, keys and links between tables."""
    links = {"sites": [("incident", "incidents")], "figures": [("incident", "incidents")],
             "claims": [("figure", "figures"), ("incident", "incidents"), ("source", "sources")]}
    resources = []
    for table, columns in TABLES.items():
        schema = {"fields": [{"name": c.name, "type": c.type, "description": c.description} for c in columns],
                  "primaryKey": ["id"],
                  "foreignKeys": [{"fields": [field], "reference": {"resource": target, "fields": ["id"]}}
                                  for field, target in links.get(table, [])]}
        resources.append({"name": table, "path": f"{table}.csv", "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
    return {"profile": "tabular-data-package", "name": name, "title": "Litopys: the public record",
            "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "description": "Published incidents, their sites, verified figures, the public quotes behind them and "
                           "their public sources. Nothing unpublished, unverified or confidential.",
            "sources": [{"title": f"litopys {litopys.__version__}"}], "resources": resources}


def csv_files(dataset: Dataset) -> dict[str, str]:
    """Return file name → text of the CSV export: one file per table and the datapackage.json."""
    files = {f"{table}.csv": csv_text(dataset.tables[table], columns) for table, columns in TABLES.items()}
    files["datapackage.json"] = json.dumps(datapackage(dataset), ensure_ascii=False, indent=2) + "\n"
    return files


def xlsx_bytes(dataset: Dataset) -> bytes:
    """Return one workbook: a sheet per table, and a sheet describing every column."""
    workbook = Workbook(write_only=True)
    for table, columns in TABLES.items():
        sheet = workbook.create_sheet(table)
        sheet.append([column.name for column in columns])
        for row in dataset.tables[table]:
            sheet.append([_xlsx_cell(sheet, row[column.name]) for column in columns])
    described = workbook.create_sheet("columns")
    described.append(["table", "column", "type", "description"])
    for table, columns in TABLES.items():
        for column in columns:
            described.append([table, column.name, column.type, _xlsx_cell(described, column.description)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet, value):
    if not isinstance(value, str):
        return value
    # openpyxl takes text starting with "=" for a formula: force a string cell, made safe as in CSV.
    written = WriteOnlyCell(sheet, value=safe_text(value))
    written.data_type = "s"
    return written


def json_document(dataset: Dataset) -> dict:
    return {"generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "generator": f"litopys {litopys.__version__}",
            "columns": {table: {c.name: c.description for c in columns} for table, columns in TABLES.items()},
            **dataset.tables}


def geojson_document(dataset: Dataset) -> dict:
    """Return the published incidents as GeoJSON points where the public map pins them, with their rows' data
    and headline figures as properties."""
    features = []
    rows = {row["id"]: row for row in dataset.tables["incidents"]}
    for incident in dataset.incidents:
        pin = incident_pin(incident)
        if pin is None:
            continue
        (latitude, longitude), precision = pin
        figures = headline(dataset.figures.get(incident.pk, []))
        features.append({
            "type": "Feature", "id": incident.slug,
            "geometry": {"type": "Point", "coordinates": [round(longitude, 5), round(latitude, 5)]},
            "properties": {**rows[incident.slug], "pin": str(precision),
                           "figures": [{"id": f.id, "kind": f.kind, "label": f.label, "min": f.min, "max": f.max,
                                        "best": f.best} for f in figures]},
        })
    return {"type": "FeatureCollection", "features": features}
