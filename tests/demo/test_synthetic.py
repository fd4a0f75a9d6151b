"""`litopys synth`: SYNTHETIC records with a national effort's shape, every one marked, never beside real ones."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from litopys.chronicle.models import Post
from litopys.demo.synthetic import FIRST_DAY, LAST_DAY, MARK, Sizes, SyntheticRefused, generate
from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.integrity import verify
from litopys.evidence.models import Item, Source
from litopys.incidents.integrity import sealed
from litopys.incidents.models import Claim, Incident

pytestmark = pytest.mark.django_db


def test_every_record_is_marked_and_the_vault_verifies(vault):
    made = generate(Sizes(claims=300, sources=40, incidents=25, posts=5), seed=3)
    assert made["claims"] == Claim.objects.count() == 300 and made["sources"] == Source.objects.count() == 40
    assert not Source.objects.exclude(title__startswith=MARK).exists()
    assert not Incident.objects.exclude(title__startswith=MARK).exists()
    assert not Post.objects.exclude(title__startswith=MARK).exists()
    assert not Claim.objects.exclude(quote__startswith=MARK).exists()
    for source in Source.objects.select_related("item")[:10]:
        assert source.item.text.startswith(MARK)
        for claim in source.claims.all():
            assert source.item.text[claim.start:claim.end] == claim.quote
    report = verify()
    assert report.intact and report.items_checked == Item.objects.count() == 40


def test_the_shape_is_a_national_efforts(vault):
    generate(Sizes(claims=600, sources=60, incidents=40, posts=3), seed=5)
    assert Incident.objects.values("place__admin1").distinct().count() >= 10
    dates = Incident.objects.values_list("start_date", flat=True)
    assert min(dates) >= FIRST_DAY and max(dates) <= LAST_DAY and max(dates).year - min(dates).year >= 2
    assert set(Source.objects.values_list("language", flat=True)) == {"uk", "ru", "en"}
    assert set(Source.objects.values_list("sensitivity", flat=True)) == {"public", "restricted", "confidential"}
    verified = Claim.objects.filter(status="verified")
    assert verified.exists() and all(sealed(claim) for claim in verified)
    assert verified.exclude(accepted_by=None).count() == verified.count()
    conflicting = [i for i in Incident.objects.all()
                   if len(set(i.claims.filter(kind="killed").values_list("min", flat=True))) > 1]
    assert conflicting, "sources disagree about some incident"


def test_a_database_with_real_records_is_refused(vault, tmp_path):
    path = tmp_path / "real.txt"
    path.write_text("A real statement: nothing synthetic about it.\n")
    list(ingest_paths([str(path)], SourceFacts(collected_by="tester", title="A real statement")))
    with pytest.raises(SyntheticRefused, match="1 sources not marked SYNTHETIC"):
        generate(Sizes(claims=10, sources=2, incidents=1, posts=0))
    assert Source.objects.count() == 1 and not Incident.objects.exists()
    with pytest.raises(CommandError, match="database of their own"):
        call_command("synth", "--claims", "10", "--sources", "2")
