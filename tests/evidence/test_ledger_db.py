import pytest
from django.db import connection, transaction

from litopys.evidence import custody
from litopys.evidence.integrity import verify
from litopys.evidence.models import Checkpoint, CustodyEvent, LedgerRefused

pytestmark = pytest.mark.django_db


def fill(count=4):
    for n in range(count):
        custody.record("collected", "tester", "", note=f"synthetic event {n}")


def test_events_chain_and_verify(vault):
    fill()
    events = list(CustodyEvent.objects.order_by("sequence"))
    assert [e.sequence for e in events] == [1, 2, 3, 4]
    assert all(b.prev_hash == a.entry_hash for a, b in zip(events, events[1:], strict=False))
    custody.checkpoint()
    assert verify().intact


def test_model_layer_refuses_changes(vault):
    fill(1)
    event = CustodyEvent.objects.get()
    event.actor = "intruder"
    with pytest.raises(LedgerRefused):
        event.save()
    with pytest.raises(LedgerRefused):
        event.delete()
    with pytest.raises(LedgerRefused):
        CustodyEvent.objects.all().delete()
    with pytest.raises(LedgerRefused):
        CustodyEvent.objects.update(actor="intruder")


def test_database_trigger_refuses_raw_changes(vault):
    fill(1)
    table = CustodyEvent._meta.db_table
    for statement in (f"UPDATE {table} SET actor = 'intruder'", f"DELETE FROM {table}"):
        with pytest.raises(Exception, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert CustodyEvent.objects.get().actor == "tester"


def tamper(sql: str, params=()):
    """Change the ledger as someone with full database rights could, triggers switched off."""
    table = CustodyEvent._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            cursor.execute(sql.format(table=table), params)
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS litopys_ledger_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS litopys_ledger_no_delete")
            cursor.execute(sql.format(table=table), params)


def kinds(report):
    return {p.kind for p in report.problems}


def test_edited_row_is_detected(vault):
    fill()
    tamper("UPDATE {table} SET actor = 'intruder' WHERE sequence = 2")
    report = verify()
    assert "broken_chain" in kinds(report)
    assert any("entry 2 was altered" in p.message for p in report.problems)


def test_deleted_row_is_detected(vault):
    fill()
    tamper("DELETE FROM {table} WHERE sequence = 3")
    assert any("removed, inserted or reordered" in p.message for p in verify().problems)


def test_reordered_rows_are_detected(vault):
    fill()
    tamper("UPDATE {table} SET sequence = 100 WHERE sequence = 2")
    tamper("UPDATE {table} SET sequence = 2 WHERE sequence = 3")
    tamper("UPDATE {table} SET sequence = 3 WHERE sequence = 100")
    assert "broken_chain" in kinds(verify())


def test_rewritten_chain_is_caught_by_the_signed_checkpoint(vault):
    """Someone recomputes every hash after an edit: the chain is consistent, the checkpoint is not."""
    from litopys.evidence import ledger

    fill()
    custody.checkpoint()
    prev = ledger.GENESIS
    for event in CustodyEvent.objects.order_by("sequence"):
        actor = "intruder" if event.sequence == 2 else event.actor
        digest = ledger.entry_hash(prev, ledger.canonical_entry(
            event.sequence, event.occurred_at, actor, event.action, event.item_hash, event.details))
        tamper("UPDATE {table} SET actor = %s, prev_hash = %s, entry_hash = %s WHERE sequence = %s",
               [actor, prev, digest, event.sequence])
        prev = digest
    report = verify()
    assert kinds(report) == {"bad_checkpoint"}


def test_forged_signature_is_detected(vault):
    fill()
    point = custody.checkpoint()
    Checkpoint.objects.filter(pk=point.pk).update(signature=point.signature[:-4] + "AAA=")
    assert "bad_signature" in kinds(verify())


def test_checkpoint_only_when_something_is_new(vault):
    fill(3)
    assert custody.checkpoint().tree_size == 3
    assert custody.checkpoint() is None
    fill(1)
    assert custody.checkpoint().tree_size == 4
