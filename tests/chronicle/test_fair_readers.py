"""One reader is one network address: a new User-Agent makes nobody a new voter, and a forwarded address is
believed only from a trusted proxy."""

import pytest

from litopys.chronicle.models import Comment, Rating
from litopys.chronicle.readers import reader_key

from .conftest import make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache", "english")]

ADDRESS = "203.0.113.77"


@pytest.fixture
def post(db):
    return make_post("synthetic-fair-readers", title="A synthetic post for fair readers", body="Synthetic words.")


def rate(client, post, stars, address=ADDRESS, agent="SyntheticBrowser/1.0", **extra):
    return client.post(f"/posts/{post.slug}/rate/", {"stars": stars}, REMOTE_ADDR=address, HTTP_USER_AGENT=agent,
                       **extra)


def comment(client, post, n, address=ADDRESS, agent="SyntheticBrowser/1.0"):
    data = {"name": f"Synthetic Reader {n}", "email": f"reader{n}@example.net", "body": f"Synthetic reply {n}.",
            "website": "", "parent": ""}
    return client.post(f"/posts/{post.slug}/comment/", data, REMOTE_ADDR=address, HTTP_USER_AGENT=agent,
                       HTTP_ACCEPT_LANGUAGE="en")


def votes_shown(client, post) -> str:
    page = client.get(f"/posts/{post.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    start = page.index("Average rating")
    return page[start:page.index(".", page.index("from", start)) + 1]


def test_a_hundred_user_agents_from_one_address_are_one_reader(client, post, settings):
    settings.LITOPYS_COMMENT_FLOOD_PER_HOUR = 10_000  # this test is about one reader, not a flood
    statuses = [rate(client, post, 1 + n % 5, agent=f"SyntheticBrowser/{n}.0 (variant {n})").status_code
                for n in range(100)]
    assert Rating.objects.filter(post=post).count() == 1
    assert statuses.count(303) == settings.LITOPYS_RATING_LIMIT and statuses.count(429) == 100 - statuses.count(303)
    assert "from 1 vote." in votes_shown(client, post)
    statuses = [comment(client, post, n, agent=f"SyntheticBrowser/{n}.0").status_code for n in range(100)]
    assert statuses.count(303) == settings.LITOPYS_COMMENT_LIMIT == Comment.objects.count()
    assert statuses.count(429) == 100 - settings.LITOPYS_COMMENT_LIMIT


def test_two_addresses_are_two_readers(client, post):
    assert rate(client, post, 5).status_code == 303
    assert rate(client, post, 1, address="198.51.100.20").status_code == 303
    assert Rating.objects.filter(post=post).count() == 2
    assert "Average rating 3.0 out of 5, from 2 votes." == votes_shown(client, post)


def test_an_ipv6_reader_is_their_64_network(client, post):
    assert rate(client, post, 5, address="2001:db8:1:2::10").status_code == 303
    assert rate(client, post, 4, address="2001:db8:1:2:aaaa:bbbb:cccc:dddd").status_code == 303
    assert Rating.objects.filter(post=post).count() == 1
    assert rate(client, post, 3, address="2001:db8:1:3::10").status_code == 303
    assert Rating.objects.filter(post=post).count() == 2


@pytest.mark.parametrize("address, key", [
    ("203.0.113.7", "203.0.113.7"),
    ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
    ("2001:DB8:1:2::1%eth0", "2001:db8:1:2::/64"),
    ("::ffff:203.0.113.7", "203.0.113.7"),
    ("", ""),
])
def test_reader_key(address, key):
    assert reader_key(address) == key


def test_a_forwarded_address_counts_only_from_a_trusted_proxy(client, post, settings):
    settings.LITOPYS_TRUSTED_PROXIES = 1
    # Through our proxy (a loopback or private peer): each forwarded address is a reader of its own.
    for n, stars in ((1, 5), (2, 3)):
        assert rate(client, post, stars, address="127.0.0.1", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code == 303
    assert Rating.objects.filter(post=post).count() == 2
    # A reader who reaches the server directly cannot name other addresses: they stay one reader.
    for n in range(3, 8):
        rate(client, post, 1, address=ADDRESS, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert Rating.objects.filter(post=post).count() == 3
    # Nor can a reader behind the proxy, by sending a header of their own: the proxy's hop is the one read.
    rate(client, post, 2, address="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.99, 198.51.100.1")
    assert Rating.objects.filter(post=post).count() == 3
    # Without trusted proxies the header is ignored whoever sends it.
    settings.LITOPYS_TRUSTED_PROXIES = 0
    for n in range(10, 15):
        rate(client, post, 4, address="127.0.0.1", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert Rating.objects.filter(post=post).count() == 4


def test_the_proxy_networks_are_a_setting(client, post, settings):
    settings.LITOPYS_TRUSTED_PROXIES = 1
    settings.LITOPYS_PROXY_NETWORKS = ["192.0.2.10/32"]
    for n in range(1, 4):
        rate(client, post, 5, address="127.0.0.1", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert Rating.objects.filter(post=post).count() == 1
    for n in range(1, 4):
        rate(client, post, 5, address="192.0.2.10", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert Rating.objects.filter(post=post).count() == 4
