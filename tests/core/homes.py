"""Make the test database look like a new one (every row gone but those `migrate` makes), as a fresh home's is."""

import importlib

from django.db import connection

from litopys.core.backup.tables import MADE_BY_MIGRATE, models_to_copy
from litopys.evidence.models import CustodyEvent

TRIGGERS = importlib.import_module("litopys.evidence.migrations.0002_ledger_triggers")


def empty_database() -> None:
    """Delete every row a restore would bring back, the append-only ledger's included (inside the test's
    transaction, which rolls it all back)."""
    ledger = CustodyEvent._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {ledger} DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS litopys_ledger_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS litopys_ledger_no_delete")
        for model in models_to_copy():
            if model._meta.label_lower not in MADE_BY_MIGRATE:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {ledger} ENABLE TRIGGER USER")
        else:
            for statement in TRIGGERS.SQLITE_UP:
                cursor.execute(statement)


def check_constraints() -> None:
    """Check the foreign keys now, as the restore's commit would (the test's transaction never commits)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    else:
        connection.check_constraints()
