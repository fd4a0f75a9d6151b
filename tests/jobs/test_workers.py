"""Worker processes for real: a worker killed midway is replaced and its job retried without a half-written
item; two workers side by side never run one job twice (row locks on PostgreSQL)."""

import json
import os
import signal
import subprocess
import time
from pathlib import Path

from tests.jobs.isolated import LITOPYS, REPO, run, shell

QUEUE = """
from litopys.jobs.actions import queue_job
for n in range({count}):
    queue_job("test", f"synthetic {{n}}", "tests.jobs.handlers.{handler}", {arguments})
"""


def jobs(env) -> list[dict]:
    return json.loads(run(env, "jobs", "--format", "json", "--limit", "1000").stdout)["jobs"]


def test_a_killed_worker_leaves_no_half_written_item_and_its_job_is_retried(isolated, tmp_path):
    marker = tmp_path / "started"
    size = 12 * 64 * 1024
    shell(isolated, QUEUE.format(count=1, handler="slow_item",
                                 arguments=f"{{'size': {size}, 'marker': {str(marker)!r}}}"))
    worker = subprocess.Popen([*LITOPYS, "worker", "--interval", "0.2"], env=isolated, cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for _ in range(300):
        if marker.exists():
            break
        time.sleep(0.05)
    assert marker.exists(), "the worker never started the job"
    time.sleep(0.5)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    [job] = jobs(isolated)
    assert job["state"] == "running"  # the worker died with the job in hand
    vault = Path(isolated["LITOPYS_HOME"]) / "vault"
    assert not list((vault / "sha256").glob("*/*/*")) if (vault / "sha256").exists() else True
    assert list((vault / "tmp").glob(".partial-*")), "the killed write left its temporary file, never a final one"
    run(isolated, "worker", "--until-empty", "--interval", "0.2")
    [job] = jobs(isolated)
    assert job["state"] == "succeeded", job
    assert job["attempts"] == 2
    assert any("stopped midway" in line["message"] for line in job["log"])
    verified = run(isolated, "verify", "--format", "json")
    report = json.loads(verified.stdout)
    assert report["intact"] and report["items_checked"] == 1
    held = list((vault / "sha256").glob("*/*/*"))
    assert [path.name for path in held] == [job["result"]["sha256"].split(":")[1]]
    assert os.path.getsize(held[0]) == size


def test_two_workers_never_run_a_job_twice(isolated):
    count = 40
    shell(isolated, QUEUE.format(count=count, handler="mark", arguments="{'number': n}"))
    workers = [subprocess.Popen([*LITOPYS, "worker", "--until-empty", "--interval", "0.1"], env=isolated,
                                cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for _ in range(2)]
    for worker in workers:
        assert worker.wait(timeout=300) == 0, worker.stdout.read().decode()
    done = jobs(isolated)
    assert len(done) == count
    assert all(job["state"] == "succeeded" and job["attempts"] == 1 for job in done)
    runs = [line["message"] for job in done for line in job["log"] if line["message"].startswith("ran by")]
    assert len(runs) == count  # one run each, never two
    assert sorted(job["result"]["number"] for job in done) == list(range(count))


def test_worker_concurrency_runs_child_workers_until_empty(isolated):
    shell(isolated, QUEUE.format(count=6, handler="mark", arguments="{'number': n}"))
    run(isolated, "worker", "--concurrency", "2", "--until-empty", "--interval", "0.1")
    assert {job["state"] for job in jobs(isolated)} == {"succeeded"}
