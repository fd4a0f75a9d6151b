"""HTTPS on `litopys serve` (gunicorn, the WSGI fast path and all): Secure cookies, HSTS and the redirect with
LITOPYS_HTTPS=1 or behind a trusted proxy saying so, none of them without; and a clean `check --deploy`."""

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
LITOPYS = [sys.executable, "-m", "litopys"]
ANALYST = "synthetic-https-analyst"
PASSWORD = "synthetic-pass-123"
MAKE_ANALYST = f"""
from django.contrib.auth.models import Group, User
user = User.objects.create_user("{ANALYST}", password="{PASSWORD}", is_staff=True)
user.groups.add(Group.objects.get(name="analyst"))
"""


def environment(home: Path, **extra) -> dict:
    # As a server's environment would be: without the test run's database, proxy and HTTPS settings, or the
    # DJANGO_ALLOW_ASYNC_UNSAFE that the browser tests set for Playwright (a deployment check refuses it).
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
           and not key.startswith(("LITOPYS_HTTPS", "LITOPYS_TRUSTED", "LITOPYS_HSTS"))}
    env.update(LITOPYS_HOME=str(home), DJANGO_SETTINGS_MODULE="litopys.core.settings", **extra)
    return env


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A LITOPYS_HOME with its database set up and one analyst (who needs no second factor)."""
    home = tmp_path_factory.mktemp("litopys-https")
    for step in (["migrate", "--verbosity", "0"], ["shell", "-c", MAKE_ANALYST]):
        done = subprocess.run([*LITOPYS, *step], env=environment(home), cwd=REPO, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
    return home


class Server:
    """`litopys serve` on a free port with some settings; requests sent as a proxy in front would send them."""

    def __init__(self, home: Path, **settings):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.log = open(home / f"serve-{self.port}.log", "w")
        self.process = subprocess.Popen([*LITOPYS, "serve", "--port", str(self.port), "--workers", "1"],
                                        env=environment(home, **settings), cwd=REPO, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                assert self.process.poll() is None, (home / f"serve-{self.port}.log").read_text()[-2000:]
                time.sleep(0.1)
        raise AssertionError(f"litopys serve did not start on port {self.port}")

    def request(self, method: str, path: str, https: bool = False, body: str = "", headers: dict | None = None):
        headers = dict(headers or {})
        if https:
            headers["X-Forwarded-Proto"] = "https"
        headers.setdefault("X-Forwarded-For", "203.0.113.5")
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        response.read()
        connection.close()
        return response

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


def cookies(response) -> dict:
    jar = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        for name, morsel in SimpleCookie(header).items():
            jar[name] = morsel
    return jar


def log_in(server: Server, https: bool):
    """Log the analyst in through the password step; return the answer that sets the session cookie."""
    page = server.request("GET", "/staff/login/", https=https)
    token = cookies(page)["csrftoken"].value
    scheme = "https" if https else "http"
    return server.request("POST", "/staff/login/", https=https,
                          body=f"username={ANALYST}&password={PASSWORD}&next=/staff/&csrfmiddlewaretoken={token}",
                          headers={"Cookie": f"csrftoken={token}", "Origin": f"{scheme}://127.0.0.1:{server.port}"})


@pytest.fixture(scope="module")
def servers(home):
    started = {"plain": Server(home, LITOPYS_TRUSTED_PROXIES="1"),
               "https": Server(home, LITOPYS_HTTPS="1", LITOPYS_TRUSTED_PROXIES="1")}
    yield started
    for server in started.values():
        server.stop()


def test_with_litopys_https_cookies_are_secure_and_hsts_is_sent(servers):
    server = servers["https"]
    page = server.request("GET", "/staff/login/", https=True)
    assert page.status == 200
    assert cookies(page)["csrftoken"]["secure"] is True
    assert page.headers["Strict-Transport-Security"] == "max-age=31536000"
    answer = log_in(server, https=True)
    assert answer.status == 302 and answer.headers["Location"] == "/staff/"
    assert cookies(answer)["sessionid"]["secure"] is True and cookies(answer)["sessionid"]["httponly"] is True


def test_with_litopys_https_plain_http_is_redirected_even_for_a_cached_page(servers):
    server = servers["https"]
    for _ in range(2):  # the second answer comes from the page cache
        assert server.request("GET", "/incidents/", https=True).status == 200
    plain = server.request("GET", "/incidents/")
    assert plain.status == 301 and plain.headers["Location"] == f"https://127.0.0.1:{server.port}/incidents/"


def test_without_https_cookies_are_not_secure_and_no_hsts_is_sent(servers):
    server = servers["plain"]
    page = server.request("GET", "/staff/login/")
    assert page.status == 200 and not cookies(page)["csrftoken"]["secure"]
    assert "Strict-Transport-Security" not in page.headers
    answer = log_in(server, https=False)
    assert answer.status == 302 and not cookies(answer)["sessionid"]["secure"]


def test_a_trusted_proxy_saying_https_makes_cookies_secure_and_sends_hsts(servers):
    server = servers["plain"]
    page = server.request("GET", "/staff/login/", https=True)
    assert cookies(page)["csrftoken"]["secure"] is True
    assert page.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert cookies(log_in(server, https=True))["sessionid"]["secure"] is True


def production(home: Path, **extra) -> dict:
    return environment(home, LITOPYS_DEBUG="0", LITOPYS_SECRET_KEY=secrets.token_urlsafe(50), **extra)


def test_check_deploy_is_clean_with_production_settings(home):
    done = subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                          env=production(home, LITOPYS_HTTPS="1", LITOPYS_TRUSTED_PROXIES="1"), cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout
    assert "WARNINGS" not in done.stdout + done.stderr


def test_serve_check_says_what_to_fix_one_line_each(home):
    done = subprocess.run([*LITOPYS, "serve", "--check"], env=production(home), cwd=REPO, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 1
    lines = done.stdout.strip().splitlines()
    assert {line.split(":")[0] for line in lines} == {"security.W008", "security.W012", "security.W016"}
    assert all("LITOPYS_HTTPS=1" in line for line in lines)
    clean = subprocess.run([*LITOPYS, "serve", "--check"], cwd=REPO, capture_output=True, text=True, timeout=300,
                           env=production(home, LITOPYS_HTTPS="1", LITOPYS_TRUSTED_PROXIES="1"))
    assert clean.returncode == 0 and "nothing to fix" in clean.stdout
