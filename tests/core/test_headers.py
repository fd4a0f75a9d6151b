"""Content-Security-Policy and the other security headers on every kind of response, and templates that need
no inline script or style."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
SRC = Path(__file__).resolve().parents[2] / "src" / "litopys"
OTHER_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY",
                 "Cross-Origin-Opener-Policy": "same-origin"}


def assert_protected(response):
    policy = response.headers.get("Content-Security-Policy", "")
    directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip())
    assert directives.get("default-src") == "'self'" and directives.get("script-src") == "'self'", policy
    assert directives.get("style-src") == "'self'" and directives.get("frame-ancestors") == "'none'", policy
    assert directives.get("object-src") == "'none'" and directives.get("base-uri") == "'self'", policy
    assert "unsafe" not in policy
    for name, value in OTHER_HEADERS.items():
        assert response.headers.get(name) == value, name


@pytest.mark.parametrize("path, status", [
    ("/", 200), ("/incidents/", 200), ("/map/", 200), ("/staff/login/", 200), ("/staff/", 302),
    ("/staff/password-reset/", 200), ("/no-such-page-synthetic/", 404)])
def test_public_staff_and_error_pages_carry_the_policy(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert_protected(response)


def test_a_page_from_the_page_cache_keeps_the_policy(client, settings):
    settings.LITOPYS_PAGE_CACHE = 60
    client.get("/incidents/")
    cached = client.get("/incidents/")
    assert getattr(cached, "litopys_hit", False), "the second request was not answered from the page cache"
    assert_protected(cached)


def test_a_server_error_page_carries_the_policy(client, settings):
    settings.ROOT_URLCONF = "tests.core.urls_failing"
    client.raise_request_exception = False
    response = client.get("/synthetic-failure/")
    assert response.status_code == 500
    assert_protected(response)


def test_the_tile_host_and_the_dynamic_site_reach_the_policy_from_the_environment(tmp_path):
    env = {**os.environ, "LITOPYS_HOME": str(tmp_path), "DJANGO_SETTINGS_MODULE": "litopys.core.settings",
           "LITOPYS_TILE_URL": "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
           "LITOPYS_DYNAMIC_URL": "https://live.example.org/"}
    code = ("import django; django.setup(); from django.conf import settings; "
            "d = settings.CONTENT_SECURITY_POLICY['DIRECTIVES']; print(d['img-src'], d['form-action'])")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "https://*.tiles.example.org" in done.stdout and "https://live.example.org" in done.stdout


#: What a Content-Security-Policy without 'unsafe-inline' blocks in markup.
INLINE = {"inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
          "style element": re.compile(r"<style\b", re.I),
          "style attribute": re.compile(r"\sstyle\s*=", re.I),
          "event handler attribute": re.compile(r"\son[a-z]+\s*=", re.I),
          "javascript: link": re.compile(r"javascript:", re.I)}


def test_no_template_needs_inline_script_or_style():
    found = []
    for template in SRC.rglob("templates/**/*.html"):
        if "exchange/package/" in template.as_posix():
            continue  # documents written into an evidence package, read offline: no site, no policy
        text = template.read_text(encoding="utf-8")
        found += [f"{template.relative_to(SRC)}: {what}" for what, pattern in INLINE.items() if pattern.search(text)]
    assert not found, found
