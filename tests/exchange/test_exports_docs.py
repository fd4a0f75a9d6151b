"""docs/exports.md names every column of every dataset table and every header field an import reads."""

from pathlib import Path

from litopys.exchange.datasets.columns import TABLES
from litopys.exchange.datasets.styles import STYLES
from litopys.exchange.importing.reading import headers

DOC = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text(encoding="utf-8")


def test_every_column_and_command_is_documented():
    for table, columns in {**TABLES, **STYLES}.items():
        assert f"#### {table}" in DOC, table
        for column in columns:
            assert f"| `{column.name}` | {column.type} | {column.description} |" in DOC, (table, column.name)
    for command in ("litopys export package", "litopys export dataset", "litopys verify-package",
                    "litopys import csv"):
        assert f"`{command}" in DOC, command


def test_every_field_an_import_reads_is_documented():
    for kind, fields in headers().items():
        for field in fields:
            if field not in ("ignored", "slug"):
                assert f"`{field}`" in DOC, (kind, field)
