"""Verified means reviewed, on every path: whoever changes a verified claim — in the admin's form, by reverting
its history, from the shell, in bulk, or in the database by hand — sends it back to review, the public keeps
the number last verified, and a second reviewer's verification publishes the new number with a correction."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import translation

from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.models import Source
from litopys.figures.models import Correction, Figure
from litopys.figures.public import public_figure
from litopys.figures.references import find_figure
from litopys.incidents.integrity import ClaimChangeRefused
from litopys.incidents.models import Claim, Incident
from litopys.review.actions import available, decide
from litopys.review.models import Decision

pytestmark = pytest.mark.django_db

TEXT = "Synthetic statement for tests. The regional police said on Monday that investigators found 12 bodies.\n"
REF = "synthetic-verified bodies"


def person(name, role):
    user = get_user_model().objects.create_user(name, password="synthetic-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def people(db):
    return {"analyst": person("analyst-a", "analyst"), "first": person("reviewer-a", "reviewer"),
            "second": person("reviewer-b", "reviewer"), "admin": get_user_model().objects.create_superuser(
                "admin-a", password="synthetic-pass-123")}


@pytest.fixture
def claim(vault, tmp_path, people):
    """A machine-extracted claim, attached to a published incident, accepted by one reviewer, verified by another."""
    path = tmp_path / "statement.txt"
    path.write_text(TEXT)
    [result] = ingest_paths([str(path)], SourceFacts(collected_by="tester", kind="official_statement",
                                                     sensitivity="public", title="Synthetic police statement"))
    claim = Source.objects.get(pk=result.source_id).claims.get()
    incident = Incident.objects.create(slug="synthetic-verified", title="Synthetic incident", type="mass_burial",
                                       status="published")
    decide(claim, "edit", people["analyst"], "belongs here", changes={"incident": incident})
    decide(claim, "accept", people["first"], "the quote says 12")
    decide(claim, "verify", people["second"], "checked against the police site")
    claim.refresh_from_db()
    assert claim.status == "verified" and public_figure(REF).best == 12
    return claim


def assert_back_in_review(claim, still_shown=12):
    claim.refresh_from_db()
    assert claim.status == "unverified"
    view = find_figure(REF)
    assert view.figure.status != "verified"
    shown = public_figure(REF)
    assert shown.best == still_shown and shown.under_review  # readers keep the number last verified


def test_a_machine_extracted_claim_is_never_verified_by_one_person(vault, tmp_path, people):
    path = tmp_path / "other.txt"
    path.write_text(TEXT.replace("12 bodies", "7 bodies"))
    [result] = ingest_paths([str(path)], SourceFacts(collected_by="tester"))
    claim = Source.objects.get(pk=result.source_id).claims.get()
    assert "verify" not in available(claim, people["first"])
    with pytest.raises(PermissionDenied, match="someone must accept it first"):
        decide(claim, "verify", people["first"])
    decide(claim, "accept", people["first"])
    with pytest.raises(PermissionDenied, match="another reviewer must verify it"):
        decide(claim, "verify", people["first"])


def test_editing_a_verified_claim_in_the_admin_sends_it_back_to_review(client, claim, people):
    client.force_login(people["admin"])
    url = f"/staff/incidents/claim/{claim.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items() if name in form.fields}
    data.update(min=13, max=13, qualifiers="{}", _save="Save")
    data = {key: value for key, value in data.items() if value is not False}
    answer = client.post(url, data)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert_back_in_review(claim)
    decision = claim.decisions.order_by("pk").last()
    assert (decision.action, decision.from_status, decision.user) == ("edit", "verified", people["admin"])
    assert decision.changes == {"changed": ["min", "max"]}
    claim.refresh_from_db()
    assert claim.accepted_by == people["admin"]  # whoever changed it is the first of the two people
    assert "verify" not in available(claim, people["admin"])


def test_reverting_history_never_restores_verified(client, claim, people):
    claim.min = claim.max = 13
    claim.save()
    assert_back_in_review(claim)
    client.force_login(people["admin"])
    old = claim.history.filter(status="verified").order_by("history_date").last()
    url = f"/staff/incidents/claim/{claim.pk}/history/{old.history_id}/"
    form = client.get(url).context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items() if name in form.fields}
    data.update(qualifiers="{}", _save="Save")
    data = {key: value for key, value in data.items() if value is not False}
    assert client.post(url, data).status_code == 302
    claim.refresh_from_db()
    assert claim.min == 12  # the old words are back...
    assert_back_in_review(claim)  # ...but not the verification: a second reviewer looks again


def test_the_shell_bulk_updates_and_deletion_cannot_bypass_review(claim):
    claim.qualifiers = {"sex": "male"}
    claim.save()
    assert_back_in_review(claim)
    with pytest.raises(ClaimChangeRefused, match="one by one"):
        Claim.objects.filter(pk=claim.pk).update(min=99)
    with pytest.raises(ClaimChangeRefused, match="one by one"):
        Claim.objects.filter(pk=claim.pk).update(status="verified")
    claim.status = "verified"
    claim.save()
    claim.refresh_from_db()
    assert claim.status == "unverified"  # a status changes only by a decision
    with pytest.raises(ClaimChangeRefused, match="never deleted"):
        Claim.objects.filter(pk=claim.pk).delete()


def test_a_claim_changed_in_the_database_by_hand_counts_as_needing_review(claim):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE incidents_claim SET min = 448, max = 448 WHERE id = %s", [claim.pk])
    claim.refresh_from_db()
    assert claim.status == "verified"  # the row says so...
    view = find_figure(REF)
    assert view.figure.status != "verified" and view.figure.best == 448  # ...figures do not believe it
    shown = public_figure(REF)
    assert shown.best == 12 and shown.under_review


def test_a_second_reviewer_publishes_the_change_with_a_public_correction(client, claim, people):
    claim.min = claim.max = 13
    claim.save()
    claim.refresh_from_db()
    decide(claim, "accept", people["first"], "the new quote says 13")  # changed by nobody known: accept first
    with pytest.raises(ValidationError, match="give the reason readers will see"):
        decide(claim, "verify", people["second"])
    decide(claim, "verify", people["second"], "the police corrected their count the next day")
    [correction] = Correction.objects.filter(figure__incident__slug="synthetic-verified")
    assert (correction.was_best, correction.now_best, correction.user) == (12, 13, people["second"])
    shown = public_figure(REF)
    assert shown.best == 13 and not shown.under_review
    assert [(c.was, c.now) for c in shown.corrections] == [("12", "13")]
    assert Decision.objects.filter(claim=claim, action="verify").count() == 2
    with pytest.raises(ValueError):
        correction.reason = "rewritten"
        correction.save()
    assert Figure.objects.get(pk=correction.figure_id).published_best == 13


def test_the_admin_offers_no_way_to_delete_a_reviewed_claim(client, claim, people):
    client.force_login(people["admin"])
    listing = client.get("/staff/incidents/claim/")
    assert b"delete_selected" not in listing.content
    answer = client.post("/staff/incidents/claim/", {"action": "delete_selected", "_selected_action": [claim.pk],
                                                     "post": "yes"})
    assert answer.status_code in (200, 302) and Claim.objects.filter(pk=claim.pk).exists()
    assert client.get(f"/staff/incidents/claim/{claim.pk}/delete/").status_code == 403


def test_whoever_changes_an_accepted_claim_cannot_then_verify_it_alone(client, vault, tmp_path, people):
    """An analyst accepts; an administrator changes the words in the admin. The acceptance was of other words:
    the administrator becomes the first person, so they cannot verify their own change."""
    path = tmp_path / "accepted.txt"
    path.write_text(TEXT.replace("12 bodies", "9 bodies"))
    [result] = ingest_paths([str(path)], SourceFacts(collected_by="tester"))
    claim = Source.objects.get(pk=result.source_id).claims.get()
    decide(claim, "accept", people["first"])
    client.force_login(people["admin"])
    url = f"/staff/incidents/claim/{claim.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items() if name in form.fields}
    data.update(min=90, max=90, qualifiers="{}", _save="Save")
    assert client.post(url, {k: v for k, v in data.items() if v is not False}).status_code == 302
    claim.refresh_from_db()
    assert claim.accepted_by == people["admin"]
    assert "verify" not in available(claim, people["admin"])
    with translation.override("en"), pytest.raises(PermissionDenied, match="another reviewer must verify it"):
        decide(claim, "verify", people["admin"])
    assert "verify" in available(claim, people["first"])  # the first reviewer now checks the admin's words
