"""The public record in Debian's Chromium: the map works with no network, a pin leads to its incident, and the
timeline pages without JavaScript."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = pytest.mark.browser
# Playwright's sync API keeps an event loop running in the test thread, and the test database is set up
# from that thread once a page exists; the ORM calls are ordinary blocking ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parents[2]
RESULTS = REPO / "test-results"
CHROMIUM = "/usr/bin/chromium"
BURIAL = "izium-mass-burial-site"
TORTURE = "kharkiv-region-torture-sites"
#: Published incidents added to the demo in our own copy, so that the timeline has more than one page.
EXTRA_INCIDENTS = 25


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


#: Serve the site from a LITOPYS_HOME: Django's threaded development server with its static files handler.
SERVE = """
import sys
import django
from django.conf import settings
django.setup()
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import run
from django.core.wsgi import get_wsgi_application
run("127.0.0.1", int(sys.argv[1]), StaticFilesHandler(get_wsgi_application()), threading=True)
"""
ADD_INCIDENTS = f"""
from datetime import date
from litopys.incidents.models import Incident
from litopys.places.models import Place
place = Place.objects.filter(name="Bucha").order_by("-population").first()
for n in range({EXTRA_INCIDENTS}):
    Incident.objects.get_or_create(slug=f"timeline-test-{{n:02d}}", defaults=dict(
        title=f"Timeline test incident {{n:02d}}", type="shelling", place=place, status="published",
        start_date=date(2023, 1 + n % 12, 1 + n), start_precision="day"))
"""

#: How long a page may take to load on a loaded CI machine (both suites' workers share two cores).
NAVIGATION_TIMEOUT = 60_000
#: A page has arrived when its document is parsed (its heading is there); its map's own requests may still run.
ARRIVED = {"wait_until": "domcontentloaded", "timeout": NAVIGATION_TIMEOUT}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def own_site(tmp_path_factory):
    """Serve the demo, plus published incidents enough for two timeline pages, from a temporary LITOPYS_HOME."""
    home = tmp_path_factory.mktemp("litopys-record-browser")
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(LITOPYS_HOME=str(home), DJANGO_SETTINGS_MODULE="litopys.core.settings", LITOPYS_PAGE_CACHE="0")
    litopys = [sys.executable, "-m", "litopys"]
    for step in (["demo", "--no-serve"], ["shell", "-c", ADD_INCIDENTS]):
        done = subprocess.run([*litopys, *step], env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"litopys {step[0]} failed: {done.stderr[-2000:]}"
    port = free_port()
    log = open(home / "server.log", "w")
    server = subprocess.Popen([sys.executable, "-c", SERVE, str(port)], env=env, cwd=REPO, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "/timeline/", timeout=2).close()
                break
            except urllib.error.HTTPError as exc:  # the server runs but the page fails: no point waiting
                log.flush()
                pytest.fail(f"/timeline/ answered {exc.code}: {(home / 'server.log').read_text()[-3000:]}")
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.2)
        else:
            pytest.fail(f"the demo server did not answer on {url}; see {home / 'server.log'}")
        assert server.poll() is None, (home / "server.log").read_text()[-2000:]
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def record_site(request):
    """The shared demo site (`site_url` from tests/browser/conftest.py), or our own until that exists."""
    try:
        return request.getfixturevalue("site_url").rstrip("/")
    except pytest.FixtureLookupError:
        return request.getfixturevalue("own_site")


def offline(page, site: str) -> list[str]:
    """Let the page reach the local server only; return the list of requests refused."""
    refused = []

    def route(route):
        if route.request.url.startswith(site):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    return refused


def follow(page, link, slug: str) -> None:
    """Click ``link`` and wait for the incident page ``slug``; if it never comes, say what the page showed."""
    try:
        with page.expect_navigation(url=f"**/incidents/{slug}/", **ARRIVED):
            link.click()
    except PlaywrightTimeoutError:
        shot(page, f"stuck-{slug}")
        popups = page.locator(".leaflet-popup").count()
        still = page.locator("[data-record-map][data-map-still]").count()
        pytest.fail(f"clicking the popup's link to {slug} led nowhere: the page is {page.url}, {popups} popup(s) open, "
                    f"map still: {bool(still)}; screenshot test-results/record-stuck-{slug}.png")


def shot(page, name: str) -> None:
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / f"record-{name}.png"), full_page=True)


def test_map_works_offline_and_a_pin_opens_its_incident(page, record_site):
    refused = offline(page, record_site)
    page.goto(record_site + "/map/")
    page.wait_for_selector("[data-outline-ready]")
    page.wait_for_selector("[data-pins-ready]")
    assert page.locator(".leaflet-outline-pane path").count() >= 28  # Ukraine and its 27 divisions
    features = page.request.get(record_site + "/map/incidents.geojson").json()["features"]
    titles = {f["properties"]["slug"]: f["properties"]["title"] for f in features}
    assert {BURIAL, TORTURE} <= set(titles), f"the demo has no {BURIAL} or {TORTURE} on the map: {sorted(titles)}"
    assert page.locator(".leaflet-marker-icon").count() == len(features)
    # pins sit above the outline
    outline_z = page.eval_on_selector(".leaflet-outline-pane", "e => +getComputedStyle(e).zIndex")
    markers_z = page.eval_on_selector(".leaflet-marker-pane", "e => +getComputedStyle(e).zIndex")
    assert markers_z > outline_z
    shot(page, "map-offline")
    # a pointer on the torture sites' pin; the keyboard on the burial site's, which sits among others near Izium
    page.locator(f'.leaflet-marker-icon[title="{titles[TORTURE]}"]').click()
    link = page.locator(f'.leaflet-popup a[href="/incidents/{TORTURE}/"]').first
    link.wait_for()
    page.wait_for_selector("[data-record-map][data-map-still]")  # the popup pans the map into view: a click
    # during the pan can land beside the moving link, on the map, which closes the popup
    follow(page, link, TORTURE)
    assert page.locator("h1").inner_text() == titles[TORTURE]
    page.go_back()
    page.wait_for_selector("[data-pins-ready]")
    marker = page.locator(f'.leaflet-marker-icon[title="{titles[BURIAL]}"]')
    marker.focus()
    page.keyboard.press("Enter")
    link = page.locator(f'.leaflet-popup a[href="/incidents/{BURIAL}/"]').first
    link.wait_for()
    page.wait_for_selector("[data-record-map][data-map-still]")
    shot(page, "map-popup")
    follow(page, link, BURIAL)
    assert page.locator("h1").inner_text() == titles[BURIAL]
    assert page.locator(".record-best").count() >= 1  # its verified figures
    page.wait_for_selector("[data-outline-ready]")
    assert page.locator(".leaflet-marker-icon").count() == 1
    shot(page, "incident")
    assert all(not url.startswith(("http://", "https://")) or url.startswith(record_site) for url in refused)


def test_timeline_pages_without_javascript(browser, own_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    offline(page, own_site)
    page.goto(own_site + "/timeline/")
    assert page.locator("h1").inner_text() == "Timeline" or page.locator("h1").count() == 1
    first_titles = page.locator(".record-incident-summary h3").all_inner_texts()
    assert len(first_titles) == 20
    shot(page, "timeline-1")
    page.locator('.record-pager a[rel="next"]').click()
    page.wait_for_url("**/timeline/page/2/")
    second_titles = page.locator(".record-incident-summary h3").all_inner_texts()
    assert len(second_titles) == 3 + EXTRA_INCIDENTS - 20 and not set(first_titles) & set(second_titles)
    assert page.locator("section.record-month h2").count() >= 1
    shot(page, "timeline-2")
    page.locator('.record-pager a[rel="prev"]').click()
    page.wait_for_url("**/timeline/")
    assert page.locator(".record-incident-summary h3").all_inner_texts() == first_titles
    context.close()
