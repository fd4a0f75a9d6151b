from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from litopys.evidence.ledger import GENESIS, canonical_entry, entry_hash, walk_chain


@dataclass(frozen=True)
class Entry:
    sequence: int
    occurred_at: datetime
    actor: str
    action: str
    item_hash: str
    details: dict
    prev_hash: str
    entry_hash: str


def chain(count: int) -> list[Entry]:
    entries, prev = [], GENESIS
    start = datetime(2022, 9, 23, 8, 0, tzinfo=UTC)
    for n in range(1, count + 1):
        moment = start + timedelta(minutes=n)
        details = {"note": f"synthetic entry {n}", "тест": "так"}
        digest = entry_hash(prev, canonical_entry(n, moment, "tester", "ingested", "", details))
        entries.append(Entry(n, moment, "tester", "ingested", "", details, prev, digest))
        prev = digest
    return entries


def test_canonical_form_is_stable():
    moment = datetime(2022, 9, 23, 10, 0, tzinfo=UTC)
    one = canonical_entry(1, moment, "a", "ingested", "", {"b": 1, "a": [1, 2]})
    assert one == b'{"action":"ingested","actor":"a","details":{"a":[1,2],"b":1},"item_hash":"",' \
                  b'"occurred_at":"2022-09-23T10:00:00.000000Z","sequence":1}'


def test_intact_chain_has_no_problems():
    assert walk_chain(chain(5)) == []


def test_edited_entry_is_detected():
    entries = chain(5)
    entries[2] = replace(entries[2], actor="someone else")
    problems = walk_chain(entries)
    assert [p.sequence for p in problems] == [3]
    assert "altered" in problems[0].message


def test_deleted_entry_is_detected():
    entries = chain(5)
    del entries[1]
    messages = " ".join(p.message for p in walk_chain(entries))
    assert "removed, inserted or reordered" in messages
    assert "broken link" in messages


def test_reordered_entries_are_detected():
    entries = chain(5)
    entries[1], entries[2] = entries[2], entries[1]
    assert walk_chain(entries)
