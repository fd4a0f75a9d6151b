"""During a flood of comments from many addresses the form asks a signed question, answered without JavaScript."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from litopys.chronicle.models import Comment

from .conftest import make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache", "english")]


@pytest.fixture
def post(db):
    return make_post("synthetic-flood", title="A synthetic post under a flood", body="Synthetic words.")


class CommentForm(HTMLParser):
    """What a browser without JavaScript sends: every named field of the comment form, as the page has it."""

    def __init__(self):
        super().__init__()
        self.inside, self.action, self.fields, self.textarea = False, "", {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "comment-form" in (attrs.get("class") or ""):
            self.inside, self.action = True, attrs.get("action", "")
        elif self.inside and tag == "input" and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""
        elif self.inside and tag == "textarea":
            self.textarea = attrs["name"]
            self.fields[self.textarea] = ""

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.inside = False


def form_of(html: str) -> CommentForm:
    form = CommentForm()
    form.feed(html)
    return form


def send(client, post, address, **fields):
    data = {"name": "Synthetic Reader", "email": f"{address}@example.net", "body": f"Synthetic words from {address}.",
            "website": "", "parent": "", **fields}
    return client.post(f"/posts/{post.slug}/comment/", data, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


def answer_to(html: str) -> str:
    first, second = re.search(r"What is (\d+) plus (\d+)\?", html).groups()
    return str(int(first) + int(second))


def test_below_the_threshold_nobody_is_asked(client, post, settings):
    settings.LITOPYS_COMMENT_FLOOD_PER_HOUR = 3
    for n in range(3):
        assert send(client, post, f"198.51.100.{n}").status_code == 303
    assert Comment.objects.count() == 3


def test_a_flood_from_many_addresses_brings_the_question_and_an_answer_passes_it(post, settings):
    settings.LITOPYS_COMMENT_FLOOD_PER_HOUR = 3
    for n in range(3):
        assert send(Client(), post, f"198.51.100.{n}").status_code == 303
    reader = Client()
    asked = send(reader, post, "203.0.113.9", body="A synthetic comment during the flood.")
    html = asked.content.decode()
    assert asked.status_code == 200 and Comment.objects.count() == 3
    assert "Many comments are arriving at once." in html and "no-store" in asked["Cache-Control"]
    form = form_of(html)
    assert form.fields["body"] == "A synthetic comment during the flood.", "the comment is kept in the form"
    assert form.fields["challenge"] and "answer" in form.fields
    # A browser without JavaScript: it sends the form as the page has it, with the answer typed in.
    taken = reader.post(form.action.split("#")[0], {**form.fields, "answer": answer_to(html)},
                        REMOTE_ADDR="203.0.113.9", HTTP_ACCEPT_LANGUAGE="en")
    assert taken.status_code == 303 and Comment.objects.count() == 4
    # The same answer cannot be sent again: each question is answered once.
    again = reader.post(form.action.split("#")[0], {**form.fields, "answer": answer_to(html)},
                        REMOTE_ADDR="203.0.113.10", HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 400 and "already answered" in again.content.decode()
    assert Comment.objects.count() == 4


def test_a_wrong_or_forged_answer_keeps_nothing(client, post, settings):
    settings.LITOPYS_COMMENT_FLOOD_PER_HOUR = 0  # always ask
    html = send(client, post, "203.0.113.9").content.decode()
    form = form_of(html)
    wrong = str(int(answer_to(html)) + 1)
    response = send(client, post, "203.0.113.9", challenge=form.fields["challenge"], answer=wrong)
    assert response.status_code == 400 and "That is not the right answer" in response.content.decode()
    forged = form.fields["challenge"].replace(form.fields["challenge"][-4:], "AAAA")
    response = send(client, post, "203.0.113.9", challenge=forged, answer=answer_to(html))
    assert response.status_code == 400 and "The question has expired" in response.content.decode()
    assert Comment.objects.count() == 0


def test_the_post_page_stays_the_same_for_everyone_during_a_flood(client, post, settings):
    settings.LITOPYS_COMMENT_FLOOD_PER_HOUR = 0
    page = client.get(f"/posts/{post.slug}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "What is" not in page.content.decode() and "public" in page["Cache-Control"]
