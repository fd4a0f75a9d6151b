"""What a reader and a terminal user meet at the edges: a translated page for a missing address, an icon,
no traceback when output is cut short."""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.LITOPYS_PAGE_CACHE = 0


@pytest.mark.parametrize("language, words", [("en", "This page does not exist"), ("uk", "Такої сторінки немає")])
def test_a_missing_page_is_in_the_site_frame_and_the_readers_language(client, production, language, words):
    answer = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=language)
    page = answer.content.decode()
    assert answer.status_code == 404 and words in page
    assert 'class="site-nav"' in page and "Not Found" not in page


def test_the_site_has_an_icon(client, production):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'rel="icon"' in page
    answer = client.get("/favicon.ico")
    assert answer.status_code == 301 and answer["Location"].endswith("core/favicon.ico")


def test_a_command_whose_reader_goes_away_stops_without_a_traceback(tmp_path):
    env = {**os.environ, "LITOPYS_HOME": str(tmp_path / "home"), "LITOPYS_CLI_LANGUAGE": "en"}
    env.pop("DATABASE_URL", None)
    texts = []
    for n, place in enumerate(("Izium", "Balakliia", "Kupiansk", "Bucha", "Irpin")):
        path = tmp_path / f"statement-{n}.txt"
        path.write_text(f"Synthetic statement. Police said {n + 3} bodies were found in {place}.\n")
        texts.append(str(path))
    subprocess.run([sys.executable, "-m", "litopys", "ingest", *texts], env=env, capture_output=True, check=True,
                   timeout=300)
    done = subprocess.run(f"{sys.executable} -m litopys figures | head -n 1", shell=True, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.stdout.startswith("cell") or done.stdout.strip()
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
