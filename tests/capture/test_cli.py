"""`litopys capture` end to end in subprocesses against the synthetic site: items, custody, verify, WACZ."""

import json
import zipfile
from pathlib import Path

import pytest

from litopys.capture.wacz import check_wacz
from tests.jobs.isolated import drop, make_env, run

pytestmark = pytest.mark.slow


@pytest.fixture
def home(tmp_path):
    env, created = make_env(tmp_path, LITOPYS_CAPTURE_ALLOW_PRIVATE=1, LITOPYS_CAPTURE_TIMEOUT=3)
    yield env
    drop(created)


def test_capture_stores_everything_verify_passes_and_the_wacz_validates(home, site, chromium):
    done = run(home, "capture", site.url + "/page", "--format", "json")
    [job] = json.loads(done.stdout)["jobs"]
    assert job["state"] == "succeeded"
    files = {row["role"]: row for row in job["result"]["files"] if row["role"] != "media"}
    assert set(files) == {"wacz", "screenshot", "pdf", "text"}
    assert len([row for row in job["result"]["files"] if row["role"] == "media"]) == 2
    for row in job["result"]["files"]:
        history = json.loads(run(home, "custody", row["sha256"], "--format", "json").stdout)
        actions = [event["action"] for event in history["events"] if event["item_hash"] == row["sha256"]]
        assert "collected" in actions
    assert run(home, "verify").returncode == 0
    digest = files["wacz"]["sha256"].split(":")[1]
    stored = Path(home["LITOPYS_HOME"]) / "vault" / "sha256" / digest[:2] / digest[2:4] / digest
    assert check_wacz(stored) == []
    with zipfile.ZipFile(stored) as archive:
        assert "archive/data.warc.gz" in archive.namelist()


def test_exit_code_and_one_line_per_bad_url(home, site):
    done = run(home, "capture", "file:///etc/passwd", site.url + "/loop/a", check=False)
    assert done.returncode == 1
    lines = [line for line in done.stdout.splitlines() if line.startswith("failed")]
    assert lines == [
        "failed    file:///etc/passwd: not an http(s) address (file); only web pages can be captured",
        f"failed    {site.url}/loop/a: a redirect loop ({site.url}/loop/a → {site.url}/loop/b → {site.url}/loop/a)",
    ]


def test_no_wait_queues_and_a_worker_does_it(home, site, chromium):
    queued = run(home, "capture", "--no-wait", "--no-screenshots", site.url + "/changing")
    assert queued.stdout.startswith("queued  job #")
    assert json.loads(run(home, "jobs", "--format", "json").stdout)["jobs"][0]["state"] == "queued"
    run(home, "worker", "--until-empty", "--interval", "0.1")
    [job] = json.loads(run(home, "jobs", "--format", "json").stdout)["jobs"]
    assert job["state"] == "succeeded" and job["done"] == job["total"] == 5


def test_every_schedules_the_next_capture(home, site, chromium):
    done = run(home, "capture", "--every", "6h", "--no-screenshots", site.url + "/changing", "--format", "json")
    assert json.loads(done.stdout)["jobs"][0]["state"] == "succeeded"
    jobs = json.loads(run(home, "jobs", "--format", "json").stdout)["jobs"]
    assert [job["state"] for job in jobs] == ["queued", "succeeded"]  # the next run waits its turn
    assert "scheduled" in jobs[0]["title"]
    bad = run(home, "capture", "--every", "often", site.url + "/changing", check=False)
    assert bad.returncode != 0 and "write it like 30m, 6h, 1d or 2w" in bad.stderr
