"""The staff pages through Django's test client: the form queues jobs, a collector sees only their own."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from litopys.capture.models import Capture, Schedule
from litopys.core.roles import ensure_roles
from litopys.jobs.models import Job

pytestmark = pytest.mark.django_db


@pytest.fixture
def collectors():
    ensure_roles()
    group = Group.objects.get(name="collector")
    people = []
    for name in ("olena", "taras"):
        user = User.objects.create_user(name, password="synthetic-pass", is_staff=True)
        user.groups.add(group)
        people.append(user)
    return people


def test_the_collector_role_holds_the_capture_and_job_permissions(collectors):
    olena = collectors[0]
    assert olena.has_perm("capture.add_capture") and olena.has_perm("jobs.view_job")
    assert not olena.has_perm("capture.view_all_captures") and not olena.has_perm("jobs.view_all_jobs")


def test_the_form_queues_one_job_per_link_and_a_schedule(client, collectors):
    client.force_login(collectors[0])
    page = client.get(reverse("capture:link"))
    assert page.status_code == 200 and b"capture-form" in page.content
    answer = client.post(reverse("capture:link"), {"urls": "https://example.org/a\nhttps://example.org/b",
                                                   "every": "1d"})
    assert answer.status_code == 302 and answer["Location"] == reverse("jobs:list")
    jobs = Job.objects.order_by("pk")
    assert [job.arguments["url"] for job in jobs] == ["https://example.org/a", "https://example.org/b"]
    assert {job.owner for job in jobs} == {collectors[0]} and {job.state for job in jobs} == {"queued"}
    assert Schedule.objects.filter(every=86400, owner=collectors[0]).count() == 2
    listing = client.get(reverse("jobs:list"))
    assert listing.status_code == 200 and b"https://example.org/a" in listing.content


def test_the_form_names_a_bad_link(client, collectors):
    client.force_login(collectors[0])
    answer = client.post(reverse("capture:link"), {"urls": "file:///etc/passwd", "every": "often"},
                         HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 200
    text = answer.content.decode()
    assert "file:///etc/passwd is not an http(s) address" in text
    assert "Write the interval like 30m, 6h, 1d or 2w" in text
    assert not Job.objects.exists()


def test_a_collector_sees_only_their_own_captures_and_jobs(client, collectors):
    olena, taras = collectors
    mine = Capture.objects.create(url="https://example.org/olena", owner=olena, actor="olena")
    theirs = Capture.objects.create(url="https://example.org/taras", owner=taras, actor="taras")
    client.force_login(olena)
    page = client.get(reverse("capture:link")).content.decode()
    assert mine.url in page and theirs.url not in page
    assert client.get(reverse("capture:detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("capture:detail", args=[mine.pk])).status_code == 200
