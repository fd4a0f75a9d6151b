"""Site search: ranked, marked snippets of published posts, Ukrainian and English, on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from litopys.chronicle import search
from litopys.chronicle.models import PostStatus
from litopys.chronicle.search.backends import sqlite as sqlite_backend

from .conftest import make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache", "english")]


@pytest.fixture
def posts(record):
    return [
        make_post("synthetic-uk", title="Поховання біля синтетичної річки", language="uk",
                  lead="Пошуковці знайшли синтетичне поховання біля Ізюма.",
                  body="У лісі поблизу Ізюма працювали синтетичні слідчі. {{figure synthetic-shelling injured}}"),
        make_post("synthetic-en", title="Cellars of the synthetic mill",
                  lead="Investigators opened the cellars.", body="The synthetic mill near Balakliia held people."),
        make_post("synthetic-en-title", title="Balakliia synthetic mill, a second look",
                  lead="Another look.", body="Nothing more."),
        make_post("synthetic-draft-found", title="Balakliia synthetic draft", status=PostStatus.DRAFT,
                  body="Balakliia mill draft."),
        make_post("synthetic-future-found", title="Balakliia synthetic future", status=PostStatus.SCHEDULED,
                  published_at=timezone.now() + timedelta(days=1), body="Balakliia mill future."),
    ]


def slugs(query):
    return [hit.post.slug for hit in search.search(query)]


def test_runs_on_this_database(posts):
    assert connection.vendor in ("sqlite", "postgresql")


def test_english_words_match_published_posts_only_and_titles_rank_first(posts):
    found = slugs("balakliia mill")
    assert found == ["synthetic-en-title", "synthetic-en"]


def test_ukrainian_words_match_by_prefix(posts):
    assert slugs("Ізюм") == ["synthetic-uk"], "Ізюм finds Ізюма"
    assert slugs("синтетичне поховання") == ["synthetic-uk"]


def test_snippets_are_marked_and_escaped_and_hold_no_figure(posts):
    make_post("synthetic-markup", title="Synthetic markup", body="A <b>bold</b> synthetic marker & more.")
    [hit] = search.search("marker")
    assert "<mark>marker</mark>" in hit.snippet and "<b>" not in hit.snippet and "&amp;" in hit.snippet
    [uk] = search.search("слідчі")
    assert "58" not in uk.snippet and "figure" not in uk.snippet


def test_unpublishing_removes_a_post(posts):
    post = posts[1]
    post.status = PostStatus.DRAFT
    post.save()
    assert "synthetic-en" not in slugs("cellars")


def test_search_page(client, posts):
    page = client.get("/search/", {"q": "mill"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Cellars of the synthetic mill" in page and "<mark>" in page
    assert "Balakliia synthetic draft" not in page and "Balakliia synthetic future" not in page
    assert client.get("/search/", {"q": '"; DROP TABLE --'}).status_code == 200
    assert client.get("/search/").status_code == 200


def test_the_backend_is_the_one_made_for_the_database_unless_settings_name_one(settings):
    expected = {"sqlite": "SqliteSearch", "postgresql": "PostgresSearch"}[connection.vendor]
    assert type(search.backend()).__name__ == expected
    settings.LITOPYS_SEARCH_BACKEND = "litopys.chronicle.search.backends.base.SearchBackend"
    assert type(search.backend()).__name__ == "SearchBackend"


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_sqlite_index_is_created_and_filled_when_missing(posts):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {sqlite_backend.TABLE}")
    assert slugs("cellars") == ["synthetic-en"]


@pytest.fixture
def izium(record):
    """The synthetic grave placed in a synthetic town with Ukrainian, English and Russian names, and a site."""
    from litopys.incidents.models import Site
    from litopys.places.models import Place

    town = Place.objects.create(name="Synthizium", name_uk="Синтізюм", name_ru="Синтизюм", kind="town")
    record["grave"].place = town
    record["grave"].save()
    Site.objects.create(name="Synthetic pine grove", kind="mass_grave", place=town, incident=record["grave"])
    record["draft_incident"].place = town
    record["draft_incident"].save()
    return town


def test_a_word_in_one_script_finds_posts_in_the_other(posts):
    assert "synthetic-izium-en" not in slugs("Ізюм")
    make_post("synthetic-izium-en", title="Synthetic notes from Izium", body="Investigators in Izium.")
    assert "synthetic-izium-en" in slugs("Ізюм")  # romanised by the national system: Izium
    assert "synthetic-izium-en" in slugs("izium")


def test_the_record_is_searched_across_scripts_and_only_what_is_published(izium, record):
    from litopys.chronicle.search.records import find

    for word in ("Синтізюм", "synthizium", "Синтизюм"):
        hits = find([word])
        assert [incident.slug for incident in hits.incidents] == ["synthetic-grave"], word
        assert [(hit.place, hit.incidents) for hit in hits.places] == [(izium, [record["grave"]])]  # once
        assert [site.name for site, _incident in hits.sites] == ["Synthetic pine grove"]
        assert {figure.value for figure, _incident in hits.figures} == {137}
    assert find(["burial", "river"]).incidents == [record["grave"]]
    assert not find(["draft"]).incidents  # the draft incident in the same town is never found
    assert not find(["Синтізюм", "market"])


def test_the_search_page_lists_posts_and_records(client, izium, posts):
    page = client.get("/search/", {"q": "Синтізюм"}).content.decode()
    assert "/incidents/synthetic-grave/" in page and "Synthetic pine grove" in page
    assert "An incident still in draft" not in page and "synthetic-draft-incident" not in page
    assert "Nothing in the chronicle" in client.get("/search/", {"q": "synthetic-nowhere-word"}).content.decode()
