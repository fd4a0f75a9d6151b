"""Feeds, sitemap, robots.txt, archives and related posts — and nothing unpublished in any of them."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from litopys.chronicle.models import Category, Comment, CommentStatus, PostStatus, Tag
from litopys.chronicle.related import compute

from .conftest import make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache", "english")]
SECRET_EMAIL = "hidden.commenter@example.net"
AUTHOR_EMAIL = "editor-private@example.org"


@pytest.fixture
def site(db, record, editor):
    diary = Category.objects.create(name="Synthetic diary", slug="synthetic-diary")
    river = Tag.objects.create(name="Synthetic river", slug="synthetic-river")
    posts = {
        "grave": make_post("synthetic-grave-story", title="Burial ground by the synthetic river", category=diary,
                           author=editor, lead="Searchers by the synthetic river count the dead.",
                           published_at=datetime(2022, 9, 20, 12, tzinfo=UTC)),
        "mill": make_post("synthetic-mill-story", title="Cellars of the synthetic mill", category=diary,
                          lead="Investigators open the synthetic mill cellars.",
                          published_at=datetime(2022, 9, 22, 12, tzinfo=UTC)),
        "words": make_post("synthetic-words-story", title="Synthetic river villages after liberation",
                           lead="Villages by the synthetic river count the dead after liberation.",
                           published_at=datetime(2022, 10, 2, 12, tzinfo=UTC)),
        "page": make_post("synthetic-about", title="About this synthetic chronicle", kind="page"),
        "draft": make_post("synthetic-hidden-draft", title="Hidden synthetic draft by the river", category=diary,
                           status=PostStatus.DRAFT, lead="Searchers by the synthetic river, still a draft."),
        "future": make_post("synthetic-hidden-future", title="Future synthetic river story", category=diary,
                            status=PostStatus.SCHEDULED, published_at=timezone.now() + timedelta(days=3),
                            lead="Searchers by the synthetic river, not yet due."),
        "trash": make_post("synthetic-hidden-trash", title="Trashed synthetic river story",
                           status=PostStatus.TRASH),
    }
    for key in ("grave", "mill", "draft", "future"):
        posts[key].tags.add(river)
        posts[key].incidents.add(record["grave"])
    Comment.objects.create(post=posts["grave"], name="Visible Synthetic", email=SECRET_EMAIL,
                           website="https://reader.example", body="<p>Approved synthetic words.</p>",
                           status=CommentStatus.APPROVED)
    return posts


HIDDEN = ("Hidden synthetic draft", "Future synthetic river story", "Trashed synthetic river story",
          "synthetic-hidden-")


def public_urls():
    return ["/", "/?page=1", "/category/synthetic-diary/", "/tag/synthetic-river/", "/archive/2022/09/",
            "/archive/2022/10/", "/feed/", "/feed/atom/", "/sitemap.xml", "/robots.txt",
            "/posts/synthetic-grave-story/", "/posts/synthetic-mill-story/", "/pages/synthetic-about/",
            "/search/?q=synthetic", "/search/?q=river", "/search/?q=searchers"]


def test_nothing_unpublished_and_no_email_anywhere_public(client, site):
    for url in public_urls():
        for language in ("en", "uk"):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, url
            text = response.content.decode()
            for hidden in HIDDEN:
                assert hidden not in text, (url, hidden)
            for address in (SECRET_EMAIL, AUTHOR_EMAIL, "@example.net", "@example.org"):
                assert address not in text, (url, address)
            assert "gravatar" not in text.lower()


def test_feeds_list_published_posts_with_author_names(client, site):
    rss = client.get("/feed/").content.decode()
    atom = client.get("/feed/atom/").content.decode()
    for feed in (rss, atom):
        assert "Burial ground by the synthetic river" in feed and "Cellars of the synthetic mill" in feed
        assert "https://chronicle.example/posts/synthetic-grave-story/" in feed
        assert "About this synthetic chronicle" not in feed, "pages are not news"
    assert re.search(r"<dc:creator[^>]*>Olena Editor</dc:creator>", rss) and "<author>" not in rss
    assert "<name>Olena Editor</name>" in atom and "<email>" not in atom


def test_sitemap_lists_posts_pages_categories_tags_under_the_site_url(client, site):
    xml = client.get("/sitemap.xml").content.decode()
    for path in ("/posts/synthetic-grave-story/", "/posts/synthetic-words-story/", "/pages/synthetic-about/",
                 "/category/synthetic-diary/", "/tag/synthetic-river/"):
        assert f"<loc>https://chronicle.example{path}</loc>" in xml
    assert "testserver" not in xml


def test_sitemap_sections_come_from_the_apps_that_declare_them(client, site, monkeypatch):
    from django.apps import apps

    config = apps.get_app_config("places")
    monkeypatch.setattr(config, "sitemaps", {"extra-test": "tests.chronicle.sitemap_section.Extra"}, raising=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://chronicle.example/somewhere-declared/</loc>" in xml
    assert "<loc>https://chronicle.example/incidents/</loc>" in xml  # the record's own section


def test_robots_disallow_staff_and_link_the_sitemap(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /staff/" in text and "Sitemap: https://chronicle.example/sitemap.xml" in text


def test_archives_are_paginated_and_filtered(client, site, settings):
    from litopys.chronicle import views

    sept = client.get("/archive/2022/09/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Burial ground by the synthetic river" in sept and "Synthetic river villages" not in sept
    assert "September 2022" in sept
    assert client.get("/archive/2022/13/").status_code == 404
    assert client.get("/archive/2021/01/").status_code == 404
    category = client.get("/category/synthetic-diary/").content.decode()
    assert "Cellars of the synthetic mill" in category and "Synthetic river villages" not in category
    assert client.get("/category/no-such-synthetic/").status_code == 404
    views.PER_PAGE, old = 2, views.PER_PAGE
    try:
        first = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        second = client.get("/?page=2", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    finally:
        views.PER_PAGE = old
    assert "Synthetic river villages" in first and 'rel="next" href="?page=2"' in first
    assert "Burial ground by the synthetic river" in second and "Page 2 of 2" in second
    assert client.get("/?page=9").status_code == 404


def test_related_posts_by_shared_records_then_by_words(site):
    grave = site["grave"]
    assert [post.slug for post in compute(grave)][:2] == ["synthetic-mill-story", "synthetic-words-story"]
    related = compute(site["words"])
    assert related and related[0].slug == "synthetic-grave-story", "wording: 'synthetic river … count the dead'"
    for post in (grave, site["mill"], site["words"]):
        assert not {p.slug for p in compute(post, count=10)} & {"synthetic-hidden-draft", "synthetic-hidden-future",
                                                                 "synthetic-hidden-trash", "synthetic-about"}


def test_related_posts_are_shown_on_the_page(client, site):
    page = client.get("/posts/synthetic-grave-story/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    related = page[page.index('id="related"'):page.index('id="comments"')]
    assert "Cellars of the synthetic mill" in related and "Hidden synthetic" not in related
