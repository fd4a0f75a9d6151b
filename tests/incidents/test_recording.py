"""Ingest stores what extraction finds: attributed claims with exact quotes, and opinion spans."""

from datetime import date

import pytest

from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.models import Source
from litopys.incidents.models import Actor, Claim, OpinionSpan
from litopys.places.loading import load_places

pytestmark = pytest.mark.django_db


def ingest(path, **facts):
    [result] = ingest_paths([str(path)], SourceFacts(collected_by="tester", **facts))
    assert result.status in ("new", "held"), result
    return Source.objects.get(pk=result.source_id)


def test_seed_claims_are_stored_unverified_with_quotes(vault, samples):
    load_places()
    source = ingest(samples / "seed-article.txt", kind="article", published=date(2022, 9, 23))
    text = source.item.text
    claims = list(source.claims.all())
    assert claims and all(c.status == "unverified" for c in claims)
    assert all(text[c.start:c.end] == c.quote for c in claims)
    assert all(c.extracted_by.startswith("litopys-rules") for c in claims)
    values = {(c.kind, c.min, c.max, tuple(sorted(c.qualifiers.items()))) for c in claims}
    assert ("bodies", 447, 447, ()) in values
    assert ("bodies", 194, 194, (("sex", "male"),)) in values
    assert ("bodies", 215, 215, (("sex", "female"),)) in values
    assert ("bodies", 5, 5, (("age", "child"),)) in values
    assert ("killed", 1000, None, (("status", "civilian"),)) in values
    torture = source.claims.get(kind="torture_sites")
    assert torture.min == 10 and torture.attributed_to.name == "Ihor Klymenko"
    assert torture.place.name == "Kharkiv Oblast"
    assert source.claims.get(kind="bodies", min=447).place.geonames_id == 707292
    assert OpinionSpan.objects.filter(source=source).exists()
    for span in OpinionSpan.objects.filter(source=source):
        assert not any(span.start <= c.start < span.end for c in claims), "no claim inside an opinion"


def test_same_bytes_again_make_a_second_source_with_its_own_claims(vault, samples):
    first = ingest(samples / "izium-police-2022-09-23.txt", kind="official_statement")
    second = ingest(samples / "izium-police-2022-09-23.txt", kind="official_statement")
    assert first.item_id == second.item_id
    assert first.claims.count() == second.claims.count() == 6
    assert Actor.objects.filter(name="Ihor Klymenko").count() == 1


def test_text_without_claims_stores_none(vault, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("A synthetic note about the weather in a town, with no counts at all.\n")
    source = ingest(path)
    assert source.claims.count() == 0
    assert Claim.objects.count() == 0


def test_one_person_quoted_in_two_scripts_is_one_actor(vault, tmp_path):
    english = tmp_path / "synthetic-en.txt"
    english.write_text("Synthetic report. Police chief Ihor Klymenko said investigators found 3 graves.\n")
    ukrainian = tmp_path / "synthetic-uk.txt"
    ukrainian.write_text("Синтетичний звіт. Ігор Клименко заявив, що слідчі знайшли 4 могили.\n")
    first, second = ingest(english), ingest(ukrainian)
    assert first.claims.get().attributed_to.name == "Ihor Klymenko"
    actor = second.claims.get().attributed_to
    assert actor == first.claims.get().attributed_to
    assert "Ігор Клименко" in actor.names
    assert Actor.objects.filter(match_key="ihor klymenko").count() == 1


def test_claims_keep_their_place_before_the_gazetteer_is_loaded(vault, tmp_path):
    from litopys.places.models import Place

    assert not Place.objects.exists()
    path = tmp_path / "synthetic-izium.txt"
    path.write_text("Synthetic report. Searchers found 12 graves in Izium, Kharkiv region.\n")
    claim = ingest(path).claims.get()
    assert claim.place.geonames_id == 707292 and claim.place.name == "Izium"
    assert claim.place.admin1.name == "Kharkiv Oblast" and claim.place.admin1.admin1 == claim.place.admin1
    counts = load_places()  # a later load completes the rows it finds
    assert counts["created"] == counts["total"] - 2
    assert Place.objects.get(geonames_id=707292).alternate_names


def test_a_text_detected_as_a_language_without_rules_is_still_read(vault, tmp_path):
    from litopys.evidence.models import Item
    from litopys.incidents.actions import on_source_ingested

    path = tmp_path / "short.txt"
    path.write_text("Synthetic note: police found 12 bodies.\n")
    [result] = ingest_paths([str(path)], SourceFacts(collected_by="tester"))
    source = Source.objects.get(pk=result.source_id)
    source.claims.all().delete()
    Item.objects.filter(pk=source.item_id).update(language="pl")  # what the detector said of a short note
    source.refresh_from_db()
    on_source_ingested(None, source=source, item=source.item, created=True)
    assert [claim.min for claim in source.claims.all()] == [12]
