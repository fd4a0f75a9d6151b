"""Refuse UPDATE and DELETE on the custody ledger inside the database itself."""

from django.db import migrations

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION litopys_refuse_ledger_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the custody ledger is append-only: % refused on %', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER litopys_ledger_append_only
    BEFORE UPDATE OR DELETE ON evidence_custodyevent
    FOR EACH ROW EXECUTE FUNCTION litopys_refuse_ledger_change();
CREATE TRIGGER litopys_ledger_no_truncate
    BEFORE TRUNCATE ON evidence_custodyevent
    FOR EACH STATEMENT EXECUTE FUNCTION litopys_refuse_ledger_change();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS litopys_ledger_append_only ON evidence_custodyevent;
DROP TRIGGER IF EXISTS litopys_ledger_no_truncate ON evidence_custodyevent;
DROP FUNCTION IF EXISTS litopys_refuse_ledger_change();
"""
SQLITE_UP = [
    """CREATE TRIGGER litopys_ledger_no_update BEFORE UPDATE ON evidence_custodyevent
       BEGIN SELECT RAISE(ABORT, 'the custody ledger is append-only: UPDATE refused'); END;""",
    """CREATE TRIGGER litopys_ledger_no_delete BEFORE DELETE ON evidence_custodyevent
       BEGIN SELECT RAISE(ABORT, 'the custody ledger is append-only: DELETE refused'); END;""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS litopys_ledger_no_update;",
    "DROP TRIGGER IF EXISTS litopys_ledger_no_delete;",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_UP, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_UP:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DOWN, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_DOWN:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
