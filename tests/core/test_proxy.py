"""Readers behind a reverse proxy are told apart by the address the trusted proxies report."""

import pytest

from litopys.chronicle import readers
from litopys.core.proxy import forwarded_client


@pytest.mark.parametrize("header, proxies, expected", [
    ("203.0.113.7", 1, "203.0.113.7"),
    ("198.51.100.1, 203.0.113.7", 1, "203.0.113.7"),       # the left one could be forged by the reader
    ("198.51.100.1, 203.0.113.7", 2, "198.51.100.1"),
    ("203.0.113.7", 2, None),                               # fewer hops than proxies: not trusted
    ("not-an-address, 203.0.113.7", 2, None),
    ("2001:db8::1", 1, "2001:db8::1"),
    ("203.0.113.7", 0, None),                               # no proxy configured: header ignored
    ("", 1, None),
])
def test_forwarded_client(header, proxies, expected):
    assert forwarded_client(header, proxies) == expected


def fingerprint_of(rf, forwarded):
    seen = {}

    def view(request):
        seen["reader"] = readers.fingerprint(request)
        from django.http import HttpResponse
        return HttpResponse("ok")

    from litopys.core.proxy import ForwardedForMiddleware
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.2", HTTP_USER_AGENT="synthetic")
    ForwardedForMiddleware(view)(request)
    return seen["reader"]


def test_readers_behind_one_proxy_are_told_apart(rf, settings):
    settings.LITOPYS_TRUSTED_PROXIES = 1
    assert fingerprint_of(rf, "203.0.113.7") != fingerprint_of(rf, "203.0.113.8")


def test_without_trusted_proxies_the_header_cannot_change_who_a_reader_is(rf, settings):
    settings.LITOPYS_TRUSTED_PROXIES = 0
    assert fingerprint_of(rf, "203.0.113.7") == fingerprint_of(rf, "203.0.113.8")


@pytest.mark.parametrize("peer, expected", [
    ("127.0.0.1", True), ("10.1.2.3", True), ("::1", True), ("fd00::5", True), ("::ffff:192.168.1.9", True),
    ("203.0.113.7", False), ("2001:db8::1", False), ("", False), ("unix-socket", False),
])
def test_only_a_peer_in_the_proxy_networks_is_a_proxy(peer, expected, settings):
    from litopys.core.proxy import from_proxy

    assert from_proxy(peer) is expected


def test_the_header_of_a_peer_outside_the_proxy_networks_is_ignored(settings):
    from litopys.core.proxy import client_address

    settings.LITOPYS_TRUSTED_PROXIES = 1
    meta = {"REMOTE_ADDR": "203.0.113.50", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert client_address(meta) == "203.0.113.50"
    assert client_address({**meta, "REMOTE_ADDR": "127.0.0.1"}) == "198.51.100.1"


def test_a_proxy_network_that_is_not_one_is_refused_naming_it(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from litopys.core import conf

    monkeypatch.setenv("LITOPYS_PROXY_NETWORKS", "10.0.0.0/8, nginx.local")
    with pytest.raises(ImproperlyConfigured, match="LITOPYS_PROXY_NETWORKS: 'nginx.local' is not an IP network"):
        conf.env_networks("LITOPYS_PROXY_NETWORKS", [])
