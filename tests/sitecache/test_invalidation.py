"""The page cache knows no app's models by name: each app declares what its pages are drawn from."""

import re
from pathlib import Path

import pytest
from django.core.cache import cache

from litopys.sitecache import generations, invalidation

SITECACHE = Path(invalidation.__file__).parent


def test_the_sitecache_names_no_other_app():
    for module in SITECACHE.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        found = re.findall(r"litopys\.(chronicle|record|incidents|figures|review|verification|evidence|places)\b",
                           text)
        assert not found, f"{module.name} names {found}"


def test_record_models_are_declared_by_their_own_apps():
    declared = dict(invalidation.declared("record_models"))
    assert {"incidents.Claim", "incidents.Incident", "places.Place", "chronicle.Media", "evidence.Source"} <= set(
        declared)
    assert declared["evidence.Source"] == "litopys.incidents.selectors.source_is_cited"


@pytest.mark.django_db
def test_a_declared_model_starts_a_new_record_generation():
    from litopys.places.models import Place

    cache.clear()
    before = generations.record_generation()
    Place.objects.create(geonames_id=999000001, name="Synthetic village")
    assert generations.record_generation() > before


@pytest.mark.django_db
def test_a_source_changes_pages_only_once_a_claim_cites_it(django_capture_on_commit_callbacks):
    from django.utils import timezone

    from litopys.evidence.models import Item, Source
    from litopys.incidents.models import Claim

    cache.clear()
    item = Item.objects.create(sha256="sha256:" + "ab" * 32, size=1, media_type="text/plain")
    source = Source.objects.create(item=item, title="Synthetic source", collected_at=timezone.now())
    before = generations.record_generation()
    source.title = "Synthetic source, renamed"
    source.save()
    assert generations.record_generation() == before
    Claim.objects.create(source=source, kind="bodies", min=1, max=1, quote="1 body", start=0, end=6,
                         extracted_by="test")
    cited = generations.record_generation()
    source.title = "Synthetic source, renamed again"
    source.save()
    assert generations.record_generation() > cited


def test_personal_cookies_and_due_dates_come_from_the_apps():
    from litopys.chronicle.apps import PENDING_COOKIE

    assert PENDING_COOKIE in invalidation.personal_cookies()
    assert any(f.__module__ == "litopys.chronicle.publishing" for f in invalidation.due_functions())
