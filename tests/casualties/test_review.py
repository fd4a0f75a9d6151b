"""The two-person rule on every path: action functions, the admin screens and the bulk actions."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from litopys.casualties import actions
from litopys.casualties.models import ListRecord, Proposal, Victim

pytestmark = pytest.mark.django_db

@pytest.fixture(autouse=True)
def english_pages(settings):
    """These tests read the staff pages' English wording; the site's default language is Ukrainian."""
    settings.LANGUAGE_CODE = "en"



def records(list_name: str, *rows: int) -> list[int]:
    return [ListRecord.objects.get(victim_list__name=list_name, row=row).pk for row in rows]


@pytest.fixture
def person(imported, reviewer, second_reviewer):
    """A reviewed person: two records, accepted by one reviewer and confirmed by another."""
    proposal = actions.propose("accept", [records("exhumation", 1) + records("morgue", 1)], reviewer)
    return actions.confirm(proposal, second_reviewer)[0]


def test_a_proposal_changes_nothing_until_another_person_confirms(imported, analyst, reviewer, second_reviewer):
    ids = records("exhumation", 2) + records("morgue", 3)
    proposal = actions.propose("accept", [ids], analyst)
    assert not Victim.objects.exists() and proposal.state == "open"
    with pytest.raises(PermissionDenied):
        actions.confirm(proposal, analyst)  # an analyst cannot confirm at all
    victim = actions.confirm(proposal, reviewer)[0]
    assert set(victim.records.values_list("pk", flat=True)) == set(ids)
    assert victim.full_name and len(victim.names) == 2 and victim.history.exists()
    proposal.refresh_from_db()
    assert (proposal.state, proposal.decided_by) == ("confirmed", reviewer)
    assert proposal.history.count() >= 2  # proposed, then confirmed: both kept
    with pytest.raises(ValidationError, match="already"):
        actions.confirm(proposal, second_reviewer)


def test_the_proposer_can_never_confirm_their_own(imported, reviewer, second_reviewer):
    proposal = actions.propose("accept", [records("exhumation", 4)], reviewer)
    with pytest.raises(PermissionDenied, match="different person"):
        actions.confirm(proposal, reviewer)
    with pytest.raises(PermissionDenied):
        actions.reject(proposal, reviewer)
    assert not Victim.objects.exists()
    actions.withdraw(proposal, reviewer)
    assert Proposal.objects.get(pk=proposal.pk).state == "withdrawn"


def test_merge_and_split_with_two_people(person, reviewer, second_reviewer):
    other = actions.confirm(actions.propose("accept", [records("police", 1)], second_reviewer), reviewer)[0]
    merge = actions.propose_merge([person, other], reviewer, "same grave, same birth date")
    with pytest.raises(PermissionDenied):
        actions.confirm(merge, reviewer)
    kept = actions.confirm(merge, second_reviewer)[0]
    assert kept.records.count() == 3
    gone = Victim.objects.get(pk=other.pk if kept.pk == person.pk else person.pk)
    assert gone.merged_into == kept and not gone.records.exists()
    ids = sorted(kept.records.values_list("pk", flat=True))
    with pytest.raises(ValidationError, match="why"):
        actions.propose_split(kept, [ids[:1], ids[1:]], reviewer, "")
    split = actions.propose_split(kept, [ids[:1], ids[1:]], second_reviewer, "different fathers")
    with pytest.raises(PermissionDenied):
        actions.confirm(split, second_reviewer)
    first, second = actions.confirm(split, reviewer)
    assert first.pk == kept.pk and first.records.count() == 1 and second.records.count() == 2


def test_a_stale_proposal_is_refused(imported, reviewer, second_reviewer):
    ids = records("exhumation", 5)
    stale = actions.propose("accept", [ids], reviewer)
    actions.confirm(actions.propose("accept", [ids + records("police", 2)], second_reviewer), reviewer)
    with pytest.raises(ValidationError, match="changed since"):
        actions.confirm(stale, second_reviewer)


def test_memorial_needs_an_editor_and_recorded_consent(person, reviewer, editor):
    with pytest.raises(PermissionDenied):
        actions.publish_memorial(person, reviewer)
    with pytest.raises(ValidationError, match="consent"):
        actions.publish_memorial(person, editor)
    actions.record_consent(person, reviewer, "sister, signed form, kept in the office safe")
    actions.publish_memorial(person, editor, "SYNTHETIC memorial text")
    person.refresh_from_db()
    assert person.memorial_published and person.consent_recorded_by == reviewer


def _client(client, user):
    client.force_login(user)
    return client


def test_admin_bulk_actions_keep_the_rule(imported, client, reviewer, second_reviewer):
    first = Proposal.objects.create(kind="accept", groups=[records("exhumation", 6)],
                                    seen={str(records("exhumation", 6)[0]): None}, proposed_by=reviewer)
    second = Proposal.objects.create(kind="accept", groups=[records("exhumation", 7)],
                                     seen={str(records("exhumation", 7)[0]): None}, proposed_by=second_reviewer)
    url = reverse("admin:casualties_proposal_changelist")
    response = _client(client, reviewer).post(
        url, {"action": "confirm_selected", "_selected_action": [first.pk, second.pk]}, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "a different person must confirm it" in text and "1 proposals confirmed" in text
    assert Proposal.objects.get(pk=first.pk).state == "open"  # their own: untouched
    assert Proposal.objects.get(pk=second.pk).state == "confirmed"


def test_admin_propose_from_records_then_confirm_by_another(imported, client, reviewer, second_reviewer):
    ids = records("exhumation", 8) + records("morgue", 8)
    url = reverse("admin:casualties_listrecord_changelist")
    _client(client, reviewer).post(url, {"action": "propose_one_person", "_selected_action": ids}, follow=True)
    proposal = Proposal.objects.get()
    assert proposal.proposed_by == reviewer and not Victim.objects.exists()
    client.force_login(second_reviewer)
    client.post(reverse("admin:casualties_proposal_changelist"),
                {"action": "confirm_selected", "_selected_action": [proposal.pk]}, follow=True)
    assert Victim.objects.get().records.count() == 2


def test_admin_split_page_proposes_only(person, client, reviewer):
    url = reverse("admin:casualties_victim_split", args=[person.pk])
    page = _client(client, reviewer).get(url)
    assert page.status_code == 200 and "Person number" in page.content.decode()
    ids = list(person.records.values_list("pk", flat=True))
    data = {"reason": "two people", f"group_{ids[0]}": 1, f"group_{ids[1]}": 2}
    client.post(url, data, follow=True)
    assert Proposal.objects.filter(kind="split", state="open").count() == 1
    assert Victim.objects.get(pk=person.pk).records.count() == 2  # nothing split yet


def test_victim_page_shows_records_side_by_side_and_disagreements(person, client, reviewer):
    page = _client(client, reviewer).get(reverse("admin:casualties_victim_change", args=[person.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "exhumation:1" in text and "morgue:1" in text
    assert "background:#fff3cd" in text  # where the two records disagree


def test_list_records_with_problems_are_highlighted(db, vault, data, client, reviewer):
    from litopys.casualties.importing import import_list

    import_list(str(data / "bad-dates.csv"), "bad")
    page = _client(client, reviewer).get(reverse("admin:casualties_listrecord_changelist") + "?has_problems=yes")
    text = page.content.decode()
    assert page.status_code == 200 and text.count("color:#ba2121") == 3 and "31.02.2022" in text


def test_collectors_and_analysts_cannot_export(person, analyst, client):
    import io

    with pytest.raises(PermissionDenied):
        actions.export_victims(io.StringIO(), user=analyst)
