"""Under many readers an expired page is renewed by one request while the others get the page they had, so an
expensive page is never computed by every reader at once; a change still retires it at once."""

import itertools
import time

import pytest
from django.core.cache import cache

from litopys.sitecache import pagecache
from tests.chronicle.conftest import make_post

pytestmark = pytest.mark.django_db
URL = "/posts/synthetic-stale/"
_caches = itertools.count()


class Clock:
    def __init__(self):
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(settings, client, monkeypatch):
    """The page cache on (served by the middleware) with a cache of its own, and a clock the test moves."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": f"stale-test-{next(_caches)}"}}
    settings.LITOPYS_PAGE_CACHE = 60
    settings.MIDDLEWARE = [pagecache.MIDDLEWARE, *settings.MIDDLEWARE]
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    pagecache.clear_local()
    moving = Clock()
    monkeypatch.setattr(pagecache.time, "time", moving)
    yield moving
    pagecache.clear_local()


def hit(answer) -> bool:
    return getattr(answer, "litopys_hit", False)


def expire(clock) -> None:
    clock.now += 61
    pagecache.clear_local()


def renewal_key(client) -> str:
    request = client.get(URL).wsgi_request
    return f"{pagecache.key(request.META, request.COOKIES, pagecache.current_site_generation())}:renewing"


def test_an_expired_page_is_served_to_others_while_one_request_renews_it(client, clock):
    make_post("synthetic-stale", title="A synthetic stale post", body="First synthetic words.")
    first = client.get(URL)
    assert hit(client.get(URL))
    expire(clock)
    assert not hit(client.get(URL)), "the first reader after the page's time renews it"
    assert hit(client.get(URL)), "and stores it fresh"

    lock = renewal_key(client)
    expire(clock)
    cache.set(lock, 1, 60)  # another reader is renewing it right now
    served = client.get(URL)
    assert hit(served) and served.content == first.content
    cache.delete(lock)  # that reader is done (or gave up): the next one renews
    assert not hit(client.get(URL))


def test_a_change_is_never_hidden_behind_a_stale_page(client, clock):
    post = make_post("synthetic-stale", title="A synthetic stale post", body="First synthetic words.")
    client.get(URL)
    expire(clock)
    cache.set(renewal_key(client), 1, 60)
    post.body = "Second synthetic words."
    post.save()
    changed = client.get(URL)
    assert not hit(changed) and b"Second synthetic words." in changed.content
