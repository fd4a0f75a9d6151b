"""The staff site's "Capture a link" and "Jobs" pages in Chromium, against a server of their own."""

import re
import subprocess
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.jobs.isolated import LITOPYS, REPO, drop, make_env, run, shell

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STAFF = """
from django.contrib.auth.models import Group, User
from litopys.core.roles import ensure_roles
ensure_roles()
user = User.objects.create_user("synthetic-collector", password="synthetic-pass-1", is_staff=True)
user.groups.add(Group.objects.get(name="collector"))
"""


@pytest.fixture
def staff_site(tmp_path, chromium):
    env, created = make_env(tmp_path, LITOPYS_CAPTURE_ALLOW_PRIVATE=1, LITOPYS_DEBUG=0, LITOPYS_LANGUAGE="en")
    shell(env, STAFF)
    from tests.browser.conftest import free_port

    port = free_port()
    log = open(tmp_path / "server.log", "w")
    server = subprocess.Popen([*LITOPYS, "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"], env=env,
                              cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/staff/login/", timeout=2).close()
            break
        except OSError:
            time.sleep(0.2)
    yield env, url
    server.terminate()
    server.wait(timeout=20)
    log.close()
    drop(created)


def test_capture_a_link_then_watch_its_job(staff_site, site, page, results):
    env, url = staff_site
    page.goto(url + "/staff/login/?next=/staff/capture/")
    page.fill("#id_username", "synthetic-collector")
    page.fill("#id_password", "synthetic-pass-1")
    page.click("input[type=submit]")
    page.wait_for_url("**/staff/capture/")
    assert page.locator("h1").inner_text() == "Capture a link"
    page.fill("#id_urls", site.url + "/page")
    page.click("#capture-form input[type=submit]")
    page.wait_for_url("**/staff/jobs/")
    row = page.locator("#jobs tr.job").first
    assert site.url + "/page" in row.inner_text()
    assert row.locator(".job-state").inner_text().startswith("queued")
    run(env, "worker", "--until-empty", "--interval", "0.1")
    # The jobs page refreshes itself every 3 s while a job is busy; a reload of our own could race that refresh
    # (net::ERR_ABORTED), so wait for the page's own refresh to show the finished job.
    expect(page.locator("#jobs tr.job .job-state").first).to_have_text(re.compile(r"^\s*succeeded"), timeout=30_000)
    page.screenshot(path=str(results / "capture-jobs.png"), full_page=True)
    page.locator("#jobs tr.job a").first.click()
    assert "5/5" in page.locator(".job-facts").inner_text()
    page.click("text=Open the capture")
    page.wait_for_url("**/staff/capture/*/")
    files = page.locator("#capture-files").inner_text()
    for role in ("web archive (WACZ)", "screenshot", "printed PDF", "rendered text", "media"):
        assert role in files
    page.screenshot(path=str(results / "capture-detail.png"), full_page=True)


@pytest.fixture
def results():
    from tests.browser.conftest import RESULTS

    RESULTS.mkdir(exist_ok=True)
    return RESULTS
