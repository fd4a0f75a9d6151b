"""Readers at once against `litopys serve` on 127.0.0.1 (gunicorn, DEBUG off) over a SYNTHETIC record: every page
answers, none with an error. A small load here; bench/scale.py and bench/load.py run the big one."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bench.load import discover, fetch, run_load

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def environment(home: Path) -> dict:
    env = {**os.environ, "LITOPYS_HOME": str(home), "LITOPYS_CLI_LANGUAGE": "en", "PYTHONPATH": str(REPO)}
    for variable in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "LITOPYS_VAULT_BACKEND", "LITOPYS_VAULT_OPTIONS"):
        env.pop(variable, None)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """`litopys serve` with two workers on a home holding a SYNTHETIC record; yields its address."""
    home = tmp_path_factory.mktemp("load") / "home"
    env = environment(home)
    made = subprocess.run([sys.executable, "-m", "litopys", "synth", "--claims", "2000", "--sources", "200",
                           "--incidents", "80", "--posts", "12"], env=env, capture_output=True, text=True,
                          timeout=600, cwd=REPO)
    assert made.returncode == 0, made.stderr
    port = free_port()
    log = open(home / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "litopys", "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--workers", "2"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if fetch(base, "/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise AssertionError(f"litopys serve did not answer: {(home / 'serve.log').read_text()}")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


def test_readers_at_once_get_every_page_without_an_error(site):
    pages = discover(site)
    assert any(page.startswith("/posts/") for page in pages) and any(page.startswith("/figures/") for page in pages)
    outcome = run_load(site, pages, readers=8, seconds=6)
    assert outcome.errors == [], outcome.lines()
    assert outcome.requests >= len(pages)
    assert all(outcome.latencies[page] for page in pages), "every page was read"
