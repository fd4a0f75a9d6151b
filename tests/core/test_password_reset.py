"""Password reset by e-mail from the staff site's login page: a link that works once."""

import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db
OLD, NEW = "synthetic-pass-123", "synthetic-new-pass-456"


@pytest.fixture
def analyst():
    return get_user_model().objects.create_user("synthetic-forgetful", "forgetful@example.org", OLD, is_staff=True)


def test_the_login_page_links_to_password_reset(client):
    page = client.get("/staff/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/staff/password-reset/"' in page


def test_the_mailed_link_sets_a_new_password_once(client, analyst, mailoutbox):
    sent = client.post("/staff/password-reset/", {"email": "forgetful@example.org"}, HTTP_ACCEPT_LANGUAGE="en")
    assert sent["Location"] == "/staff/password-reset/sent/"
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["forgetful@example.org"]
    link = re.search(r"http://testserver(/staff/password-reset/[^/\s]+/[^/\s]+/)", mailoutbox[0].body).group(1)
    form_url = client.get(link)["Location"]  # Django moves the token out of the address before showing the form
    assert "Enter new password" in client.get(form_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    done = client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == "/staff/password-reset/done/"
    assert "_auth_user_id" not in client.session  # a reset never logs in: the second factor is still asked
    again = client.get(link, follow=True, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Password reset unsuccessful" in again and "new_password1" not in again
    client.post("/staff/login/", {"username": analyst.username, "password": NEW, "next": "/staff/"})
    assert "_auth_user_id" in client.session  # an analyst without an app needs no code


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, analyst, mailoutbox):
    sent = client.post("/staff/password-reset/", {"email": "nobody@example.org"})
    assert sent["Location"] == "/staff/password-reset/sent/" and mailoutbox == []
