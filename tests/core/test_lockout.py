"""Lockout after repeated failed logins (django-axes): per account and reader address, read as core.proxy reads it."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from litopys.core.accounts import login

pytestmark = pytest.mark.django_db
PASSWORD = "synthetic-pass-123"
PROXY = "10.0.0.2"

@pytest.fixture(autouse=True)
def english_pages(settings):
    """These tests read the staff pages' English wording; the site's default language is Ukrainian."""
    settings.LANGUAGE_CODE = "en"



@pytest.fixture
def reviewer():
    user = get_user_model().objects.create_user("synthetic-target", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="reviewer"))
    return user


def attempt(client, password: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": PROXY, "HTTP_ACCEPT_LANGUAGE": "en"}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post("/staff/login/", {"username": "synthetic-target", "password": password, "next": "/staff/"},
                       **extra)


def passed_the_password(client) -> bool:
    return login.PENDING in client.session


def test_the_sixth_try_is_refused_even_with_the_right_password(client, reviewer, settings):
    assert settings.LITOPYS_LOGIN_ATTEMPTS == 5
    statuses = [attempt(client, f"wrong-{n}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    locked = attempt(client, PASSWORD)
    assert locked.status_code == 429 and not passed_the_password(client)
    assert "Too many failed logins for this account from your address" in locked.content.decode()
    assert "30 minutes" in locked.content.decode()


def test_another_forwarded_address_does_not_unlock_without_trusted_proxies(client, reviewer, settings):
    settings.LITOPYS_TRUSTED_PROXIES = 0
    for n in range(5):
        attempt(client, f"wrong-{n}", forwarded="203.0.113.1")
    assert attempt(client, PASSWORD, forwarded="203.0.113.99").status_code == 429
    assert not passed_the_password(client)


def test_behind_a_trusted_proxy_each_reader_address_counts_apart(client, reviewer, settings):
    settings.LITOPYS_TRUSTED_PROXIES = 1
    for n in range(5):
        attempt(client, f"wrong-{n}", forwarded="203.0.113.1")
    assert attempt(client, PASSWORD, forwarded="198.51.100.7, 203.0.113.1").status_code == 429
    other = attempt(client, PASSWORD, forwarded="203.0.113.2")
    assert other.status_code == 302 and passed_the_password(client)


def test_an_administrator_unlocks_the_account(client, reviewer):
    for n in range(5):
        attempt(client, f"wrong-{n}")
    out = StringIO()
    call_command("staff", "unlock", "synthetic-target", stdout=out)
    assert "synthetic-target: 1 failed-login record removed" in out.getvalue()  # one address, one record
    assert attempt(client, PASSWORD).status_code == 302 and passed_the_password(client)


def test_wrong_codes_count_towards_the_lockout(client, reviewer):
    from litopys.core.accounts import actions

    actions.new_recovery_codes(reviewer)
    assert attempt(client, PASSWORD)["Location"] == "/staff/login/code/"
    statuses = [client.post("/staff/login/code/", {"code": "000000"}, REMOTE_ADDR=PROXY).status_code
                for _ in range(5)]
    assert statuses == [403, 403, 403, 403, 429]
    assert attempt(client, PASSWORD).status_code == 429


def test_failed_login_records_keep_no_code(client, reviewer):
    from axes.models import AccessAttempt

    from litopys.core.accounts import actions

    codes = actions.new_recovery_codes(reviewer)
    attempt(client, PASSWORD)
    for _ in range(3):  # three wrong codes: the next try must wait four seconds, so the good one below is refused
        client.post("/staff/login/code/", {"code": "wrong-code"}, REMOTE_ADDR=PROXY)
    refused = client.post("/staff/login/code/", {"code": codes[0]}, REMOTE_ADDR=PROXY)
    assert "Too many wrong codes" in refused.content.decode()
    kept = " ".join(AccessAttempt.objects.values_list("post_data", flat=True))
    assert "code=" in kept and codes[0] not in kept and "wrong-code" not in kept
