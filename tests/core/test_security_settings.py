"""Security settings from the environment: the Content-Security-Policy, HTTPS and e-mail, as plain functions."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from litopys.core import security


def test_policy_allows_our_origin_only_and_no_inline_code():
    policy = security.csp_directives()
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert not any("unsafe" in source for sources in policy.values() for source in sources)
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"] and policy["base-uri"] == ["'self'"]


def test_tile_host_and_dynamic_site_are_added_by_origin():
    policy = security.csp_directives("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://live.example.org/x/",
                                     ["https://media.example.org/bucket/"])
    assert policy["img-src"] == ["'self'", "data:", "https://*.tile.example.org", "https://media.example.org"]
    assert policy["form-action"] == ["'self'", "https://live.example.org"]
    assert security.csp_directives(dynamic_url="off")["form-action"] == ["'self'"]


@pytest.mark.parametrize("url", ["tiles.example.org/{z}.png", "ftp://tiles.example.org/", "https://a.{s}.example.org/"])
def test_a_tile_address_a_policy_cannot_name_is_refused_with_the_fix(url):
    with pytest.raises(ImproperlyConfigured, match="LITOPYS_TILE_URL"):
        security.csp_directives(url)


def test_https_turns_on_secure_cookies_and_the_redirect():
    on = security.https_settings(True, 31536000, False, False)
    assert on["SESSION_COOKIE_SECURE"] and on["CSRF_COOKIE_SECURE"] and on["SECURE_SSL_REDIRECT"]
    off = security.https_settings(False, 31536000, False, False)
    assert not (off["SESSION_COOKIE_SECURE"] or off["CSRF_COOKIE_SECURE"] or off["SECURE_SSL_REDIRECT"])
    assert off["SECURE_HSTS_SECONDS"] == 31536000 and not off["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    with pytest.raises(ImproperlyConfigured, match="LITOPYS_HSTS_INCLUDE_SUBDOMAINS"):
        security.https_settings(True, 31536000, False, True)


def test_only_the_hsts_options_left_off_are_silenced():
    assert security.silenced_checks(False, False) == ["security.W005", "security.W021"]
    assert security.silenced_checks(True, True) == []


def test_mail_goes_to_the_console_unless_a_server_is_named():
    assert security.email_settings("")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    smtp = security.email_settings("smtp+starttls://staff%40example.org:p%40ss@mail.example.org")
    assert smtp["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"], smtp["EMAIL_USE_TLS"], smtp["EMAIL_USE_SSL"]) == (
        "mail.example.org", 587, True, False)
    assert (smtp["EMAIL_HOST_USER"], smtp["EMAIL_HOST_PASSWORD"]) == ("staff@example.org", "p@ss")
    ssl = security.email_settings("smtps://u:p@mail.example.org:2465")
    assert (ssl["EMAIL_PORT"], ssl["EMAIL_USE_SSL"], ssl["EMAIL_USE_TLS"]) == (2465, True, False)
    assert security.email_settings("smtp://relay")["EMAIL_PORT"] == 25
    assert security.email_settings("file:///var/mail/litopys")["EMAIL_FILE_PATH"] == "/var/mail/litopys"


def test_a_wrong_mail_address_is_refused_without_showing_its_password():
    with pytest.raises(ImproperlyConfigured) as refused:
        security.email_settings("imap://user:secret-word@mail.example.org")
    assert "secret-word" not in str(refused.value) and "smtp+starttls://" in str(refused.value)
    with pytest.raises(ImproperlyConfigured, match="names no mail server"):
        security.email_settings("smtp+starttls://")
