"""A figure inside a post is worded in the post's language, and a bound the post already says is said once."""

import pytest

from .conftest import make_claim, make_incident, make_post, make_source, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_least(db, analyst, reviewer, settings):
    settings.LITOPYS_PAGE_CACHE = 0
    incident = make_incident("synthetic-occupation", title="Synthetic occupation killings")
    claim = make_claim(make_source("Synthetic council statement"), incident, 1000, "at least 1000 civilians died",
                       kind="killed")
    claim.max = None
    claim.qualifiers = {"status": "civilian"}
    claim.save()
    verify(claim, analyst, reviewer)
    return "synthetic-occupation killed status=civilian"


def body_of(client, slug, language):
    page = client.get(f"/posts/{slug}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return page[page.index('<div class="post-body'):]


@pytest.mark.parametrize("reader", ["en", "uk"])
def test_an_english_post_says_at_least_once_in_english_whatever_the_reader(client, at_least, reader):
    make_post("synthetic-en", language="en", body=f"At least {{{{figure {at_least}}}}} civilians died.")
    body = body_of(client, "synthetic-en", reader)
    text = body[:body.index("</p>")]
    assert "At least <a" in text and ">1,000<sup" in text
    assert "at least at least" not in body.lower() and "щонайменше" not in body


@pytest.mark.parametrize("reader", ["en", "uk"])
def test_a_ukrainian_post_says_shchonaimenshe_once_in_ukrainian_whatever_the_reader(client, at_least, reader):
    make_post("synthetic-uk", language="uk", body=f"Загинули щонайменше {{{{figure {at_least}}}}} цивільних.")
    body = body_of(client, "synthetic-uk", reader)
    text = body[:body.index("</p>")]
    assert "щонайменше <a" in text and ">1\xa0000<sup" in text
    assert "щонайменше щонайменше" not in body, body[body.find("щонайменше щонайменше") - 300:][:500]
    assert "at least 1,000" not in body and "at least 1\xa0000" not in body


def test_without_a_bound_in_the_text_the_figure_says_its_own(client, at_least):
    make_post("synthetic-plain", language="en", body=f"Killed: {{{{figure {at_least}}}}}.")
    body = body_of(client, "synthetic-plain", "uk")
    assert "Killed: <a" in body and ">at least 1,000<sup" in body


def test_notes_name_the_category_of_people(client, record):
    make_post("synthetic-note", language="en", body="{{figure synthetic-grave bodies}} bodies.")
    body = body_of(client, "synthetic-note", "en")
    assert "Bodies found" in body
