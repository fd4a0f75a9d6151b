"""Two-factor authentication in the staff site: who must enrol, enrolment, codes at login, recovery codes, reset."""

import json
import logging
import time
from base64 import b32encode
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from litopys.core.accounts import actions, login

pytestmark = pytest.mark.django_db
PASSWORD = "synthetic-pass-123"

@pytest.fixture(autouse=True)
def english_pages(settings):
    """These tests read the staff pages' English wording; the site's default language is Ukrainian."""
    settings.LANGUAGE_CODE = "en"



def staff(name: str, role: str | None = None, superuser: bool = False):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", PASSWORD, is_staff=True,
                                                is_superuser=superuser)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def code_for(device, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows for this device, now or some 30-second steps later."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def enrolled(user) -> tuple[TOTPDevice, list[str]]:
    device = actions.pending_authenticator(user)
    codes = actions.confirm_authenticator(device, code_for(device))
    device.refresh_from_db()
    return device, codes


def password_step(client, name: str, next_url: str = "/staff/"):
    return client.post("/staff/login/", {"username": name, "password": PASSWORD, "next": next_url})


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_reviewer_must_enrol_before_reaching_the_staff_site(client):
    user = staff("synthetic-reviewer", "reviewer")
    response = password_step(client, user.username)
    assert response.status_code == 302 and response["Location"] == "/staff/two-factor/enrol/"
    assert not logged_in(client)
    assert client.get("/staff/")["Location"].startswith("/staff/login/")
    page = client.get("/staff/two-factor/enrol/").content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = b32encode(device.bin_key).decode().rstrip("=")
    assert "<svg" in page and " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)) in page
    refused = client.post("/staff/two-factor/enrol/", {"code": "000000"})
    assert "This code does not match" in refused.content.decode() and not logged_in(client)
    time.sleep(1.1)  # django-otp makes the next try after one wrong code wait a second
    confirmed = client.post("/staff/two-factor/enrol/", {"code": code_for(device)})
    assert confirmed.status_code == 302 and confirmed["Location"].startswith("/staff/two-factor/recovery-codes/")
    shown = client.get(confirmed["Location"]).content.decode()
    codes = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(codes) == 10 and all(f"<code>{code}</code>" in shown for code in codes)
    assert not any(code in client.get("/staff/two-factor/recovery-codes/").content.decode() for code in codes)
    assert logged_in(client) and client.get("/staff/").status_code == 200


def test_superusers_must_enrol_and_analysts_need_not(client):
    staff("synthetic-root", superuser=True)
    assert password_step(client, "synthetic-root")["Location"] == "/staff/two-factor/enrol/"
    staff("synthetic-analyst", "analyst")
    response = password_step(client, "synthetic-analyst")
    assert response["Location"] == "/staff/" and logged_in(client)
    assert client.get("/staff/").status_code == 200


def test_login_asks_for_the_code_and_refuses_a_wrong_one(client):
    user = staff("synthetic-editor", "editor")
    device, _ = enrolled(user)
    assert password_step(client, user.username)["Location"] == "/staff/login/code/"
    assert not logged_in(client)
    wrong = client.post("/staff/login/code/", {"code": "000000"})
    assert wrong.status_code == 403 and "This code is wrong" in wrong.content.decode() and not logged_in(client)
    assert client.get("/staff/")["Location"].startswith("/staff/login/")
    time.sleep(1.1)
    right = client.post("/staff/login/code/", {"code": code_for(device, steps_ahead=1)})
    assert right.status_code == 302 and right["Location"] == "/staff/"
    assert logged_in(client) and client.get("/staff/").status_code == 200


def test_an_analyst_with_an_app_is_asked_for_its_code(client):
    user = staff("synthetic-careful-analyst", "analyst")
    enrolled(user)
    assert password_step(client, user.username)["Location"] == "/staff/login/code/"


def test_a_recovery_code_works_once(client):
    user = staff("synthetic-traveller", "reviewer")
    _, codes = enrolled(user)
    password_step(client, user.username)
    used = client.post("/staff/login/code/", {"code": codes[0].upper()}, follow=True)
    assert logged_in(client) and "recovery code; 9 are left" in used.content.decode()
    client.post("/staff/logout/")
    password_step(client, user.username)
    assert client.post("/staff/login/code/", {"code": codes[0]}).status_code == 403 and not logged_in(client)


def test_the_code_step_times_out(client, monkeypatch):
    user = staff("synthetic-slow", "reviewer")
    enrolled(user)
    password_step(client, user.username)
    monkeypatch.setattr(login, "MAX_AGE", -1)
    response = client.post("/staff/login/code/", {"code": "123456"})
    assert response["Location"] == "/staff/login/" and not logged_in(client)


def test_an_analyst_made_reviewer_while_logged_in_enrols_before_going_on(client):
    user = staff("synthetic-promoted", "analyst")
    password_step(client, user.username)
    assert client.get("/staff/").status_code == 200
    user.groups.add(Group.objects.get(name="reviewer"))
    response = client.get("/staff/review/")
    assert response["Location"] == "/staff/two-factor/enrol/?next=%2Fstaff%2Freview%2F"
    client.get(response["Location"])
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(response["Location"], {"code": code_for(device)})
    assert done["Location"] == "/staff/two-factor/recovery-codes/?next=%2Fstaff%2Freview%2F"
    assert client.get("/staff/review/").status_code == 200


def test_an_administrator_resets_an_account_which_then_enrols_again(client, caplog):
    user = staff("synthetic-lost-phone", "reviewer")
    device, _ = enrolled(user)
    password_step(client, user.username)
    client.post("/staff/login/code/", {"code": code_for(device, steps_ahead=1)})
    assert client.get("/staff/").status_code == 200
    with caplog.at_level(logging.WARNING, logger="litopys.security"):
        call_command("staff", "2fa-reset", user.username, stdout=StringIO())
    assert "synthetic-lost-phone" in caplog.text and "removed 2 device(s)" in caplog.text
    assert not TOTPDevice.objects.filter(user=user).exists() and not StaticToken.objects.filter(device__user=user)
    assert client.get("/staff/")["Location"] == "/staff/two-factor/enrol/?next=%2Fstaff%2F"
    out = StringIO()
    call_command("staff", "2fa-list", "--format", "json", stdout=out)
    row = next(row for row in json.loads(out.getvalue()) if row["username"] == user.username)
    assert row == {"username": user.username, "roles": ["reviewer"], "required": True, "enrolled": False,
                   "recovery_codes": 0, "active": True}


def test_the_staff_command_names_an_unknown_account():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No account is named nobody-synthetic"):
        call_command("staff", "2fa-reset", "nobody-synthetic")


def test_every_staff_action_and_argument_is_explained_in_help(capsys):
    """`litopys staff --help` lists each action with its words, and `litopys staff ACTION --help` heads with them
    and explains each argument: an administrator locked out of a colleague's account has nothing else to read."""
    import argparse

    from litopys.core.management.commands.staff import Command

    parser = Command().create_parser("litopys", "staff")
    (subcommands,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    assert set(subcommands.choices) == {"2fa-list", "2fa-reset", "unlock"}
    listed = {choice.dest: str(choice.help or "").strip() for choice in subcommands._choices_actions}
    for name, subparser in subcommands.choices.items():
        description = str(subparser.description or "").strip()
        assert description and listed[name] == description, name
        for action in subparser._actions:
            if not isinstance(action, argparse._HelpAction):
                assert str(action.help or "").strip(), (name, action.dest)
        with pytest.raises(SystemExit) as exited:
            parser.parse_args([name, "--help"])
        assert exited.value.code == 0
        shown = " ".join(capsys.readouterr().out.split())
        assert " ".join(description.split()) in shown, name
    parser.print_help()
    shown = " ".join(capsys.readouterr().out.split())
    assert all(" ".join(words.split()) in shown for words in listed.values())


def test_the_demo_account_logs_in_with_what_the_demo_prints(client):
    from litopys.demo.loading import demo_second_factor, demo_staff_account

    username, password = demo_staff_account("synthetic-demo")
    secret, codes = demo_second_factor(username)
    device = TOTPDevice.objects.get(user__username=username)
    assert secret.replace(" ", "") == b32encode(device.bin_key).decode().rstrip("=") and len(codes) == 10
    client.post("/staff/login/", {"username": username, "password": password, "next": "/staff/"})
    assert client.post("/staff/login/code/", {"code": codes[3]})["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200
