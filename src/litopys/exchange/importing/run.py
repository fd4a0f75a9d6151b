"""Run a CSV import: every row read and checked, good rows written, bad ones reported one line each — all in one
transaction, so an interrupted or failed import leaves nothing half-written, and a dry run rolls it all back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, IntegrityError, transaction

from litopys.exchange.importing.claims import ClaimRows
from litopys.exchange.importing.incidents import IncidentRows
from litopys.exchange.importing.reading import ImportFileError, headers, open_rows
from litopys.exchange.importing.sources import SourceRows
from litopys.exchange.importing.values import RowError

KINDS = {"incidents": IncidentRows, "claims": ClaimRows, "sources": SourceRows}
OUTCOMES = ("created", "updated", "unchanged", "failed")
#: Bad rows listed one by one; past this many, the rest are counted.
LISTED_ERRORS = 1000


@dataclass
class ImportReport:
    kind: str
    file: str
    dry_run: bool = False
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    errors: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    written: bool = False

    def count(self, outcome: str) -> None:
        self.counts[outcome] += 1

    def recount(self, was: str, now: str) -> None:
        self.counts[was] -= 1
        self.counts[now] += 1

    def fail(self, row: int, message: str) -> None:
        self.count("failed")
        if len(self.errors) < LISTED_ERRORS:
            self.errors.append((row, message))

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def as_dict(self) -> dict:
        return {"kind": self.kind, "file": self.file, "dry_run": self.dry_run, "written": self.written,
                **self.counts, "errors": [{"row": row, "message": message} for row, message in self.errors],
                "notes": self.notes}


def import_csv(kind: str, path, dry_run: bool = False, strict: bool = False, user=None) -> ImportReport:
    """Import a CSV file of incidents, claims or sources; return what happened (or would, on a dry run)."""
    if kind not in KINDS:
        raise ImportFileError(f"{kind!r} is not a kind of CSV import; use {', '.join(KINDS)}")
    path = Path(path)
    fields, rows, notes = open_rows(path, kind)
    missing = [name for name in KINDS[kind].required if name not in fields]
    if missing:
        aliases = " or ".join(repr(alias) for alias in headers()[kind][missing[0]][:3])
        raise ImportFileError(f"{path} has no {missing[0]} column (headed {aliases}); add it, or check that the "
                              f"first row holds the headers")
    report = ImportReport(kind, str(path), dry_run=dry_run, notes=notes)
    keys = _keys(path, kind) if kind == "incidents" else set()
    extra = {"folder": path.resolve().parent} if kind == "sources" else {}
    importer = KINDS[kind](keys, dry_run=dry_run, user=user, **extra)
    with transaction.atomic():
        for number, row in rows:
            if "__error__" in row:
                report.fail(number, row["__error__"])
                continue
            try:
                values = importer.read(row)
                with transaction.atomic():
                    report.count(importer.write(values))
            except RowError as exc:
                report.fail(number, str(exc))
            except (IntegrityError, DatabaseError) as exc:
                report.fail(number, f"the database refused it ({str(exc).strip().splitlines()[0]})")
        importer.finish(report)
        if dry_run or (strict and report.failed):
            transaction.set_rollback(True)
        else:
            report.written = True
    if report.written and kind == "sources" and report.counts["created"]:
        from litopys.evidence.custody import checkpoint

        checkpoint()
    return report


def _keys(path: Path, kind: str) -> set[str]:
    """Read the file once for the keys it holds (incident slugs), so a row may name a parent that comes later."""
    _, rows, _ = open_rows(path, kind)
    return {KINDS[kind].key(row) for _, row in rows if "__error__" not in row} - {""}
