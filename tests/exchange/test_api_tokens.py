"""Tokens and the answers every client meets: tokens made by `litopys api-token` and the staff site, kept only
as digests, revocable, last use shown; bad input (a forged token, a page size of 10^9, a filter that is SQL, a
cursor made up, a misspelt filter) gets a 4xx with a one-line JSON error; limits, cursors and ETags work."""

import json
import time
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError

from litopys.exchange.api.models import Token
from tests.exchange import api_world

pytestmark = pytest.mark.django_db
record, world = api_world.record, api_world.world  # the fixtures


def test_the_command_makes_a_token_shown_once_and_kept_as_a_digest(client, world):
    out = StringIO()
    call_command("api-token", "api-editor", "--name", "synthetic script", "--scope", "write", stdout=out,
                 stderr=StringIO())
    raw = out.getvalue().strip()
    assert raw.startswith("litopys_") and len(raw) > 40
    token = Token.objects.get(name="synthetic script")
    assert raw not in (token.digest, token.prefix) and raw.startswith(token.prefix)
    assert not Token.objects.filter(digest__contains=raw[10:30]).exists()
    assert client.get("/api/v1/staff/claims", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    Token.objects.filter(pk=token.pk).update(last_used_at=None)
    client.get("/api/v1/staff/claims", HTTP_AUTHORIZATION=f"Bearer {raw}")
    token.refresh_from_db()
    assert token.last_used_at is not None
    listing = StringIO()
    call_command("api-token", "--list", "api-editor", "--format", "json", stdout=listing)
    assert [row["name"] for row in json.loads(listing.getvalue())] == ["synthetic script", "synthetic test token"]
    call_command("api-token", "--revoke", token.prefix, stdout=StringIO())
    answer = client.get("/api/v1/staff/claims", HTTP_AUTHORIZATION=f"Bearer {raw}", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 401 and "revoked" in answer.json()["detail"]


def test_the_command_says_what_is_wrong_in_one_line(world):
    with pytest.raises(CommandError, match="no account 'nobody'"):
        call_command("api-token", "nobody")
    world.users["editor"].is_staff = False
    world.users["editor"].save()
    with pytest.raises(CommandError, match="not an active staff account"):
        call_command("api-token", "api-editor")


def test_a_token_is_made_on_the_staff_site_and_shown_once(client, world):
    client.force_login(world.users["administrator"])
    page = client.post("/staff/exchange_api/token/add/", {"user": world.users["analyst"].pk, "name": "synthetic laptop",
                                                          "scope": "read"}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    token = Token.objects.get(name="synthetic laptop")
    assert token.user == world.users["analyst"]
    shown = [str(message) for message in page.context["messages"]]
    raw = next(word for text in shown for word in text.split() if word.startswith("litopys_"))
    assert client.get("/api/v1/staff/claims", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    client.force_login(world.users["collector-a"])  # others see and make only their own
    listing = client.get("/staff/exchange_api/token/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "synthetic laptop" not in listing
    client.post("/staff/exchange_api/token/add/", {"name": "synthetic own", "scope": "write"})
    assert Token.objects.get(name="synthetic own").user == world.users["collector-a"]


@pytest.mark.parametrize(("header", "status"), [
    ("", 401), ("Bearer", 401), ("Basic dXNlcjpwYXNz", 401), ("Bearer litopys_forged-token-0000000000000000", 401),
    ("Bearer ' OR 1=1 --", 401),
])
def test_a_missing_or_forged_token_is_refused_in_json(client, world, header, status):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    answer = client.get("/api/v1/staff/sources", HTTP_ACCEPT_LANGUAGE="en", **extra)
    assert answer.status_code == status
    assert answer["Content-Type"].startswith("application/json") and answer.json()["detail"]
    assert answer["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/api/v1/incidents?limit=1000000000", 422, "limit"),
    ("/api/v1/incidents?limit=0", 422, "limit"),
    ("/api/v1/incidents?oblast=%27%20OR%201%3D1%20--", 422, "oblast"),
    ("/api/v1/incidents?cursor=%27%3B%20DROP%20TABLE", 422, "cursor"),
    ("/api/v1/incidents?oblst=UA-63", 422, "unknown parameter"),
    ("/api/v1/incidents?since=yesterday", 422, "since"),
    ("/api/v1/incidents?type=genocide%27--", 422, "type"),
    ("/api/v1/incidents/%27%20OR%20%271%27%3D%271", 404, ""),
])
def test_bad_input_gets_a_clear_4xx(client, world, url, status, words):
    answer = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == status, answer.content
    detail = answer.json()["detail"]
    assert "\n" not in detail and words in detail


def test_sql_in_a_free_text_filter_is_only_text(client, world):
    answer = client.get("/api/v1/figures?incident=%27%20OR%20%271%27%3D%271")
    assert answer.status_code == 200 and answer.json()["items"] == []


def test_cursor_pages_give_every_incident_once(client, world):
    seen, url = [], "/api/v1/incidents?limit=1"
    while url:
        body = client.get(url).json()
        assert len(body["items"]) <= 1
        seen += [item["slug"] for item in body["items"]]
        url = body["next"].removeprefix("http://testserver") if body["next"] else None
    assert sorted(seen) == sorted(incident.slug for incident in world.record.published)


def test_public_answers_carry_an_etag_and_answer_if_none_match(client, world):
    first = client.get("/api/v1/incidents", HTTP_ACCEPT_LANGUAGE="en")
    assert first["ETag"] and "public" in first["Cache-Control"]
    again = client.get("/api/v1/incidents", HTTP_ACCEPT_LANGUAGE="en", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not again.content
    other = client.get("/api/v1/incidents", HTTP_ACCEPT_LANGUAGE="uk", HTTP_IF_NONE_MATCH=first["ETag"])
    assert other.status_code == 200  # another language is another answer
    staff = client.get("/api/v1/staff/claims", **world.bearer("administrator"))
    assert "ETag" not in staff and "no-store" in staff["Cache-Control"]


def test_rate_limits_answer_429_with_retry_after(client, world, settings):
    settings.LITOPYS_API_RATE = settings.LITOPYS_API_ANON_RATE = 3
    cache.clear()
    while time.time() % 60 > 45:  # the limits count per clock minute: start well inside one
        time.sleep(1)
    answers = [client.get("/api/v1/places").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = client.get("/api/v1/places")
    assert limited.json()["detail"] and 1 <= int(limited["Retry-After"]) <= 60
    staff = [client.get("/api/v1/staff/jobs", **world.bearer("analyst")).status_code for _ in range(4)]
    assert staff == [200, 200, 200, 429]  # per token: the analyst's own budget
    forged = [client.get("/api/v1/staff/jobs", HTTP_AUTHORIZATION="Bearer litopys_guess").status_code
              for _ in range(6)]
    assert forged[-1] == 429  # guessing tokens is slowed down too


def test_the_documentation_page_works_under_the_content_security_policy(client, world):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    policy = page.get("Content-Security-Policy", "")
    html = page.content.decode()
    assert "<script>" not in html.replace('<script type="application/json"', "")  # no inline script to block
    assert "script-src" not in policy or "'self'" in policy


def test_an_id_beyond_any_row_is_not_found(client, world):
    huge = 10**30
    answer = client.get(f"/api/v1/staff/claims/{huge}", **world.bearer("editor"))
    assert answer.status_code == 404, answer.content
    answer = client.get("/api/v1/staff/claims", {"source": huge}, **world.bearer("editor"))
    assert answer.status_code == 422, answer.content
