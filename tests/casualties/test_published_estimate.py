"""An editor publishes the estimated total of the linked lists: the public statistics page shows documented and
estimated numbers — never a name — until the estimate is withdrawn; only an editor may publish."""

import io
from collections import defaultdict

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from litopys.casualties import actions
from litopys.casualties.estimation import estimate
from litopys.casualties.models import ListRecord, PublishedEstimate, Victim
from litopys.casualties.selectors import capture_histories, published_estimates

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(imported, truth, reviewer, second_reviewer):
    """Every invented person of the SYNTHETIC lists reviewed by two people, as the lists' truth file says."""
    groups = defaultdict(list)
    for (list_name, row), person in truth.items():
        groups[person].append(ListRecord.objects.get(victim_list__name=list_name, row=row).pk)
    for ids in groups.values():
        actions.confirm(actions.propose("accept", [ids], reviewer), second_reviewer)
    return len(groups)


def test_an_editor_publishes_what_the_estimator_gives(linked, editor):
    published = actions.publish_estimate(editor, "Synthetic district, 2022", "Three synthetic lists.")
    expected = estimate(capture_histories())
    assert published.documented == linked == expected.documented == Victim.objects.count()
    assert published.estimate == round(expected.chosen.estimate, 1) >= published.documented
    assert published.low == round(expected.chosen.interval.lower, 1)
    assert published.lists == ["exhumation", "morgue", "police"]
    assert list(published_estimates()) == [published]


def test_only_an_editor_publishes_and_a_reason_is_given_to_withdraw(linked, reviewer, editor):
    with pytest.raises(PermissionDenied, match="publish an estimate"):
        actions.publish_estimate(reviewer, "Synthetic district")
    with pytest.raises(ValidationError, match="what the estimate covers"):
        actions.publish_estimate(editor, "  ")
    published = actions.publish_estimate(editor, "Synthetic district")
    with pytest.raises(ValidationError, match="why"):
        actions.withdraw_estimate(published, editor, "")
    actions.withdraw_estimate(published, editor, "Synthetic: a fourth list arrived.")
    assert list(published_estimates()) == []
    assert PublishedEstimate.objects.get().withdrawn_reason == "Synthetic: a fourth list arrived."


def test_too_few_lists_are_refused_with_the_reason(imported, reviewer, second_reviewer, editor):
    record = ListRecord.objects.get(victim_list__name="exhumation", row=2).pk
    actions.confirm(actions.propose("accept", [[record]], reviewer), second_reviewer)
    with pytest.raises(ValidationError):
        actions.publish_estimate(editor, "Synthetic district")
    assert not PublishedEstimate.objects.exists()


def test_the_command_publishes(linked, editor):
    out = io.StringIO()
    call_command("casualties", "publish-estimate", "--area", "Synthetic district", "--user", editor.username,
                 stdout=out)
    assert "Synthetic district" in out.getvalue() and str(linked) in out.getvalue()
    with pytest.raises(CommandError, match="No user"):
        call_command("casualties", "publish-estimate", "--area", "Synthetic district", "--user", "nobody-synthetic")


def test_the_statistics_page_shows_numbers_and_no_person(client, linked, editor):
    published = actions.publish_estimate(editor, "Synthetic district, 2022")
    page = client.get("/statistics/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Victims: documented and estimated" in page and "Synthetic district, 2022" in page
    assert f">{published.documented}<" in page
    for victim in Victim.objects.all():
        for word in filter(None, [victim.surname, victim.given_name]):
            assert word not in page
    actions.withdraw_estimate(published, editor, "Synthetic reason.")
    assert "Synthetic district, 2022" not in client.get("/statistics/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_staff_page_publishes_through_the_action(client, linked, editor):
    client.force_login(editor)
    answer = client.post("/staff/casualties/publishedestimate/add/",
                         {"area": "Synthetic district via staff", "note": "", "model_choice": ""})
    assert answer.status_code == 302, answer.content.decode()[:3000]
    assert PublishedEstimate.objects.get().area == "Synthetic district via staff"
    assert PublishedEstimate.objects.get().published_by == editor


def test_the_command_estimates_the_linked_lists_without_storing(linked):
    import json

    out = io.StringIO()
    call_command("casualties", "estimate", "--format", "json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["documented"] == linked and result["lists"] == ["exhumation", "morgue", "police"]
    assert result == estimate(capture_histories()).to_dict()
    out = io.StringIO()
    call_command("casualties", "estimate", stdout=out)
    assert "Chosen by lowest BIC" in out.getvalue()
    assert not PublishedEstimate.objects.exists()


def test_the_command_says_when_nobody_is_reviewed_yet(imported):
    with pytest.raises(CommandError, match="No victim has been reviewed yet"):
        call_command("casualties", "estimate")
