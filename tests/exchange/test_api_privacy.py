"""An anonymous crawl of every public endpoint — every page of every list, every detail it links to, and the
ids and slugs of what is not public — finds nothing a reader may not see: no draft incident or post, no
unverified number, no restricted or confidential source, no witness's name, no commenter's e-mail."""

import re

import pytest

from litopys.figures.models import Figure
from tests.exchange import api_world
from tests.exchange.api_world import PUBLIC_TITLE, SECRETS

pytestmark = pytest.mark.django_db
record, world = api_world.record, api_world.world  # the fixtures

LISTS = ["/api/v1/posts", "/api/v1/posts?kind=page", "/api/v1/incidents", "/api/v1/sites", "/api/v1/figures",
         "/api/v1/places"]
FORBIDDEN_NUMBERS = ("918273", "731517")


def read_all(client, url: str, pages: dict, language: str) -> list[dict]:
    """Follow a list's `next` links to the end, keeping every page's text."""
    items = []
    while url:
        answer = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert answer.status_code == 200, (url, answer.content[:300])
        pages[f"{url} ({language})"] = answer.content.decode()
        body = answer.json()
        items += body["items"]
        url = body["next"].removeprefix("http://testserver") if body["next"] else None
    return items


def crawl(client, world, language: str) -> dict[str, str]:
    pages = {}
    found = {url: read_all(client, url + ("&" if "?" in url else "?") + "limit=2", pages, language) for url in LISTS}
    details = [f"/api/v1/posts/{post['slug']}" for post in found["/api/v1/posts"]]
    details += [f"/api/v1/incidents/{incident['slug']}" for incident in found["/api/v1/incidents"]]
    details += [f"/api/v1/sites/{site['id']}" for site in found["/api/v1/sites"]]
    details += [f"/api/v1/figures/{figure['id']}" for figure in found["/api/v1/figures"]]
    for url in details:
        answer = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert answer.status_code == 200, url
        pages[f"{url} ({language})"] = answer.content.decode()
    # What is not public is not found, whichever id or slug is asked for.
    hidden = [f"/api/v1/incidents/{world.record.draft.slug}", "/api/v1/posts/synthetic-draft-post"]
    hidden += [f"/api/v1/figures/{pk}" for pk in Figure.objects.values_list("pk", flat=True)
               if pk not in {figure["id"] for figure in found["/api/v1/figures"]}]
    for url in hidden:
        answer = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert answer.status_code == 404, url
        pages[f"{url} ({language})"] = answer.content.decode()
    return pages


@pytest.mark.parametrize("language", ["en", "uk"])
def test_an_anonymous_crawl_finds_nothing_private(client, world, language):
    pages = crawl(client, world, language)
    everything = "\n".join(pages.values())
    assert PUBLIC_TITLE in everything and "Synthetic burial site" in everything  # the crawl reads the record
    assert "Synthetic published post" in everything
    for secret in SECRETS:
        leaks = [url for url, text in pages.items() if secret in text]
        assert not leaks, f"{secret!r} reached {leaks}"
    for number in FORBIDDEN_NUMBERS:
        leaks = [url for url, text in pages.items() if re.search(rf"(?<!\d){number}(?!\d)", text)]
        assert not leaks, f"{number} reached {leaks}"


def test_a_confidential_source_behind_a_public_figure_is_counted_never_named(client, world):
    incident = client.get(f"/api/v1/incidents/{world.record.burial.slug}", HTTP_ACCEPT_LANGUAGE="en").json()
    bodies = next(figure for figure in incident["figures"] if figure["kind"] == "bodies" and not figure["qualifiers"])
    assert [source["title"] for source in bodies["sources"]] == [PUBLIC_TITLE]
    assert bodies["withheld_sources"] >= 1
    assert "DOSSIER-MARK" not in str(incident)


def test_a_post_lists_only_published_incidents(client, world):
    post = client.get("/api/v1/posts/synthetic-api-post").json()
    assert post["incidents"] == [world.record.burial.slug]
    assert "email" not in str(post) and "comment" not in str(post).lower()


def test_a_token_changes_nothing_on_public_endpoints(client, world):
    anonymous = client.get("/api/v1/incidents", HTTP_ACCEPT_LANGUAGE="en").json()
    with_token = client.get("/api/v1/incidents", **world.bearer("administrator")).json()
    assert anonymous == with_token
