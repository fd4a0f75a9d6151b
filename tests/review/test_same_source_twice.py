"""The same file ingested again adds no source and no claims; old duplicates are merged by `litopys dedupe`."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.models import CustodyEvent, Item, Source
from litopys.figures.selectors import figures_for
from litopys.incidents.models import Claim
from litopys.review.actions import decide
from litopys.review.models import Decision

pytestmark = pytest.mark.django_db

TEXT = "Synthetic statement. The regional police said on Monday that investigators found 12 bodies.\n"


@pytest.fixture
def statement(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text(TEXT)
    return str(path)


def test_three_ingests_of_one_file_leave_one_source_and_one_set_of_claims(vault, statement):
    facts = SourceFacts(collected_by="tester", kind="official_statement")
    results = [list(ingest_paths([statement], facts))[0] for _ in range(3)]
    assert [r.status for r in results] == ["new", "held", "held"]
    assert len({r.source_id for r in results}) == 1
    assert Source.objects.count() == 1 and Claim.objects.count() == 1
    [figure] = figures_for(kind="bodies")
    assert len(figure.figure.claims) == 1
    digest = Item.objects.get().sha256
    again = [e for e in CustodyEvent.objects.filter(item_hash=digest, action="collected")]
    assert len(again) == 2 and all(e.details["presented_again"] for e in again)


def test_the_same_bytes_said_to_be_another_source_are_a_second_source_and_one_origin(vault, statement):
    list(ingest_paths([statement], SourceFacts(collected_by="tester", kind="official_statement")))
    list(ingest_paths([statement], SourceFacts(collected_by="tester", kind="official_statement",
                                               publisher="A synthetic relay")))
    assert Source.objects.count() == 2 and Item.objects.count() == 1 and Claim.objects.count() == 2
    [figure] = figures_for(kind="bodies")
    assert len(figure.figure.claims) == 2 and len(figure.figure.origins) == 1


def test_dedupe_merges_duplicates_made_before_and_keeps_every_decision(vault, statement, django_user_model):
    [first] = ingest_paths([statement], SourceFacts(collected_by="tester", kind="official_statement"))
    original = Source.objects.get(pk=first.source_id)
    copy = Source.objects.create(**{name: getattr(original, name) for name in (
        "kind", "title", "publisher", "author", "url", "published", "sensitivity", "collected_by", "notes",
        "file_name", "item")}, collected_at=timezone.now())
    twin = Claim.objects.create(**{name: getattr(original.claims.get(), name) for name in (
        "kind", "min", "max", "approximate", "qualifiers", "quote", "start", "end", "extracted_by")}, source=copy)
    analyst = django_user_model.objects.create(username="synthetic-analyst", is_staff=True)
    decide(twin, "accept", analyst, "the quote says 12")
    out = StringIO()
    call_command("dedupe", "--dry-run", "--format", "json", stdout=out)
    assert json.loads(out.getvalue())["sources_merged"] == 1 and Source.objects.count() == 2
    out = StringIO()
    call_command("dedupe", "--format", "json", stdout=out)
    report = json.loads(out.getvalue())
    assert (report["sources_merged"], report["claims_merged"], report["decisions_moved"]) == (1, 1, 1)
    assert Source.objects.count() == 1 and Claim.objects.count() == 1
    kept = Claim.objects.get()
    assert [d.action for d in Decision.objects.filter(claim=kept)] == ["accept"]
    out = StringIO()
    call_command("dedupe", stdout=out)
    assert "duplicate sources: 0" in out.getvalue()
