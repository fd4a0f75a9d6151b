"""Import a victim list: preserve its file as evidence, then store one record per row.

The file is stored in the vault and recorded as a source (hash, custody event) through
`litopys.evidence.ingest`; its rows are read back from the vault, so what is parsed is what is kept.
A list is imported whole or not at all; the same file under the same list name again changes nothing.
"""

from __future__ import annotations

import getpass
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from litopys.casualties.columns import ColumnError, has_name, match_columns, parse_columns
from litopys.casualties.models import ListRecord, VictimList
from litopys.casualties.parsing import Problem, parse_row, text_of
from litopys.casualties.placing import place_keys
from litopys.casualties.reading import Table, TableError, open_table

METHOD = "litopys casualties import"
BATCH = 2000
_LIST_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")
#: Column names of the capture-history rows, which list names share: a list may not take one.
RESERVED_NAMES = {"count", "oblast", "place", "sex", "status"}


@dataclass
class ImportReport:
    """What one import did, for the command's lines or its JSON."""

    file: str
    list: str
    status: str = "failed"  # imported, already imported, dry run, failed
    message: str = ""
    file_hash: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    unmatched_headers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows: int = 0
    problem_rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    list_id: int | None = None
    reference_year: int | None = None

    def as_dict(self, problems: int | None = None) -> dict:
        data = asdict(self)
        data["problems"] = [asdict(p) for p in self.problems[:problems]]
        return data


def import_list(path: str, list_name: str, columns: str = "", dry_run: bool = False, actor: str = "",
                keep_problems: int = 1000, today: date | None = None, one_row_per_person: bool = False
                ) -> ImportReport:
    """Import one CSV or XLSX file as the list `list_name`; never raises for bad input, reports it."""
    report = ImportReport(file=path, list=list_name)
    if not _LIST_NAME.match(list_name or "") or list_name in RESERVED_NAMES:
        report.message = (f"--list {list_name!r} is not a list name; use lowercase letters, digits, - or _, "
                          "e.g. exhumation (not count, oblast, place, sex or status)")
        return report
    try:
        given = parse_columns(columns)
        with open(path, "rb") as handle:
            table = open_table(handle, Path(path).name)
            mapping = _check_columns(table, given, report)
            if dry_run:
                _read_rows(table, mapping, report, today, keep_problems, store=None)
                report.status = "dry run"
                return report
        return _import(path, list_name, given, actor or _user(), report, keep_problems, today, one_row_per_person)
    except OSError as exc:
        report.message = f"{path} cannot be read ({exc.strerror or exc}); check the path"
        return report
    except (TableError, ColumnError) as exc:
        report.message = str(exc)
        return report


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _check_columns(table: Table, given: dict[str, str], report: ImportReport) -> dict[str, int]:
    mapping = match_columns(table.headers, given)
    report.columns = {name: table.headers[index] for name, index in mapping.items()}
    used = set(mapping.values())
    report.unmatched_headers = [h for i, h in enumerate(table.headers) if i not in used and h]
    report.notes = list(table.notes)
    if not has_name(mapping):
        shown = ", ".join(repr(h) for h in table.headers if h) or "none"
        raise ColumnError(f"{report.file}: no column holds a name (headers: {shown}); name it with "
                          "--columns full_name=HEADER, or surname=HEADER,given_name=HEADER")
    return mapping


def _import(path: str, list_name: str, given: dict[str, str], actor: str, report: ImportReport,
            keep_problems: int, today: date | None, one_row_per_person: bool) -> ImportReport:
    from litopys.evidence.ingest import SourceFacts, record
    from litopys.evidence.models import Source
    from litopys.evidence.vault import get_vault

    vault = get_vault()
    with open(path, "rb") as handle:
        stored = vault.store(handle, settings.LITOPYS_MAX_ITEM_BYTES, label=path)
    report.file_hash = stored.digest
    existing = VictimList.objects.filter(name=list_name, file_hash=stored.digest).first()
    if existing is not None:
        report.status, report.list_id = "already imported", existing.pk
        report.rows, report.problem_rows = existing.rows, existing.problem_rows
        report.message = f"{path} is already imported as list {list_name!r}; nothing changed"
        return report
    source = Source.objects.filter(item__sha256=stored.digest, collection_method=METHOD,
                                   victim_lists__isnull=True).first()
    if source is None:
        facts = SourceFacts(kind="dataset", title=f"{list_name}: {Path(path).name}", collected_by=actor,
                            collection_method=METHOD, sensitivity="confidential",
                            notes="victim list; its rows are records in casualties")
        # An empty payload: the list is read by casualties alone, so its names never become searchable item
        # text or extracted claims, and a 200 MB list is never read into memory by a text processor.
        result = record(stored, Path(path).name, facts, label=path, payload=(b"", ""))
        source = Source.objects.get(pk=result.source_id)
    with transaction.atomic():
        victim_list = VictimList.objects.create(
            name=list_name, source=source, file_hash=stored.digest, file_name=Path(path).name[:500],
            columns={}, imported_by=actor[:200], one_row_per_person=one_row_per_person)
        with vault.open(stored.digest) as handle:
            table = open_table(handle, Path(path).name)
            mapping = _check_columns(table, given, report)
            _read_rows(table, mapping, report, today, keep_problems, store=victim_list)
        victim_list.columns, victim_list.headers, victim_list.notes = report.columns, table.headers, report.notes
        victim_list.rows, victim_list.problem_rows = report.rows, report.problem_rows
        victim_list.reference_year = report.reference_year or (source.published.year if source.published else None)
        victim_list.save(update_fields=["columns", "headers", "notes", "rows", "problem_rows", "reference_year"])
    report.status, report.list_id = "imported", victim_list.pk
    return report


def _read_rows(table: Table, mapping: dict[str, int], report: ImportReport, today: date | None,
               keep_problems: int, store: VictimList | None) -> None:
    headers = {name: table.headers[index] for name, index in mapping.items()}
    today = today or timezone.localdate()
    batch: list[ListRecord] = []
    place_ids: dict[int, int | None] = {}
    years: Counter = Counter()
    for number, cells in table.rows:
        values = {name: cells[index] if index < len(cells) else None for name, index in mapping.items()}
        person = parse_row(number, values, headers, today)
        report.rows += 1
        if person.death_date:
            years[person.death_date.year] += 1
        if person.problems:
            report.problem_rows += 1
            room = keep_problems - len(report.problems)
            report.problems.extend(person.problems[:max(room, 0)])
        if store is not None:
            raw = {header or f"column {i + 1}": text_of(cell) for i, (header, cell) in
                   enumerate(zip(_padded(table.headers, len(cells)), cells, strict=False))}
            batch.append(_record(store, number, raw, person, place_ids))
            if len(batch) >= BATCH:
                ListRecord.objects.bulk_create(batch)
                batch = []
    for number, message in table.unreadable:
        report.problem_rows += 1
        report.problems.append(Problem(number, "", "", message))
    if batch:
        ListRecord.objects.bulk_create(batch)
    # Ages in rows without a date of death refer to the year most of the list's deaths are in.
    report.reference_year = years.most_common(1)[0][0] if years else None
    if report.rows == 0:
        raise TableError(f"{report.file} has a header row but no data rows; there is no list to import")


def _padded(headers: list[str], width: int) -> list[str]:
    return headers + [""] * max(0, width - len(headers))


def _record(victim_list: VictimList, number: int, raw: dict, person, place_ids: dict) -> ListRecord:
    fields = person.as_fields()
    perpetrator, place_text = fields.pop("perpetrator"), fields["place_text"]
    for name in ("notes", "script", "identification"):
        fields.pop(name)
    keys = place_keys(place_text)
    return ListRecord(
        victim_list=victim_list, row=number, raw=raw, perpetrator_claimed=perpetrator[:500],
        identification=person.identification, problems=[asdict(p) for p in person.problems],
        place_id=_place_id(keys.geonames_id, place_ids), **fields)


def _place_id(geonames_id: int | None, known: dict[int, int | None]) -> int | None:
    if geonames_id is None:
        return None
    if geonames_id not in known:
        from litopys.places.loading import ensure_place

        row = ensure_place(geonames_id)
        known[geonames_id] = row.pk if row else None
    return known[geonames_id]
