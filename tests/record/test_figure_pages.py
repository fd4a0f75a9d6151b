"""A page per figure, stable and citable, and the public list of corrections with its feed."""

import csv
import io
import json
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse

from litopys.chronicle.models import Post
from litopys.chronicle.publishing import publish
from litopys.figures.models import Figure
from litopys.incidents.models import Claim, Incident
from litopys.places.models import Place
from litopys.review.actions import decide
from tests.record.test_pages import DRAFT_NUMBER, assert_nothing_private, source


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.LITOPYS_PAGE_CACHE = 0
    cache.clear()


def row_of(incident: Incident, kind: str = "bodies", **qualifiers) -> Figure:
    return Figure.objects.get(incident=incident, kind=kind, qualifiers=qualifiers)


def get(client, url, language="en"):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_a_verified_figure_has_a_page_with_its_sources_and_how_to_cite_it(client, record):
    figure = row_of(record.burial)
    page = get(client, reverse("record:figure", args=[figure.pk]))
    assert "Bodies found" in page and "Synthetic burial site" in page and ">447<" in page
    assert "synthetic count 447" in page  # the public claim's words
    assert "A source that is not public (testimony)" in page  # the restricted one, counted by kind
    assert "Cite this figure" in page and "@misc{litopys-figure-" in page
    assert_nothing_private(page, "figure page")
    uk = get(client, reverse("record:figure", args=[figure.pk]), "uk")
    assert "Виявлені тіла" in uk and "Цитувати показник" in uk


def test_the_figure_page_is_linked_from_the_incident_page(client, record):
    figure = row_of(record.burial)
    page = get(client, reverse("record:incident", args=["synthetic-burial"]))
    assert reverse("record:figure", args=[figure.pk]) in page


def test_a_figure_of_a_draft_incident_or_not_verified_has_no_page(client, record):
    from litopys.figures.actions import track
    from litopys.figures.selectors import compute_figures

    track(compute_figures())  # every figure gets a row, verified or not
    draft = row_of(record.draft)
    assert client.get(reverse("record:figure", args=[draft.pk])).status_code == 404
    unverified = row_of(record.burial, "injured")
    assert client.get(reverse("record:figure", args=[unverified.pk])).status_code == 404
    assert client.get(reverse("record:figure", args=[999999])).status_code == 404


def test_downloads_carry_what_the_page_shows(client, record):
    figure = row_of(record.burial)
    data = json.loads(get(client, reverse("exchange:figure_json", args=[figure.pk])))
    assert data["best"] == 447 and data["status"] == "verified" and data["withheld_sources"] == 1
    assert [s["title"] for s in data["sources"]] == ["Public synthetic report on Izium"]
    rows = list(csv.DictReader(io.StringIO(get(client, reverse("exchange:figure_csv", args=[figure.pk])))))
    assert rows[0]["best"] == "447" and rows[0]["quote"] == "synthetic count 447"
    for text in (json.dumps(data, ensure_ascii=False), json.dumps(rows, ensure_ascii=False)):
        assert_nothing_private(text, "figure download")
    assert client.get(reverse("exchange:figure_json", args=[row_of(record.draft).pk])).status_code == 404


def test_a_figure_about_a_place_is_public_only_once_a_published_post_cites_it(client, record):
    users = get_user_model().objects
    izium = Place.objects.get(geonames_id=707292)
    made = Claim.objects.create(source=source("Synthetic area report", "public"), kind="area_km2", min=12,
                                max=12, place=izium, quote="12 square km", start=0, end=5, extracted_by="test",
                                entered_by=users.get(username="analyst"), stated_on=date(2022, 9, 23))
    decide(made, "verify", users.get(username="reviewer"))
    figure = Figure.objects.get(place=izium, kind="area_km2")
    assert client.get(reverse("record:figure", args=[figure.pk])).status_code == 404
    post = Post.objects.create(title="Synthetic post", slug="synthetic-area", body="{{figure place:707292 area_km2}}")
    publish(post)
    assert list(post.figures.all()) == [figure]
    page = get(client, reverse("record:figure", args=[figure.pk]))
    assert "Synthetic post" in page and ">12<" in page


def test_corrections_are_listed_with_their_reason_and_fed(client, record):
    reviewer = get_user_model().objects.get(username="reviewer")
    analyst = get_user_model().objects.get(username="analyst")
    claim = Claim.objects.get(incident=record.burial, kind="bodies", min=447)
    claim.min = claim.max = 448
    claim.save()
    decide(claim, "accept", analyst, "the corrected statement says 448")
    decide(claim, "verify", reviewer, "the police corrected their count")
    figure = row_of(record.burial)
    page = get(client, reverse("record:corrections"))
    assert "was 447, now 448, because the police corrected their count" in page
    assert reverse("record:figure", args=[figure.pk]) in page
    feed = get(client, reverse("record:corrections_feed"))
    assert "<rss" in feed and "the police corrected their count" in feed
    incident_page = get(client, reverse("record:incident", args=["synthetic-burial"]))
    assert "Corrected on" in incident_page and "was 447, now 448" in incident_page
    assert_nothing_private(page + feed, "corrections")
    assert DRAFT_NUMBER not in page
