"""Browser tests drive Debian's Chromium through Playwright against a demo site served from a temporary home.

`site_url` is the shared fixture: `litopys demo --no-serve` into a fresh LITOPYS_HOME (SQLite), plus one
synthetic published post of our own (a verified figure from a public source, a sensitive image), served by
`litopys runserver --noreload --insecure` with DEBUG off. Nothing here uses pytest-django's live server: its
flush would meet the custody ledger's append-only triggers.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RESULTS = REPO / "test-results"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
#: The post the browser tests read, with numbers and an image of their own (synthetic text throughout).
SYNTHETIC_SLUG = "browser-synthetic-river"
SYNTHETIC_POST = r'''
import hashlib, io
from datetime import date, timedelta
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image
from litopys.chronicle.models import Media, Post
from litopys.evidence.models import Item, Source
from litopys.incidents.models import Actor, Claim, Incident
from litopys.review.actions import decide

incident, _ = Incident.objects.get_or_create(slug="browser-synthetic-grave", defaults=dict(
    title="Synthetic burial ground by the river", type="mass_burial", status="published",
    start_date=date(2022, 9, 15)))
text = b"Synthetic bulletin: searchers recovered 321 bodies by the river."
item, _ = Item.objects.get_or_create(sha256="sha256:" + hashlib.sha256(text).hexdigest(), defaults=dict(
    size=len(text), media_type="text/plain", text=text.decode()))
source, _ = Source.objects.get_or_create(item=item, defaults=dict(
    kind="official_statement", title="Synthetic river police bulletin", publisher="Synthetic Police",
    published=date(2022, 9, 23), collected_at=timezone.now(), sensitivity="public"))
speaker, _ = Actor.objects.get_or_create(name="Officer Synthetic River")
claim, created = Claim.objects.get_or_create(source=source, kind="bodies", defaults=dict(
    incident=incident, min=321, max=321, quote="searchers recovered 321 bodies by the river",
    start=20, end=63, extracted_by="test", attributed_to=speaker))
if claim.status != "verified":  # two people: one accepts, another verifies
    reviewers = []
    for name in ("browser-synthetic-reviewer", "browser-synthetic-second-reviewer"):
        person, _ = get_user_model().objects.get_or_create(username=name, defaults={"is_staff": True})
        person.groups.add(Group.objects.get(name="reviewer"))
        reviewers.append(person)
    if not claim.accepted_by_id:
        decide(claim, "accept", reviewers[0])
    decide(claim, "verify", reviewers[1])
picture = io.BytesIO()
Image.new("RGB", (640, 360), (90, 60, 60)).save(picture, format="PNG")
media = Media.objects.filter(title="Synthetic sensitive picture").first()
if media is None:
    media = Media(title="Synthetic sensitive picture", caption="A synthetic picture that stands for a grave.",
                  alt_text="A plain dark red rectangle.", credit="Synthetic Photographer", sensitive=True,
                  width=640, height=360, media_type="image/png")
    media.file.save("browser-synthetic.png", ContentFile(picture.getvalue()), save=False)
    media.save()
body = ("Searchers by the synthetic river recovered {{figure browser-synthetic-grave bodies}} bodies.\n\n"
        "## The synthetic mill\n\nInvestigators described a cellar.[^1]\n\n{{media %d}}\n\n"
        "> A synthetic witness spoke slowly about the winter.\n\n[^1]: A synthetic footnote.\n" % media.pk)
Post.objects.update_or_create(slug="__SLUG__", defaults=dict(
    title="Synthetic crimes by the river revealed", lead="A synthetic lead for the browser tests.", body=body,
    status="published", published_at=timezone.now() - timedelta(hours=1), language="en"))
'''.replace("__SLUG__", SYNTHETIC_SLUG)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session", autouse=True)
def chromium_present():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium); "
                    "the browser tests never download a browser")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def results() -> Path:
    """The folder screenshots go to (test-results/ at the top of the repository)."""
    RESULTS.mkdir(exist_ok=True)
    return RESULTS


@contextmanager
def served_demo(home: Path, script: str = "", serve: bool = False):
    """Build the demo in ``home``, run ``script`` in its shell, and serve it; yield (base URL, the script's output).

    ``serve`` runs `litopys serve` (gunicorn, production settings); otherwise `runserver --insecure`."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(LITOPYS_HOME=str(home), LITOPYS_DEBUG="0", DJANGO_SETTINGS_MODULE="litopys.core.settings")
    litopys = [sys.executable, "-m", "litopys"]
    output = ""
    for step in (["demo", "--no-serve"], ["shell", "-c", script]) if script else (["demo", "--no-serve"],):
        done = subprocess.run([*litopys, *step], env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"litopys {step[0]} failed:\n{done.stdout[-1500:]}\n{done.stderr[-3000:]}"
        output = done.stdout
    port = free_port()
    command = ["serve", "--port", str(port), "--workers", "2"] if serve else [
        "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"]
    log = open(home / "server.log", "w")
    server = subprocess.Popen([*litopys, *command], env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/robots.txt", timeout=2).close()
                break
            except urllib.error.HTTPError as exc:  # the server runs but the page fails: no point waiting
                log.flush()
                pytest.fail(f"/robots.txt answered {exc.code}: {(home / 'server.log').read_text()[-3000:]}")
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.2)
        assert server.poll() is None, f"the server stopped: {(home / 'server.log').read_text()[-3000:]}"
        yield url, output
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """Serve the demo plus our synthetic post from a temporary LITOPYS_HOME; yield its base URL."""
    with served_demo(tmp_path_factory.mktemp("litopys-browser-site"), SYNTHETIC_POST) as (url, _output):
        yield url


@pytest.fixture
def post_url(site_url) -> str:
    return f"{site_url}/posts/{SYNTHETIC_SLUG}/"
