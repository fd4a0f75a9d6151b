"""Two-person review: decisions are recorded, and nobody verifies what they entered or accepted."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.models import Source
from litopys.incidents.models import Claim
from litopys.review.actions import decide

pytestmark = pytest.mark.django_db

TEXT = ("Synthetic statement for tests. The regional police said on Monday that investigators "
        "found 12 bodies near the village.\n")


@pytest.fixture
def claim(vault, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text(TEXT)
    [result] = ingest_paths([str(path)], SourceFacts(collected_by="tester", kind="official_statement"))
    claim = Source.objects.get(pk=result.source_id).claims.get()
    assert (claim.kind, claim.min) == ("bodies", 12)
    return claim


def reviewer(name):
    user = get_user_model().objects.create_user(name, password="synthetic-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name="reviewer"))
    return user


def test_accepting_then_verifying_by_another_person(claim):
    first, second = reviewer("first"), reviewer("second")
    decide(claim, "accept", first, "quote checked")
    claim.refresh_from_db()
    with pytest.raises(PermissionDenied):
        decide(claim, "verify", first)
    decide(claim, "verify", second, "matches the police site")
    claim.refresh_from_db()
    assert claim.status == "verified"
    assert [(d.action, d.user.username, d.to_status) for d in claim.decisions.all()] == [
        ("accept", "first", "unverified"), ("verify", "second", "verified")]


def test_who_entered_a_claim_cannot_verify_it(claim):
    author = reviewer("author")
    Claim.objects.filter(pk=claim.pk).update(entered_by=author)
    claim.refresh_from_db()
    with pytest.raises(PermissionDenied):
        decide(claim, "verify", author)


def test_reject_and_dispute_need_a_reason(claim):
    user = reviewer("someone")
    with pytest.raises(ValidationError):
        decide(claim, "reject", user, "")
    decide(claim, "dispute", user, "another origin says 11")
    claim.refresh_from_db()
    assert claim.status == "disputed"


def test_every_change_is_in_the_claim_history(claim):
    user = reviewer("editor")
    decide(claim, "edit", user, "place was wrong", changes={"place_name": "Hrakove"})
    claim.refresh_from_db()
    assert claim.place_name == "Hrakove"
    history = list(claim.history.order_by("history_date"))
    assert history[-1].place_name == "Hrakove"
    delta = history[-1].diff_against(history[-2])
    assert "place_name" in delta.changed_fields


def test_queue_verifies_and_refuses_own_claims(claim, client):
    first, second = reviewer("first"), reviewer("second")
    client.force_login(first)
    page = client.get("/staff/review/")
    assert page.status_code == 200 and f'id="claim-{claim.pk}"' in page.content.decode()
    client.post("/staff/review/", {"claim": claim.pk, "action": "accept"})
    claim.refresh_from_db()
    assert claim.accepted_by == first
    page = client.get("/staff/review/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "another reviewer must" in page
    client.post("/staff/review/", {"claim": claim.pk, "action": "verify"})
    claim.refresh_from_db()
    assert claim.status != "verified"
    client.force_login(second)
    client.post("/staff/review/", {"claim": claim.pk, "action": "verify"})
    claim.refresh_from_db()
    assert claim.status == "verified"


def test_source_page_highlights_claims_and_adds_one_by_selection(claim, client):
    analyst = get_user_model().objects.create_user("analyst", password="synthetic-pass-123", is_staff=True)
    analyst.groups.add(Group.objects.get(name="analyst"))
    client.force_login(analyst)
    url = f"/staff/review/source/{claim.source_id}/"
    html = client.get(url).content.decode()
    assert f'data-claims="{claim.pk}"' in html and "<mark" in html
    start = TEXT.index("the village")
    response = client.post(url, {"op": "add", "quote": "the village", "start": start, "end": start + 11,
                                 "kind": "graves", "min": 1, "max": 1})
    assert response.status_code == 302
    added = Claim.objects.get(kind="graves")
    assert (added.start, added.end, added.entered_by, added.extracted_by) == (start, start + 11, analyst,
                                                                              "person:analyst")
    html = client.post(url, {"op": "add", "quote": "words not in the text", "kind": "graves", "min": 1},
                       HTTP_ACCEPT_LANGUAGE="en").content
    assert "not in the source" in html.decode()


def test_a_collector_cannot_decide(claim, client):
    collector = get_user_model().objects.create_user("collector", password="synthetic-pass-123", is_staff=True)
    collector.groups.add(Group.objects.get(name="collector"))
    client.force_login(collector)
    assert client.get("/staff/review/").status_code == 200
    client.post("/staff/review/", {"claim": claim.pk, "action": "verify"})
    client.post("/staff/review/", {"claim": claim.pk, "action": "reject", "reason": "no"})
    claim.refresh_from_db()
    assert claim.status == "unverified" and not claim.decisions.exists()


def test_a_collector_sees_only_what_they_collected(claim, client):
    from litopys.evidence.models import Source

    collector = get_user_model().objects.create_user("tester", password="synthetic-pass-123", is_staff=True)
    collector.groups.add(Group.objects.get(name="collector"))
    other = get_user_model().objects.create_user("other", password="synthetic-pass-123", is_staff=True)
    other.groups.add(Group.objects.get(name="collector"))
    assert Source.objects.get(pk=claim.source_id).collected_by == "tester"
    client.force_login(collector)
    assert f"/staff/evidence/source/{claim.source_id}/" in client.get("/staff/evidence/source/").content.decode()
    assert client.get(f"/staff/incidents/claim/{claim.pk}/change/").status_code == 200
    client.force_login(other)
    assert f"/staff/evidence/source/{claim.source_id}/" not in client.get("/staff/evidence/source/").content.decode()
    assert client.get(f"/staff/incidents/claim/{claim.pk}/change/").status_code == 302
