"""Validators, conditional GET, and the page cache: hits, invalidation on publish, nothing cached for staff."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from litopys.chronicle import comments
from litopys.chronicle.models import Comment, CommentStatus, PostStatus
from litopys.sitecache import generations, pagecache
from litopys.sitecache.fastpath import PageCacheApp

from .conftest import make_post, verify

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache", "english")]
URL = "/posts/synthetic-cached/"


@pytest.fixture(params=["middleware", "view"])
def cache_on(request, settings):
    """The page cache on, served by the first middleware or (not wired yet) by the views themselves."""
    settings.LITOPYS_PAGE_CACHE = 300
    if request.param == "middleware":
        settings.MIDDLEWARE = [pagecache.MIDDLEWARE, *settings.MIDDLEWARE]
    return request.param


@pytest.fixture
def post(db):
    return make_post("synthetic-cached", title="A synthetic cached post", body="First synthetic words.")


def test_public_pages_send_validators_and_answer_304(client, post, settings):
    settings.LITOPYS_PAGE_CACHE = 0
    for url in (URL, "/", "/feed/", "/sitemap.xml", "/robots.txt"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["ETag"].startswith('"') and response.has_header("Last-Modified"), url
        assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"], url
        again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304, url
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
        assert since.status_code == 304, url


def test_page_cache_hit_then_publishing_invalidates(client, post, cache_on):
    first = client.get(URL)
    assert not getattr(first, "litopys_hit", False)
    second = client.get(URL)
    assert getattr(second, "litopys_hit", False), "the second anonymous GET comes from the page cache"
    assert second.content == first.content and second["ETag"] == first["ETag"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    post.body = "Second synthetic words."
    post.save()
    third = client.get(URL)
    assert not getattr(third, "litopys_hit", False) and b"Second synthetic words." in third.content
    make_post("synthetic-newer", title="A newer synthetic post")
    assert b"A newer synthetic post" in client.get("/").content


def test_a_vote_retires_only_that_posts_pages(client, post, cache_on):
    other = make_post("synthetic-untouched", body="Untouched.")
    client.get(URL)
    client.get(other.get_absolute_url())
    client.post(f"{URL}rate/", {"stars": 5})
    assert b"from 1 vote" in client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content
    assert getattr(client.get(other.get_absolute_url()), "litopys_hit", False)


def test_staff_never_get_or_make_cached_pages(client, post, cache_on, django_user_model):
    client.get(URL)
    staff = Client()
    staff.force_login(django_user_model.objects.create_superuser("staff-synthetic", "s@example.org", "x-pass-9"))
    response = staff.get(URL)
    assert not getattr(response, "litopys_hit", False)
    assert "private" in response["Cache-Control"]
    pagecache.clear_local()
    generations.bump_site()
    staff.get(URL)
    assert not getattr(client.get(URL), "litopys_hit", False), "a page rendered for staff was not stored"


def test_pages_with_a_pending_note_are_never_stored(client, post, cache_on):
    client.post(f"{URL}comment/", {"name": "Synthetic", "email": "w@example.net", "body": "Waiting words."})
    mine = client.get(URL)
    assert b"Waiting words." in mine.content and "no-store" in mine["Cache-Control"]
    assert b"Waiting words." not in Client().get(URL).content


def test_approving_a_comment_invalidates(client, post, cache_on):
    waiting = Comment.objects.create(post=post, name="Synthetic", email="x@example.net", body="<p>Held words.</p>")
    client.get(URL)
    waiting.status = CommentStatus.APPROVED
    waiting.save()
    assert b"Held words." in client.get(URL).content


def test_a_verified_claim_changes_the_page_at_once(client, record, cache_on, reviewer, analyst):
    from litopys.incidents.models import Claim
    make_post("synthetic-figures", body="Wounded: {{figure synthetic-shelling injured}}.")
    page = client.get("/posts/synthetic-figures/").content.decode()
    assert ">58<" not in page and "figure under review" in page
    verify(Claim.objects.get(kind="injured"), analyst, reviewer)
    page = client.get("/posts/synthetic-figures/").content.decode()
    assert ">58<" in page


def test_a_scheduled_post_appears_when_due(client, db, cache_on):
    later = make_post("synthetic-soon", title="A synthetic scheduled post", status=PostStatus.SCHEDULED,
                      published_at=timezone.now() + timedelta(hours=1))
    assert b"A synthetic scheduled post" not in client.get("/").content
    client.get("/")
    type(later).objects.filter(pk=later.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    # No save happened: the generation itself knows when the next post falls due.
    from django.core.cache import cache

    gen, _due = cache.get(generations.SITE)
    cache.set(generations.SITE, (gen, timezone.now().timestamp() - 1), None)
    assert b"A synthetic scheduled post" in client.get("/").content


def test_fast_path_serves_complete_pages_before_django(client, post, settings):
    settings.LITOPYS_PAGE_CACHE = 300
    settings.MIDDLEWARE = [pagecache.MIDDLEWARE, *settings.MIDDLEWARE]
    stored = client.get(URL)
    calls = []

    def django_app(environ, start_response):
        calls.append(environ["PATH_INFO"])
        start_response("404 Not Found", [])
        return [b""]

    app = PageCacheApp(django_app)
    # As the test client sends it: no Host header, the server's name and port.
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": URL, "QUERY_STRING": "", "SERVER_NAME": "testserver",
               "SERVER_PORT": "80", "HTTP_ACCEPT_LANGUAGE": "en"}
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app(dict(environ), start_response))
    assert calls == [] and seen["status"] == "200 OK" and body == stored.content
    assert seen["headers"]["ETag"] == stored["ETag"]
    assert "X-Frame-Options" in seen["headers"] and "Set-Cookie" not in seen["headers"]
    b"".join(app(dict(environ, HTTP_IF_NONE_MATCH=stored["ETag"]), start_response))
    assert seen["status"].startswith("304")
    for extra in ({"HTTP_COOKIE": "sessionid=abc"}, {"REQUEST_METHOD": "POST"}, {"QUERY_STRING": "x=1"},
                  {"HTTP_COOKIE": f"{comments.PENDING_COOKIE}=1"}):
        app(dict(environ, **extra), start_response)
    assert len(calls) == 4, "staff, forms, other queries and waiting readers all go to Django"
    post.save()
    app(dict(environ), start_response)
    assert len(calls) == 5, "a new site generation is a miss"


def test_file_cache_is_shared_across_processes(client, post, settings, tmp_path):
    """A bump written by one process retires pages another process stored (the shared file cache)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                                   "LOCATION": str(tmp_path / "cache")}}
    settings.LITOPYS_PAGE_CACHE = 300
    client.get(URL)
    assert getattr(client.get(URL), "litopys_hit", False)
    from django.core.cache.backends.filebased import FileBasedCache

    other_process = FileBasedCache(str(tmp_path / "cache"), {})
    other_process.set(generations.SITE, (generations._fresh(), None), None)
    assert not getattr(client.get(URL), "litopys_hit", False)


def test_a_source_made_restricted_is_no_longer_named(client, record, cache_on):
    from litopys.evidence.models import Source

    from .conftest import PUBLIC_TITLE

    make_post("synthetic-sourced", body="Found: {{figure synthetic-grave bodies}}.")
    assert PUBLIC_TITLE in client.get("/posts/synthetic-sourced/").content.decode()
    source = Source.objects.get(title=PUBLIC_TITLE)
    source.sensitivity = "restricted"
    source.save()
    page = client.get("/posts/synthetic-sourced/").content.decode()
    assert PUBLIC_TITLE not in page and "3 sources that are not public" in page
