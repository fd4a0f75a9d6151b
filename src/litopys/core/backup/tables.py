"""The database as one JSON-lines file per table, readable by any database Litopys runs on.

Each file starts with a header line (the model and its columns), then one JSON array a row, with every value
exactly as stored: times keep their microseconds (the custody ledger's hashes cover them), JSON columns stay
JSON, bytes are base64. Rows keep their ids. References to content types and permissions, which every
database numbers for itself when it is set up, are written by name and found again by name on loading.

Loading inserts the rows as they are — no save() logic, no signals, no "auto_now" times — in one transaction
whose foreign keys are checked at commit, then moves each table's id sequence past the largest id.
"""

from __future__ import annotations

import base64
import datetime
import decimal
import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models
from django.utils.duration import duration_iso_string

FORMAT = "litopys tables 1"
#: Rows every database makes for itself when it is set up (migrate): never written, referred to by name.
NAMED = {"contenttypes.contenttype", "auth.permission"}
#: Logged-in sessions are credentials, and worthless elsewhere: never written.
LEFT_OUT = NAMED | {"sessions.session"}
#: Rows that `migrate` makes in a new database (the role groups): replaced by the backup's own on loading.
MADE_BY_MIGRATE = {"auth.group", "auth.group_permissions"}
CHUNK = 2000


class TablesError(Exception):
    """The dump cannot be read or loaded; the message names the file and what to do."""


def models_to_copy() -> list[type[models.Model]]:
    """Return every table's model (many-to-many tables included), in a stable order."""
    found = [model for model in apps.get_models(include_auto_created=True)
             if model._meta.managed and not model._meta.proxy and not model._meta.swapped
             and model._meta.label_lower not in LEFT_OUT]
    return sorted(found, key=lambda model: model._meta.label_lower)


def columns(model) -> list[models.Field]:
    return list(model._meta.concrete_fields)


def named_target(field: models.Field) -> str | None:
    """Return the label of the model a column refers to by name, or None."""
    if field.is_relation and field.related_model is not None:
        label = field.related_model._meta.label_lower
        if label in NAMED:
            return label
    return None


def _name_tables() -> dict[str, dict]:
    """Return, for each named model, id -> name and name -> id in this database."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    kinds = {pk: [app, model] for pk, app, model in ContentType.objects.values_list("pk", "app_label", "model")}
    permissions = {pk: [*kinds[type_id], codename]
                   for pk, type_id, codename in Permission.objects.values_list("pk", "content_type_id", "codename")}
    return {
        "contenttypes.contenttype": {"name": kinds, "id": {tuple(v): k for k, v in kinds.items()}},
        "auth.permission": {"name": permissions, "id": {tuple(v): k for k, v in permissions.items()}},
    }


def encode(value):
    """Return a stored value as JSON can hold it, losing nothing."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return duration_iso_string(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"a value of type {type(value).__name__} cannot be written")


def dump_model(model, folder: Path, names: dict) -> tuple[str, int]:
    """Write one table to folder/<app.model>.jsonl; return (file name, rows)."""
    fields = columns(model)
    label = model._meta.label_lower
    targets = {field.attname: named_target(field) for field in fields}
    header = {"format": FORMAT, "model": label, "columns": [field.attname for field in fields],
              "named": {column: target for column, target in targets.items() if target}}
    name = f"{label}.jsonl"
    rows = 0
    with open(folder / name, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(header, ensure_ascii=False) + "\n")
        query = model._base_manager.order_by("pk").values_list(*header["columns"])
        for row in query.iterator(chunk_size=CHUNK):
            if header["named"]:
                row = [names[targets[column]]["name"].get(value, value) if targets[column] and value is not None
                       else value for column, value in zip(header["columns"], row, strict=True)]
            handle.write(json.dumps(row, ensure_ascii=False, default=encode, separators=(",", ":")) + "\n")
            rows += 1
    return name, rows


def dump(folder: Path) -> dict[str, int]:
    """Write every table to folder; return file name -> rows. Run it inside a consistent snapshot."""
    folder.mkdir(parents=True, exist_ok=True)
    names = _name_tables()
    written = {}
    for model in models_to_copy():
        name, rows = dump_model(model, folder, names)
        written[name] = rows
    return written


def occupied(exempt: set[str] = MADE_BY_MIGRATE) -> dict[str, int]:
    """Return label -> rows for the tables that hold anything beyond what `migrate` puts in a new database."""
    held = {}
    for model in models_to_copy():
        label = model._meta.label_lower
        if label not in exempt and model._base_manager.exists():
            held[label] = model._base_manager.count()
    return held


def read_rows(path: Path) -> tuple[dict, Iterator[list]]:
    handle = open(path, encoding="utf-8")
    try:
        header = json.loads(handle.readline())
    except ValueError:
        handle.close()
        raise TablesError(f"{path}: not a table written by `litopys backup`; the backup is damaged") from None
    if header.get("format") != FORMAT:
        handle.close()
        raise TablesError(f"{path}: written in the format {header.get('format')!r}, not {FORMAT!r}; restore it "
                          "with the Litopys version that made it")

    def rows():
        with handle:
            for line in handle:
                yield json.loads(line)

    return header, rows()


def load(folder: Path, files: dict[str, int], progress: Callable[[int], None] | None = None) -> int:
    """Insert every table written by `dump` into this (new) database; return the rows inserted.

    Call it inside one transaction: foreign keys are checked when it commits.
    """
    from litopys.core.roles import ensure_roles

    known = {model._meta.label_lower: model for model in models_to_copy()}
    names = _name_tables()
    for label in MADE_BY_MIGRATE:
        known[label]._base_manager.all().delete()
    inserted = 0
    loaded = []
    for name in sorted(files):
        header, rows = read_rows(folder / name)
        model = known.get(header["model"])
        if model is None:
            raise TablesError(f"{name}: the table {header['model']} is not in this version of Litopys; restore with "
                              "the version that made the backup")
        fields = columns(model)
        if [field.attname for field in fields] != header["columns"]:
            raise TablesError(f"{name}: its columns differ from this version's {header['model']}; restore with the "
                              "version that made the backup")
        inserted += _insert(model, fields, header, rows, names, progress)
        loaded.append(model)
    _reset_sequences(loaded)
    ensure_roles()
    return inserted


def _insert(model, fields, header, rows, names, progress) -> int:
    """Insert rows as they are: one prepared INSERT, executed for a batch of rows at a time."""
    quote = connection.ops.quote_name
    statement = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
                 f"VALUES ({', '.join(['%s'] * len(fields))})")

    def prepared(row) -> list:
        values = []
        for field, value in zip(fields, row, strict=True):
            if value is None:
                values.append(None)
                continue
            target = header["named"].get(field.attname)
            if target:
                found = names[target]["id"].get(tuple(value))
                if found is None:
                    raise TablesError(f"{header['model']}: {field.attname} names {value}, which this database "
                                      "does not have; restore with the version that made the backup")
                value = found
            values.append(field.get_db_prep_save(field.to_python(value), connection=connection))
        return values

    count = 0
    batch: list = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(prepared(row))
            if len(batch) >= CHUNK:
                cursor.executemany(statement, batch)
                count += len(batch)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            cursor.executemany(statement, batch)
            count += len(batch)
            if progress:
                progress(len(batch))
    return count


def _reset_sequences(loaded) -> None:
    """Move each table's id sequence past its largest id, so that new rows get new ids (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), loaded)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
