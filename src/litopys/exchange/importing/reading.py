"""Read a CSV file row by row: its encoding (UTF-8, else Windows-1251, said so), its delimiter (comma, semicolon
or tab, as spreadsheets save them), and its headers in English or Ukrainian, mapped to fields.

Rows are numbered as a spreadsheet numbers them (the header is row 1), so an error's row is the one to open.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from litopys.exchange.datasets.writers import unescape

HEADERS_FILE = Path(__file__).with_name("headers.yaml")
#: Bytes read to choose the encoding and the delimiter.
SAMPLE = 256 * 1024
#: A field larger than this is refused: a CSV of records has no such cell, a damaged file may.
FIELD_LIMIT = 1024 * 1024


class ImportFileError(Exception):
    """The file cannot be read as a CSV of this kind; the message names it and what to do."""


@functools.cache
def headers() -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load(HEADERS_FILE.read_text(encoding="utf-8"))


def fold(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", header.strip().lower().lstrip("\ufeff"))


def field_of(kind: str) -> dict[str, str]:
    """Return folded header → field for a kind of import (ignored columns map to "")."""
    found = {}
    for name, aliases in headers()[kind].items():
        for alias in aliases:
            found.setdefault(fold(alias), "" if name == "ignored" else name)
    return found


def detect_encoding(path: Path, sample: bytes) -> tuple[str, str]:
    """Return (codec, note): UTF-8 (with or without a byte-order mark), else Windows-1251 when the file reads as
    Cyrillic text in it; refuse anything else."""
    if b"\x00" in sample:
        raise ImportFileError(f"{path} holds NUL bytes: it is not a CSV file (a spreadsheet? save it as CSV UTF-8)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=len(sample) < SAMPLE)
        return "utf-8-sig", ""
    except UnicodeDecodeError:
        pass
    try:
        text = sample.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    if re.search(r"[А-Яа-яІіЇїЄєҐґ]{3}", text):
        return "cp1251", f"{path} is not UTF-8; read as Windows-1251 (Cyrillic). Save it as CSV UTF-8 to be sure"
    raise ImportFileError(f"{path} is not UTF-8 text; save it as CSV UTF-8 and import it again")


def open_rows(path: Path, kind: str) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]], list[str]]:
    """Return (fields found, an iterator of (row number, field → text), notes) for a CSV file of a kind."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            sample = handle.read(SAMPLE)
    except OSError as exc:
        raise ImportFileError(f"{path} cannot be read ({exc.strerror}); check the path") from None
    if not sample.strip():
        raise ImportFileError(f"{path} is empty; give a CSV file with a header row")
    encoding, note = detect_encoding(path, sample)
    notes = [note] if note else []
    first_line = sample.decode(encoding, errors="replace").splitlines()[0]
    delimiter = max(",;\t", key=first_line.count)
    mapping = field_of(kind)
    csv.field_size_limit(FIELD_LIMIT)
    handle = open(path, encoding=encoding, newline="")
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        handle.close()
        raise ImportFileError(f"{path}: the header row cannot be read ({exc}); save the file as CSV") from None
    columns = []
    for name in header:
        field = mapping.get(fold(name))
        if field is None:
            notes.append(f"column {name!r} is not read by the {kind} import (see docs/exports.md)")
        columns.append(field or "")
    named = [field for field in columns if field]
    doubled = sorted({field for field in named if named.count(field) > 1})
    if doubled:
        handle.close()
        raise ImportFileError(f"{path}: more than one column means {doubled[0]!r}; keep one")
    return named, _rows(path, handle, reader, columns, len(header)), notes


def _rows(path: Path, handle: io.TextIOBase, reader, columns: list[str], width: int):
    with handle:
        number = 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ImportFileError(f"{path}, row {number + 1}: {exc}; the file is damaged or not a CSV") from None
            number += 1
            if not any(value.strip() for value in values):
                continue
            if len(values) > width:
                yield number, {"__error__": f"has {len(values)} cells but the header names {width} columns"}
                continue
            row = {field: unescape(value.strip()) for field, value in zip(columns, values, strict=False) if field}
            yield number, row
