"""Read a victim list, CSV or XLSX, one row at a time: a 200 MB list never sits in memory whole.

Pure: no database. `open_table` returns the headers, the rows as (data row number, cells) and notes
about the file (its encoding, merged cells) for people to read.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from litopys.evidence.media import HEAD_SIZE, decode_text

XLSX_MAGIC = b"PK\x03\x04"
#: A row longer than this is not a list row; csv refuses it and the row is reported.
MAX_FIELD = 1024 * 1024
csv.field_size_limit(min(sys.maxsize, MAX_FIELD))


class TableError(ValueError):
    """A file that cannot be read as a list; the message names it and says the fix."""


@dataclass
class Table:
    """A list opened for reading: its headers, its rows (lazily) and notes about the file."""

    kind: str  # "csv" or "xlsx"
    headers: list[str]
    rows: Iterator[tuple[int, list]]
    notes: list[str] = field(default_factory=list)
    #: Rows that could not be read at all: (data row number, message).
    unreadable: list[tuple[int, str]] = field(default_factory=list)


def open_table(handle: BinaryIO, name: str = "") -> Table:
    """Open a CSV or XLSX list from a binary file handle positioned at its start."""
    head = handle.read(HEAD_SIZE)
    handle.seek(0)
    if not head.strip():
        raise TableError(f"{name or 'the file'} is empty; there is no list to import")
    if head.startswith(XLSX_MAGIC):
        return _xlsx(handle, name)
    return _csv(handle, head, name)


def _csv(handle: BinaryIO, head: bytes, name: str) -> Table:
    decoded = decode_text(head, partial=True)
    if decoded is None:
        raise TableError(f"{name or 'the file'} is neither text (CSV) nor an XLSX workbook; export the list as "
                         "CSV (UTF-8) or XLSX")
    encoding = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else decoded.encoding
    notes = [f"encoding: {encoding}" + (f" ({decoded.note})" if decoded.note else "")]
    text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    try:
        sample = decoded.text[:16384]
        dialect = csv.Sniffer().sniff(sample.rsplit("\n", 1)[0] if "\n" in sample else sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(text, dialect)
    table = Table("csv", [], iter(()), notes)
    try:
        table.headers = [cell.strip() for cell in next(reader)]
    except StopIteration:
        raise TableError(f"{name or 'the file'} is empty; there is no list to import") from None
    except csv.Error as exc:
        raise TableError(f"{name or 'the file'}: the header row cannot be read ({exc})") from None

    def rows() -> Iterator[tuple[int, list]]:
        number = 0
        while True:
            number += 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                table.unreadable.append((number, f"cannot be read as CSV ({exc})"))
                continue
            if any(cell.strip() for cell in cells):
                yield number, cells

    table.rows = rows()
    return table


def _xlsx(handle: BinaryIO, name: str) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(handle)
        sheet = workbook.get_sheet_by_index(0)
        merged = list(sheet.merged_cell_ranges or [])
        rows = sheet.iter_rows()
    except (CalamineError, ValueError, OSError) as exc:
        raise TableError(f"{name or 'the file'} cannot be read as an XLSX workbook ({exc}); save it again "
                         "from a spreadsheet program, or export it as CSV") from None
    notes = [f"sheet: {sheet.name}"]
    if len(workbook.sheet_names) > 1:
        notes.append(f"only the first of {len(workbook.sheet_names)} sheets is read ({sheet.name})")
    start_row = (sheet.start or (0, 0))[0]
    try:
        header_cells = next(rows)
    except StopIteration:
        raise TableError(f"{name or 'the file'} has an empty first sheet; there is no list to import") from None
    headers = [str(cell).strip() if cell not in (None, "") else "" for cell in header_cells]
    # A merged header spans several columns: the columns after the first take its name.
    fills: dict[tuple[int, int], tuple[int, int]] = {}
    for (top, left), (bottom, right) in merged:
        notes.append(f"merged cells {_cell(top, left)}:{_cell(bottom, right)}: the value of {_cell(top, left)} "
                     "is used for every cell of the range")
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) != (top, left):
                    fills[(r, c)] = (top, left)
    for c in range(len(headers)):
        if (start_row, c) in fills and not headers[c]:
            headers[c] = headers[fills[(start_row, c)][1]]
    table = Table("xlsx", headers, iter(()), notes)

    def data() -> Iterator[tuple[int, list]]:
        seen: dict[tuple[int, int], object] = {}
        tops = {tuple(top) for top, _ in merged}
        for number, cells in enumerate(rows, start=1):
            r = start_row + number
            cells = list(cells)
            for c, value in enumerate(cells):
                if (r, c) in tops:
                    seen[(r, c)] = value
                if (r, c) in fills and value in (None, ""):
                    cells[c] = seen.get(fills[(r, c)], value)
            if any(cell not in (None, "") for cell in cells):
                yield number, cells

    table.rows = data()
    return table


def _cell(row: int, column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"
