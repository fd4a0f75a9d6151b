"""Jobs in one process: state, progress, log lines, a failed step, a failed job, and who sees which job."""

import pytest
from django.contrib.auth.models import Permission, User

from litopys.jobs.actions import queue_job
from litopys.jobs.models import Job, JobState
from litopys.jobs.selectors import jobs_for
from litopys.jobs.waiting import wait_for

pytestmark = pytest.mark.django_db


def test_a_failed_step_is_one_line_and_the_rest_goes_on():
    job = queue_job("test", "synthetic steps", "tests.jobs.handlers.steps", {"names": ["a", "bad", "c"]})
    [done] = wait_for([job])
    assert done.state == JobState.PARTIAL
    assert done.result == {"done": ["a", "c"]}
    assert (done.done, done.total) == (3, 3)
    errors = [line.message for line in done.lines.filter(level="error")]
    assert errors == ["step bad: synthetic failure of this one step"]


def test_a_job_that_cannot_be_done_fails_with_its_reason():
    job = queue_job("test", "synthetic refusal", "tests.jobs.handlers.refuse")
    ok = queue_job("test", "synthetic mark", "tests.jobs.handlers.mark", {"number": 7})
    failed, succeeded = wait_for([job, ok])
    assert failed.state == JobState.FAILED
    assert failed.failure == "synthetic input: cannot be done at all"
    assert succeeded.state == JobState.SUCCEEDED and succeeded.result == {"number": 7}


def test_a_handler_that_does_not_import_fails_in_one_line():
    job = queue_job("test", "synthetic", "tests.jobs.handlers.no_such_handler")
    [done] = wait_for([job])
    assert done.state == JobState.FAILED
    assert "no_such_handler" in done.failure and "\n" not in done.failure


def test_a_collector_sees_only_their_own_jobs():
    alice = User.objects.create_user("alice", is_staff=True)
    bob = User.objects.create_user("bob", is_staff=True)
    mine = queue_job("test", "alice's", "tests.jobs.handlers.mark", {"number": 1}, owner=alice)
    queue_job("test", "bob's", "tests.jobs.handlers.mark", {"number": 2}, owner=bob)
    assert list(jobs_for(alice)) == [mine]
    bob.user_permissions.add(Permission.objects.get(codename="view_all_jobs"))
    bob = User.objects.get(pk=bob.pk)
    assert jobs_for(bob).count() == 2


def test_jobs_command_lists_state_and_failure(capsys):
    from django.core.management import call_command

    job = queue_job("test", "synthetic refusal", "tests.jobs.handlers.refuse")
    wait_for([job])
    call_command("jobs", "--format", "json")
    import json

    data = json.loads(capsys.readouterr().out)
    [row] = [row for row in data["jobs"] if row["id"] == job.pk]
    assert row["state"] == "failed" and row["failure"] == "synthetic input: cannot be done at all"
    assert Job.objects.get(pk=job.pk).attempts == 1
