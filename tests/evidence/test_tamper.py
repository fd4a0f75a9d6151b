"""`litopys verify` against someone who can write the database (and, where said, the files): every way the
attacker's review found to fool it, and the five classic ones, each caught."""

import io
import json

import pytest
from django.db import connection

from litopys.evidence import custody, ledger
from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.integrity import verify
from litopys.evidence.models import Checkpoint, CustodyEvent, Item, Source
from tests.evidence.test_ledger_db import tamper

pytestmark = pytest.mark.django_db

TEXTS = ("Synthetic field notes, first page: nothing counted here.\n",
         "Synthetic field notes, second page: a description of a street.\n")


@pytest.fixture
def held(vault, tmp_path):
    """Two files ingested and a checkpoint signed, as after `litopys ingest`; verify finds nothing."""
    paths = []
    for n, text in enumerate(TEXTS):
        path = tmp_path / f"notes-{n}.txt"
        path.write_text(text)
        paths.append(str(path))
    results = list(ingest_paths(paths, SourceFacts(collected_by="tester")))
    custody.checkpoint()
    report = verify()
    assert report.intact, report.problems
    return [Item.objects.get(sha256=result.digest) for result in results]


def kinds(report) -> set[str]:
    return {problem.kind for problem in report.problems}


def messages(report) -> str:
    return "\n".join(problem.message for problem in report.problems)


def run_verify(*args) -> tuple[int, str]:
    from django.core.management import call_command

    out = io.StringIO()
    try:
        call_command("verify", *args, stdout=out)
    except SystemExit as exc:
        return exc.code, out.getvalue()
    return 0, out.getvalue()


def test_verify_words_each_count_with_its_noun(held, vault):
    """One checkpoint is '1 checkpoint', one problem '1 problem', two items '2 items'; JSON keeps its numbers."""
    report = verify()
    assert report.checkpoints_checked == 1 and report.items_checked == 2 and report.entries_checked > 1
    code, out = run_verify()
    assert code == 0 and out.splitlines()[-1] == (f"2 items ({report.bytes_checked} bytes), "
                                                  f"{report.entries_checked} ledger entries, 1 checkpoint: intact")
    code, out = run_verify("--format", "json")
    assert code == 0 and json.loads(out) == report.as_dict()
    path = vault.path(held[0].sha256)
    path.chmod(0o644)
    path.write_bytes(b"X" + path.read_bytes()[1:])
    assert len(verify().problems) == 1
    code, out = run_verify()
    assert code == 1 and out.splitlines()[-1].endswith(", 1 checkpoint: 1 problem") and "(s)" not in out


# The five classic cases.

def test_a_flipped_byte(held, vault):
    path = vault.path(held[0].sha256)
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[3] ^= 1
    path.write_bytes(bytes(data))
    assert kinds(verify()) == {"altered_item"}


def test_a_missing_file(held, vault):
    vault.path(held[0].sha256).unlink()
    assert kinds(verify()) == {"missing_item"}


def test_an_edited_entry_breaks_the_chain(held):
    tamper("UPDATE {table} SET actor = 'intruder' WHERE sequence = 1")
    assert "broken_chain" in kinds(verify())


def test_an_edited_checkpoint_root(held):
    Checkpoint.objects.update(root_hash="sha256:" + "0" * 64)
    assert "bad_checkpoint" in kinds(verify())


def test_a_forged_signature(held):
    point = Checkpoint.objects.get()
    Checkpoint.objects.filter(pk=point.pk).update(signature=point.signature[:-4] + "AAA=")
    report = verify()
    assert "bad_signature" in kinds(report) and "bad_checkpoint" in kinds(report)  # differs from the log too


# What the review found verify missed.

def test_new_bytes_under_their_own_hash_with_the_item_row_pointed_at_them(held, vault):
    stored = vault.store(io.BytesIO(b"Synthetic forged notes: other words.\n"), 10_000, label="forged")
    Item.objects.filter(pk=held[0].pk).update(sha256=stored.digest, size=stored.size)
    report = verify()
    assert {"unrecorded_item", "missing_record"} <= kinds(report)
    assert stored.digest in messages(report) and held[0].sha256 in messages(report)


def test_an_actor_changed_and_every_later_hash_recomputed_and_the_checkpoints_deleted(held):
    previous = ledger.GENESIS
    for event in CustodyEvent.objects.order_by("sequence"):
        actor = "intruder" if event.sequence == 1 else event.actor
        digest = ledger.entry_hash(previous, ledger.canonical_entry(
            event.sequence, event.occurred_at, actor, event.action, event.item_hash, event.details))
        tamper("UPDATE {table} SET actor = %s, prev_hash = %s, entry_hash = %s WHERE sequence = %s",
               [actor, previous, digest, event.sequence])
        previous = digest
    Checkpoint.objects.all().delete()
    report = verify()
    assert "broken_chain" not in kinds(report)  # the chain itself is consistent again...
    assert "bad_checkpoint" in kinds(report)  # ...but the log outside the database remembers the root
    assert "rewritten" in messages(report)


def test_every_checkpoint_deleted(held):
    Checkpoint.objects.all().delete()
    report = verify()
    assert "bad_checkpoint" in kinds(report) and "deleted" in messages(report)


def test_the_last_entry_and_the_last_checkpoint_deleted(held):
    last = CustodyEvent.objects.order_by("-sequence").first().sequence
    tamper("DELETE FROM {table} WHERE sequence = %s", [last])
    Checkpoint.objects.filter(tree_size=last).delete()
    report = verify()
    assert "bad_checkpoint" in kinds(report) and "entries were removed" in messages(report)


def test_an_item_row_and_its_source_deleted(held):
    Source.objects.filter(item=held[1]).delete()
    Item.objects.filter(pk=held[1].pk).delete()
    report = verify()
    assert "missing_record" in kinds(report) and held[1].sha256 in messages(report)


# What the log outside the database itself protects against.

def test_a_home_with_entries_and_no_checkpoint_fails(vault, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(TEXTS[0])
    list(ingest_paths([str(path)], SourceFacts(collected_by="tester")))
    assert kinds(verify()) == {"no_checkpoint"}


def test_a_checkpoint_struck_from_the_log_or_the_log_deleted(held, checkpoint_log):
    custody.record("collected", "tester", "", note="synthetic later event")
    custody.checkpoint()
    lines = checkpoint_log.read_text().splitlines()
    checkpoint_log.write_text(lines[0] + "\n")
    assert "checkpoint_log" in kinds(verify())
    checkpoint_log.unlink()
    assert "missing" in messages(verify())


def test_a_forged_line_in_the_log_is_refused(held, checkpoint_log):
    line = json.loads(checkpoint_log.read_text().splitlines()[0])
    line["root_hash"] = "sha256:" + "1" * 64
    checkpoint_log.write_text(json.dumps(line) + "\n")
    report = verify()
    assert "checkpoint_log" in kinds(report) or "bad_checkpoint" in kinds(report)
    assert not report.intact


def test_a_crash_between_the_database_and_the_log_is_mended_by_the_next_checkpoint(held, checkpoint_log):
    custody.record("collected", "tester", "", note="synthetic later event")
    custody.checkpoint()
    checkpoint_log.write_text(checkpoint_log.read_text().splitlines()[0] + "\n")  # the second line never landed
    assert not verify().intact
    from django.core.management import call_command

    call_command("checkpoint")
    assert verify().intact
    assert connection.vendor in ("sqlite", "postgresql")


def test_adopting_the_log_says_how_many_checkpoints_it_wrote(held, checkpoint_log):
    from django.core.management import call_command

    checkpoint_log.unlink()  # as after upgrading from a version without a checkpoint log
    out = io.StringIO()
    call_command("checkpoint", "--adopt-log", stdout=out)
    assert f"1 checkpoint written to {checkpoint_log}." in out.getvalue()
    assert verify().intact
