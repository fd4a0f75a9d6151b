"""The staff login in Chromium: a reviewer enrols in two-factor authentication before reaching the staff site,
then logs in with password and code; and no page, public or staff, breaks the Content-Security-Policy."""

import json
import secrets
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.browser.conftest import RESULTS, served_demo

pytestmark = pytest.mark.browser
PASSWORD = "synthetic-pass-123"
ENROLEE = "browser-synthetic-enrolee"
ADMIN = "browser-synthetic-admin"
#: The administrator's authenticator secret (hex, as django-otp keeps it), known to the test like to a phone.
ADMIN_KEY = secrets.token_hex(20)
ACCOUNTS = f"""
import json
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from litopys.chronicle.models import Post
from litopys.incidents.models import Claim, Incident
reviewer = User.objects.create_user("{ENROLEE}", password="{PASSWORD}", is_staff=True)
reviewer.groups.add(Group.objects.get(name="reviewer"))
admin = User.objects.create_superuser("{ADMIN}", "admin@example.org", "{PASSWORD}")
TOTPDevice.objects.create(user=admin, name="authenticator", key="{ADMIN_KEY}", confirmed=True)
claim = Claim.objects.order_by("pk").first()
for n in (1, 2):  # two claims awaiting review, for the queue's keyboard
    Claim.objects.create(source=claim.source, kind=claim.kind, min=n, max=n, quote=claim.quote, start=claim.start,
                         end=claim.end, extracted_by="browser-synthetic")
print(json.dumps({{"post": Post.objects.order_by("pk").first().pk, "source": claim.source_id, "claim": claim.pk,
                  "incident": Incident.objects.filter(status="published").order_by("pk").first().slug}}))
"""
#: Collects what the page's Content-Security-Policy refused, before any script of the page runs.
WATCH_CSP = ("window.__csp = []; document.addEventListener('securitypolicyviolation', e => "
             "window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));")


@pytest.fixture(scope="module")
def login_site(tmp_path_factory):
    """`litopys serve` (gunicorn, production settings) on the demo plus our two accounts; yield (url, ids)."""
    with served_demo(tmp_path_factory.mktemp("litopys-login-browser"), ACCOUNTS, serve=True) as (url, output):
        yield url, json.loads(output.strip().splitlines()[-1])


def code(key: bytes, steps_ahead: int = 0) -> str:
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def shot(page, name: str) -> None:
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / f"login-{name}.png"), full_page=True)


def password(page, url: str, username: str) -> None:
    page.goto(url + "/staff/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#login-form [type=submit]")


def test_a_reviewer_enrols_then_logs_in_with_a_code(browser, login_site):
    url, _ = login_site
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    password(page, url, ENROLEE)
    page.wait_for_url("**/staff/two-factor/enrol/")
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    shot(page, "enrol")
    page.goto(url + "/staff/")  # the staff site stays shut until the app is set up
    page.wait_for_url("**/staff/login/?next=/staff/")
    page.goto(url + "/staff/two-factor/enrol/")
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))
    page.fill("#id_code", code(key))
    page.click("#login-form [type=submit]")
    page.wait_for_url("**/staff/two-factor/recovery-codes/**")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    shot(page, "recovery-codes")
    page.get_by_role("link", name="I have kept them: continue").click()
    page.wait_for_url(url + "/staff/")
    expect(page.locator("#user-tools")).to_contain_text("Two-factor authentication")
    page.locator("#logout-form button").click()
    expect(page.locator("#content")).to_contain_text("Logged out")

    password(page, url, ENROLEE)
    page.wait_for_url("**/staff/login/code/")
    page.fill("#id_code", "000000")
    page.click("#login-form [type=submit]")
    expect(page.locator(".errorlist")).to_contain_text("This code is wrong or has expired")
    shot(page, "wrong-code")
    assert page.url.endswith("/staff/login/code/")
    time.sleep(1.1)  # django-otp makes the next try after one wrong code wait a second
    page.fill("#id_code", code(key, steps_ahead=1))  # the enrolment used this step's code: a code works once
    page.click("#login-form [type=submit]")
    page.wait_for_url(url + "/staff/")
    expect(page.locator("#site-name")).to_contain_text("Litopys")
    context.close()


@pytest.fixture(scope="module")
def admin_context(browser, login_site):
    """A browser logged in as a superuser with password and code, watching for refused content."""
    url, _ = login_site
    context = browser.new_context(locale="en-GB")
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    password(page, url, ADMIN)
    page.wait_for_url("**/staff/login/code/")
    page.fill("#id_code", code(bytes.fromhex(ADMIN_KEY)))
    page.click("#login-form [type=submit]")
    page.wait_for_url(url + "/staff/")
    page.close()
    yield context
    context.close()


class Watched:
    """A page whose console and securitypolicyviolation events are kept."""

    def __init__(self, context):
        self.page = context.new_page()
        self.console = []
        self.page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))

    def refused(self) -> list[str]:
        events = self.page.evaluate("window.__csp || []")
        said = [line for line in self.console if "Content Security Policy" in line or "Refused to" in line]
        return events + said


@pytest.fixture
def reader(browser):
    context = browser.new_context(locale="en-GB")
    context.add_init_script(WATCH_CSP)
    yield Watched(context)
    context.close()


def test_public_pages_break_no_rule_of_the_policy(reader, login_site):
    url, ids = login_site
    page = reader.page
    page.goto(url + "/posts/izium-balakliia-war-crimes/")
    page.locator("a.fig").first.click()  # a figure's sources open in the page's own script
    page.goto(url + "/map/")
    page.wait_for_selector("[data-pins-ready]")
    page.locator(".leaflet-marker-icon").first.click()
    page.wait_for_selector(".leaflet-popup")
    page.goto(f"{url}/incidents/{ids['incident']}/")
    page.wait_for_selector("[data-outline-ready]")
    page.goto(url + "/no-such-page-synthetic/")
    assert reader.refused() == []


def test_staff_pages_work_and_break_no_rule_of_the_policy(admin_context, login_site):
    url, ids = login_site
    watched = Watched(admin_context)
    page = watched.page
    page.goto(url + "/staff/")
    expect(page.locator("#user-tools")).to_contain_text("Two-factor authentication")
    # a change form with autocomplete, a two-box selector and date and time widgets
    page.goto(f"{url}/staff/chronicle/post/{ids['post']}/change/")
    page.locator(".field-incidents .select2-selection").click()
    page.locator(".field-incidents .select2-search__field").fill("Iz")
    expect(page.locator(".select2-results__option").first).to_be_visible()
    page.keyboard.press("Escape")
    page.locator(".datetimeshortcuts a").first.click()  # "Now"/"Today"
    page.locator(".datetimeshortcuts .date-icon, .datetimeshortcuts .clock-icon").first.click()
    expect(page.locator(".calendarbox, .clockbox").first).to_be_visible()
    shot(page, "change-form")
    page.goto(f"{url}/staff/incidents/claim/{ids['claim']}/change/")
    page.locator(".field-attributed_to .select2-selection").click()
    expect(page.locator(".select2-results__option").first).to_be_visible()
    page.keyboard.press("Escape")
    # the review queue's keyboard: j moves to the next claim
    page.goto(url + "/staff/review/")
    items = page.locator("section[data-claim]")
    assert items.count() >= 2
    expect(items.nth(0)).to_have_class("queue-item current")
    page.keyboard.press("j")
    expect(items.nth(1)).to_have_class("queue-item current")
    page.keyboard.press("k")
    expect(items.nth(0)).to_have_class("queue-item current")
    shot(page, "review-queue")
    # the source page: selecting words fills in the new claim's exact words
    page.goto(f"{url}/staff/review/source/{ids['source']}/")
    box = page.locator("#source-text span[data-start]").first.bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + min(box["width"] - 2, 120), box["y"] + box["height"] / 2)
    page.mouse.up()
    expect(page.locator("#new-claim [name=quote]")).not_to_have_value("")
    expect(page.locator("#new-claim [name=start]")).not_to_have_value("")
    shot(page, "source-selection")
    assert watched.refused() == []
    page.close()
