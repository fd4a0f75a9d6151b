"""What other apps read: documented counts (numbers only), capture histories, exports as custody events."""

import io
import json

import pytest
from django.core.management import call_command

from litopys.casualties import actions
from litopys.casualties.models import ListRecord
from litopys.casualties.selectors import capture_histories, documented_counts
from litopys.evidence.models import CustodyEvent

pytestmark = pytest.mark.django_db


def confirm(ids, proposer, confirmer):
    return actions.confirm(actions.propose("accept", [ids], proposer), confirmer)[0]


def row(list_name, number):
    return ListRecord.objects.get(victim_list__name=list_name, row=number).pk


@pytest.fixture
def reviewed(imported, reviewer, second_reviewer):
    """Three reviewed people: on exhumation+morgue, exhumation only, and police+morgue."""
    return [confirm([row("exhumation", 2), row("morgue", 3)], reviewer, second_reviewer),
            confirm([row("exhumation", 3)], second_reviewer, reviewer),
            confirm([row("police", 1), row("morgue", 4)], reviewer, second_reviewer)]


def test_documented_counts_are_numbers_only(reviewed):
    assert documented_counts() == {"total": 3}
    by_place = documented_counts(by="place")
    assert by_place["total"] == 3
    assert sum(p["count"] for p in by_place["places"]) + by_place["unknown_place"] == 3
    assert {o["oblast"] for o in by_place["oblasts"]} <= {"Kharkiv Oblast", "Donetsk Oblast", "Sumy Oblast",
                                                          "Kherson Oblast", "Luhansk Oblast"}
    text = json.dumps(by_place, ensure_ascii=False)
    for victim in reviewed:
        assert victim.surname not in text and victim.given_name not in text
        assert not victim.grave_number or f'"{victim.grave_number}"' not in text
    with pytest.raises(ValueError, match="by='place'"):
        documented_counts(by="name")


def test_unreviewed_records_are_not_counted(imported):
    assert documented_counts() == {"total": 0}


def test_capture_histories(reviewed):
    rows = capture_histories()
    assert [list(row) for row in rows][0] == ["exhumation", "morgue", "police", "count"]
    assert sorted((r["exhumation"], r["morgue"], r["police"], r["count"]) for r in rows) == [
        (0, 1, 1, 1), (1, 0, 0, 1), (1, 1, 0, 1)]
    by_sex = capture_histories(strata="sex")
    assert sum(r["count"] for r in by_sex) == 3 and {r["sex"] for r in by_sex} <= {"male", "female", "unknown"}
    with pytest.raises(ValueError, match="strata='grave'"):
        capture_histories(strata="grave")


def test_export_is_staff_only_and_a_custody_event(reviewed, reviewer, tmp_path, capsys):
    out = io.StringIO()
    count = actions.export_victims(out, user=reviewer)
    assert count == 3 and out.getvalue().splitlines()[0].startswith("id,full_name")
    event = CustodyEvent.objects.filter(action="exported").get()
    assert event.actor == "taras" and event.details["count"] == 3 and event.details["what"] == "victims"
    call_command("casualties", "export", str(tmp_path / "v.csv"), "--by", "ci")
    assert CustodyEvent.objects.filter(action="exported", actor="ci").exists()
    assert (tmp_path / "v.csv").read_text(encoding="utf-8").count("\n") == 4


def test_admin_export_records_custody(reviewed, client, reviewer):
    from django.urls import reverse

    client.force_login(reviewer)
    response = client.post(reverse("admin:casualties_victim_changelist"),
                           {"action": "export_csv", "_selected_action": [v.pk for v in reviewed]})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert CustodyEvent.objects.filter(action="exported", actor="taras").exists()


def test_roles_are_declared_on_the_app_and_name_real_permissions(db):
    from django.contrib.auth.models import Permission

    from litopys.casualties.apps import CasualtiesConfig

    roles = CasualtiesConfig.role_permissions
    assert set(roles) == {"analyst", "reviewer", "editor"}  # collectors get nothing
    for codes in roles.values():
        for code in codes:
            app_label, codename = code.split(".")
            assert Permission.objects.filter(content_type__app_label=app_label, codename=codename).exists(), code
    assert "casualties.confirm_proposal" in roles["reviewer"] and "casualties.confirm_proposal" not in roles["analyst"]
