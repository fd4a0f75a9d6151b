"""Sources from CSV: one row per file (a path beside the CSV), with what the collector knows about it. Each file is
preserved through the same ingest as `litopys ingest` (hash first, stored once, a custody event); a `sha256`
column is checked against the bytes before anything is stored. A file already held with the same title is left
alone, so the same CSV again changes nothing. A dry run reads and hashes the files and stores nothing."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from litopys.evidence.hashing import PREFIX, digest_file
from litopys.evidence.ingest import SourceFacts, ingest_stream
from litopys.evidence.models import Sensitivity, Source
from litopys.exchange.importing.values import RowError, choice, day, vocabulary_code


class SourceRows:
    kind = "sources"
    required = ("file",)

    def __init__(self, keys: set[str], dry_run: bool = False, user=None, folder: Path | None = None):
        self.dry_run = dry_run
        self.folder = folder or Path.cwd()
        self.collector = user.get_username() if user is not None else ""

    @staticmethod
    def key(row: dict) -> str:
        return ""

    def read(self, row: dict) -> dict:
        name = row.get("file", "")
        if not name:
            raise RowError("file is empty; give the path of the file, relative to the CSV's folder")
        path = (self.folder / name).resolve()
        if not path.is_file():
            raise RowError(f"file {name!r} is not a file beside the CSV ({path}); check the path")
        if path.stat().st_size > settings.LITOPYS_MAX_ITEM_BYTES:
            raise RowError(f"file {name!r} is larger than LITOPYS_MAX_ITEM_BYTES; raise it or split the file")
        digest = digest_file(path)
        expected = row.get("sha256", "").lower()
        if expected and (expected if expected.startswith(PREFIX) else PREFIX + expected) != digest:
            raise RowError(f"file {name!r} hashes to {digest}, not to the sha256 the row gives: it is not the file "
                           "that was listed; find the right one")
        facts = SourceFacts(
            kind=vocabulary_code("source_kinds", row["kind"], "kind") if row.get("kind") else "",
            title=row.get("title", "")[:500], publisher=row.get("publisher", "")[:300],
            author=row.get("author", "")[:300], url=row.get("url", "")[:2000],
            published=day(row.get("published", ""), "published"),
            collected_by=(row.get("collected_by") or self.collector)[:200], collection_method="csv import",
            sensitivity=choice(Sensitivity, row.get("sensitivity") or "restricted", "sensitivity"),
            notes=row.get("notes", ""))
        if facts.url and not facts.url.lower().startswith(("http://", "https://")):
            raise RowError(f"url {facts.url!r} is not an http(s) address")
        return {"path": path, "digest": digest, "facts": facts}

    def write(self, values: dict) -> str:
        facts = values["facts"]
        title = facts.title or values["path"].name
        if Source.objects.filter(item__sha256=values["digest"], title=title[:500]).exists():
            return "unchanged"
        if self.dry_run:
            return "created"
        with open(values["path"], "rb") as handle:
            result = ingest_stream(handle, values["path"].name, facts, label=str(values["path"]))
        if result.status == "failed":
            raise RowError(f"file {values['path'].name!r} could not be preserved: {result.message}")
        return "created"

    def finish(self, report) -> None:
        return None
