"""A verified number cannot be changed by one person, on any path a browser offers (issue 11).

An administrator changes the demo's verified "at least 1,000" civilians killed in the admin's form, and
reverts it through history: each time the public post keeps 1,000 and the claim waits in the review queue.
A second reviewer then verifies the new number in the queue with a reason; the post and the public
corrections page show the correction and the reason. All in Chromium against `litopys serve` with
production settings and two-factor logins."""

import json
import secrets

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import served_demo
from tests.browser.test_login import PASSWORD, code, password, shot

pytestmark = pytest.mark.browser
ADMIN, REVIEWER = "browser-synthetic-editor-admin", "browser-synthetic-second-reviewer"
KEYS = {ADMIN: secrets.token_hex(20), REVIEWER: secrets.token_hex(20)}
REASON = "Synthetic reason: the police recounted the bodies."
POST = "/posts/izium-balakliia-war-crimes/"
ACCOUNTS = f"""
import json
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from litopys.incidents.models import Claim
admin = User.objects.create_superuser("{ADMIN}", "admin@example.org", "{PASSWORD}")
TOTPDevice.objects.create(user=admin, name="authenticator", key="{KEYS[ADMIN]}", confirmed=True)
reviewer = User.objects.create_user("{REVIEWER}", password="{PASSWORD}", is_staff=True)
reviewer.groups.add(Group.objects.get(name="reviewer"))
TOTPDevice.objects.create(user=reviewer, name="authenticator", key="{KEYS[REVIEWER]}", confirmed=True)
claim = Claim.objects.get(status="verified", kind="killed", min=1000)
print(json.dumps({{"claim": claim.pk}}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_demo(tmp_path_factory.mktemp("litopys-correction"), ACCOUNTS, serve=True) as (url, output):
        yield url, json.loads(output.strip().splitlines()[-1])["claim"]


def log_in(browser, url, username):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    password(page, url, username)
    page.wait_for_url("**/staff/login/code/")
    page.fill("#id_code", code(bytes.fromhex(KEYS[username])))
    page.click("#login-form [type=submit]")
    page.wait_for_url(url + "/staff/")
    return context, page


def read_post(browser, url, path=POST):
    """A reader's first visit (a fresh browser: public pages may be kept by the reader's HTTP cache a while)."""
    page = browser.new_context(locale="en-GB").new_page()
    page.goto(url + path)
    return page


def save_claim_form(page, url, claim, number):
    page.goto(f"{url}/staff/incidents/claim/{claim}/change/")
    page.fill("#id_min", str(number))
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")


def test_one_person_cannot_change_a_verified_number_and_a_correction_is_public(browser, site):
    url, claim = site
    reader = read_post(browser, url)
    expect(reader.locator(".fig-note-value", has_text="at least 1,000").first).to_be_visible()
    expect(reader.locator(".fig-under-review")).to_have_count(0)

    context, admin = log_in(browser, url, ADMIN)
    # 1. the admin's change form: the claim goes back to review, the public keeps 447
    save_claim_form(admin, url, claim, 1200)
    admin.goto(f"{url}/staff/incidents/claim/{claim}/change/")
    expect(admin.locator(".field-status")).to_contain_text("needs review")
    reader = read_post(browser, url)
    expect(reader.locator(".fig-note-value", has_text="at least 1,000").first).to_be_visible()
    expect(reader.locator(".fig-under-review").first).to_be_attached()
    assert "1,200" not in reader.content()
    # 2. history revert to the verified version: the old words are back, the verification is not
    admin.goto(f"{url}/staff/incidents/claim/{claim}/history/")
    admin.locator("#change-history a[href*='/history/']").nth(1).click()  # the version before the change
    admin.locator("input[name=_save]").click()
    admin.goto(f"{url}/staff/incidents/claim/{claim}/change/")
    expect(admin.locator("#id_min")).to_have_value("1000")
    expect(admin.locator(".field-status")).to_contain_text("needs review")
    # 3. the change to be verified
    save_claim_form(admin, url, claim, 1100)
    reader = read_post(browser, url)
    assert "1,100" not in reader.content()
    # the admin made the change, so the admin cannot also verify it
    admin.goto(url + "/staff/review/")
    mine = admin.locator(f"section[data-claim='{claim}']")
    expect(mine).to_be_visible()
    expect(mine.locator("button[data-key=v]")).to_have_count(0)
    shot(admin, "correction-queue-first-person")
    context.close()

    context, reviewer = log_in(browser, url, REVIEWER)
    reviewer.goto(url + "/staff/review/")
    item = reviewer.locator(f"section[data-claim='{claim}']")
    verify = item.locator("form", has=reviewer.locator("button[data-key=v]"))
    verify.locator("button").click()  # no reason: refused, with the reason asked for
    expect(reviewer.locator(".messagelist")).to_contain_text("give the reason readers will see")
    item = reviewer.locator(f"section[data-claim='{claim}']")
    verify = item.locator("form", has=reviewer.locator("button[data-key=v]"))
    verify.locator("input[name=reason]").fill(REASON)
    verify.locator("button").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("verified")
    context.close()

    reader = read_post(browser, url)
    correction = reader.locator(".fig-correction", has_text=REASON).first
    expect(correction).to_be_attached()
    expect(correction).to_contain_text("was at least 1,000")
    expect(correction).to_contain_text("now at least 1,100")
    reader = read_post(browser, url, "/corrections/")
    expect(reader.locator("main")).to_contain_text(REASON)
    expect(reader.locator("main")).to_contain_text("1,100")
    shot(reader, "correction-public-page")
