"""Incident suggestions on the review queue: two sources about one shelling are proposed as one incident; a
reviewer accepts (the incident is created with its claims), edits or rejects. Texts are synthetic."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.incidents.actions import accept_suggestion, reject_suggestion, suggest_incidents
from litopys.incidents.models import Claim, Incident, IncidentSuggestion

pytestmark = pytest.mark.django_db

POLICE = ("Synthetic statement for tests. On 3 May 2023 Russian troops shelled Izium 14 times, the Kharkiv regional "
          "police said. In Izium 6 private houses and a school were damaged.\n")
GOVERNOR = ("Synthetic post for tests. Izium came under fire again: the occupiers carried out 15 artillery attacks on "
            "the town on 4 May 2023. Two people were killed.\n")


def ingest(tmp_path, name, text, published, sensitivity="public"):
    path = tmp_path / name
    path.write_text(text)
    [result] = ingest_paths([str(path)], SourceFacts(collected_by="tester", kind="official_statement",
                                                     published=published, sensitivity=sensitivity))
    return result.source_id


def person(name, group):
    user = get_user_model().objects.create_user(name, password="synthetic-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def shelling(vault, tmp_path):
    ingest(tmp_path, "police.txt", POLICE, date(2023, 5, 3))
    ingest(tmp_path, "governor.txt", GOVERNOR, date(2023, 5, 4))
    return IncidentSuggestion.objects.get()


def test_two_sources_about_one_shelling_are_suggested_as_one_incident_with_the_evidence(shelling):
    assert shelling.type == "shelling" and shelling.status == "open" and shelling.incident is None
    assert str(shelling.place) == "Izium, Kharkiv Oblast" or shelling.place.name == "Izium"
    kinds = sorted(shelling.claims.values_list("kind", flat=True))
    assert kinds == ["attacks", "attacks", "killed", "objects_damaged", "objects_damaged"]
    assert (shelling.start_date, shelling.end_date) == (date(2023, 5, 3), date(2023, 5, 4))
    assert shelling.evidence["sources"] == 2 and shelling.evidence["window"] == 7


def test_the_queue_shows_the_suggestion_and_accepting_it_creates_the_incident_with_its_claims(client, shelling):
    reviewer = person("reviewer1", "reviewer")
    client.force_login(reviewer)
    page = client.get(reverse("review:queue"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Incident suggestions" in page and f'id="suggestion-{shelling.pk}"' in page
    assert "The same place: Izium" in page and "5 claims from 2 different sources." in page
    assert "Within 7 days: from 3 May 2023 to 4 May 2023." in page
    response = client.post(reverse("review:queue"), {
        "suggestion": shelling.pk, "action": "accept", "title": "Synthetic shelling of Izium, 3–4 May 2023",
        "type": "shelling", "start": "2023-05-03", "end": "2023-05-04"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    incident = Incident.objects.get(title="Synthetic shelling of Izium, 3–4 May 2023")
    assert (incident.type, incident.status, incident.start_date, incident.end_date) == (
        "shelling", "draft", date(2023, 5, 3), date(2023, 5, 4))
    assert incident.place.name == "Izium"
    assert set(incident.claims.values_list("pk", flat=True)) == set(shelling.claims.values_list("pk", flat=True))
    shelling.refresh_from_db()
    assert (shelling.status, shelling.decided_by, shelling.incident) == ("accepted", reviewer, incident)
    assert all(claim.history.count() >= 2 for claim in incident.claims.all())  # each claim's change is recorded
    page = client.get(reverse("review:queue"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'id="suggestion-{shelling.pk}"' not in page


def test_an_edited_acceptance_takes_only_the_claims_chosen(shelling):
    killed = shelling.claims.get(kind="killed")
    chosen = [pk for pk in shelling.claims.values_list("pk", flat=True) if pk != killed.pk]
    incident = accept_suggestion(shelling, person("analyst1", "analyst"), claims=chosen, type="destruction")
    assert incident.type == "destruction" and incident.title.startswith("Destruction")
    assert incident.claims.count() == 4
    killed.refresh_from_db()
    assert killed.incident is None


def test_rejecting_needs_a_reason_and_the_group_is_not_proposed_again(shelling):
    reviewer = person("reviewer2", "reviewer")
    with pytest.raises(ValidationError):
        reject_suggestion(shelling, reviewer, "")
    reject_suggestion(shelling, reviewer, "two separate days of shelling")
    assert suggest_incidents() == []
    assert IncidentSuggestion.objects.get().status == "rejected"
    with pytest.raises(ValidationError):
        accept_suggestion(shelling, reviewer)


def test_a_collector_may_not_decide(shelling):
    with pytest.raises(PermissionDenied):
        accept_suggestion(shelling, person("collector1", "collector"))


def test_claims_near_a_recorded_incident_are_suggested_as_an_addition(vault, tmp_path):
    ingest(tmp_path, "police.txt", POLICE, date(2023, 5, 3))
    izium = Claim.objects.filter(place__name="Izium").first().place
    recorded = Incident.objects.create(title="Synthetic shelling of Izium", slug="synthetic-shelling-izium",
                                       type="shelling", place=izium, start_date=date(2023, 5, 2))
    [suggestion] = suggest_incidents()
    assert suggestion.incident == recorded and suggestion.evidence["sources"] == 1
    accept_suggestion(suggestion, person("reviewer3", "reviewer"))
    assert recorded.claims.count() == suggestion.claims.count() == 3


def test_a_suggestion_holding_a_confidential_claim_is_not_shown_to_who_may_not_read_it(client, vault, tmp_path):
    ingest(tmp_path, "police.txt", POLICE, date(2023, 5, 3))
    ingest(tmp_path, "governor.txt", GOVERNOR, date(2023, 5, 4), sensitivity="confidential")
    suggestion = IncidentSuggestion.objects.get()
    client.force_login(person("reviewer4", "reviewer"))
    page = client.get(reverse("review:queue"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'id="suggestion-{suggestion.pk}"' not in page and "15 artillery attacks" not in page
    response = client.post(reverse("review:queue"), {"suggestion": suggestion.pk, "action": "accept"})
    assert response.status_code == 403
    assert Incident.objects.count() == 0
