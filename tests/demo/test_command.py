"""`litopys demo`: the dossier loaded, and links that name the address it serves."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_demo_on_another_port_names_that_port_in_canonical_and_share_links(client, settings, monkeypatch):
    monkeypatch.delenv("LITOPYS_SITE_URL", raising=False)
    settings.LITOPYS_PAGE_CACHE = 0
    out = StringIO()
    call_command("demo", "--no-serve", "--port", "8123", stdout=out)
    assert "http://127.0.0.1:8123/posts/" in out.getvalue()
    page = client.get("/posts/izium-balakliia-war-crimes/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'rel="canonical" href="http://127.0.0.1:8123/posts/izium-balakliia-war-crimes/"' in page
    assert "127.0.0.1%3A8123" in page and "127.0.0.1:8000" not in page
