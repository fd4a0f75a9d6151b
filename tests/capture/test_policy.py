"""The one client's rules, without a database: schemes, private addresses, redirects, limits."""

import pytest

from litopys.capture.client import Client, Policy, TooLarge
from litopys.capture.netpolicy import Refused, check_url, is_public


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)", "example.org"])
def test_only_http_and_https(url):
    with pytest.raises(Refused, match="not an http"):
        check_url(url)


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1",
                                     "::ffff:127.0.0.1", "0.0.0.0", "100.64.0.1", "fc00::1"])
def test_private_and_loopback_addresses_are_not_public(address):
    assert not is_public(address)


def test_public_addresses_are_public():
    assert is_public("93.184.216.34") and is_public("2606:2800:220:1:248:1893:25c8:1946")


def test_loopback_refused_by_default_on_the_resolved_address(site):
    # "localhost" is a name; what is checked is the address it resolves to.
    url = site.url.replace("127.0.0.1", "localhost") + "/page"
    with pytest.raises(Refused, match="private, loopback"):
        Client(Policy()).fetch(url)


def test_every_redirect_hop_is_checked(site):
    client = Client(Policy(allow_private=True))
    chain = client.fetch(site.url + "/hop/1")
    assert [e.status for e in chain] == [302, 302, 302, 200]
    assert chain[-1].url == site.url + "/page"


def test_redirect_loop(site):
    with pytest.raises(Refused, match="redirect loop"):
        Client(Policy(allow_private=True)).fetch(site.url + "/loop/a")


def test_too_many_redirects(site):
    with pytest.raises(Refused, match="more than 1 redirects"):
        Client(Policy(allow_private=True, max_redirects=1)).fetch(site.url + "/hop/1")


def test_a_response_over_the_limit_is_cut_there_and_kept_as_truncated(site):
    client = Client(Policy(allow_private=True, max_bytes=256 * 1024, timeout=5))
    with pytest.raises(TooLarge, match="LITOPYS_CAPTURE_MAX_BYTES"):
        client.fetch(site.url + "/huge")
    [kept] = client.exchanges
    assert kept.truncated and kept.size <= 256 * 1024


def test_a_server_that_never_answers_times_out(site):
    with pytest.raises(Refused, match="no answer within 1 s"):
        Client(Policy(allow_private=True, timeout=1)).fetch(site.url + "/never")


def test_connection_refused_and_unresolvable_host():
    with pytest.raises(Refused, match="refused"):
        Client(Policy(allow_private=True)).fetch("http://127.0.0.1:1/")
    with pytest.raises(Refused, match="does not resolve"):
        Client(Policy(allow_private=True)).fetch("http://no-such-host.invalid/")
