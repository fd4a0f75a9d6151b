"""Readers' stars and replies: one vote each under a keyed hash, moderation, honeypot, limits, sanitising."""

import pytest
from django.apps import apps
from django.db import models

from litopys.chronicle.models import Comment, CommentStatus, Rating

from .conftest import make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache", "english")]

ADDRESS = "203.0.113.77"
AGENT = "SyntheticBrowser/1.0"
EMAIL = "reader.private@example.net"


@pytest.fixture
def post(db):
    return make_post("synthetic-readers", title="A synthetic post for readers", body="Plain synthetic words.")


def rate(client, post, stars, address=ADDRESS, agent=AGENT):
    return client.post(f"/posts/{post.slug}/rate/", {"stars": stars}, REMOTE_ADDR=address, HTTP_USER_AGENT=agent)


def comment(client, post, address=ADDRESS, **fields):
    data = {"name": "Synthetic Reader", "email": EMAIL, "website": "", "body": "A synthetic reply.", "parent": ""}
    data.update(fields)
    return client.post(f"/posts/{post.slug}/comment/", data, REMOTE_ADDR=address, HTTP_USER_AGENT=AGENT,
                       HTTP_ACCEPT_LANGUAGE="en")


def all_text_columns():
    """Yield (model, field) for every text column of every installed model."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField, models.JSONField, models.GenericIPAddressField)):
                yield model, field


def test_one_vote_per_reader_and_revoting_changes_it(client, post):
    assert rate(client, post, 4).status_code == 303
    assert rate(client, post, 2).status_code == 303
    assert Rating.objects.filter(post=post).count() == 1
    assert Rating.objects.get(post=post).stars == 2
    rate(client, post, 5, address="198.51.100.9")
    page = client.get(f"/posts/{post.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Average rating 3.5 out of 5, from 2 votes." in page


def test_votes_are_kept_under_a_salted_hash_never_the_address(client, post):
    rate(client, post, 3)
    comment(client, post)
    rating = Rating.objects.get(post=post)
    assert len(rating.voter_hash) == 64 and ADDRESS not in rating.voter_hash
    other = make_post("synthetic-other", body="Other words.")
    rate(client, other, 3)
    assert Rating.objects.get(post=other).voter_hash != rating.voter_hash, "the hash is keyed per post"
    for model, field in all_text_columns():
        hits = model._default_manager.filter(**{f"{field.name}__contains": ADDRESS}).count() \
            if not isinstance(field, models.JSONField) else sum(
                ADDRESS in str(value) for value in model._default_manager.values_list(field.name, flat=True))
        assert hits == 0, f"{model.__name__}.{field.name} holds the reader's address"


def test_ratings_are_rate_limited(client, post, settings):
    settings.LITOPYS_RATING_LIMIT = 2
    assert rate(client, post, 1).status_code == 303
    assert rate(client, post, 2).status_code == 303
    assert rate(client, post, 3).status_code == 429
    assert rate(client, post, 3, address="198.51.100.10").status_code == 303


def test_a_bad_vote_or_a_cross_site_form_is_refused(client, post):
    assert rate(client, post, 9).status_code == 400
    response = client.post(f"/posts/{post.slug}/rate/", {"stars": 5}, HTTP_ORIGIN="https://evil.example",
                           REMOTE_ADDR=ADDRESS)
    assert response.status_code == 403
    response = client.post(f"/posts/{post.slug}/rate/", {"stars": 5}, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    response = client.post(f"/posts/{post.slug}/rate/", {"stars": 5}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 303
    assert Rating.objects.count() == 1


def test_first_comment_waits_and_only_its_author_sees_the_note(client, post, django_user_model):
    response = comment(client, post)
    assert response.status_code == 303
    saved = Comment.objects.get()
    assert saved.status == CommentStatus.PENDING
    mine = client.get(f"/posts/{post.slug}/", HTTP_ACCEPT_LANGUAGE="en")
    page = mine.content.decode()
    assert "Your comment is awaiting moderation." in page and "A synthetic reply." in page
    assert "no-store" in mine["Cache-Control"] and "private" in mine["Cache-Control"]
    from django.test import Client

    stranger = Client().get(f"/posts/{post.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "awaiting moderation" not in stranger and "A synthetic reply." not in stranger


def test_a_known_email_alone_no_longer_skips_moderation(client, post):
    Comment.objects.create(post=post, name="Synthetic Reader", email=EMAIL.upper(), body="<p>Earlier.</p>",
                           status=CommentStatus.APPROVED)
    comment(client, post, body="A second synthetic reply.")
    assert Comment.objects.get(body__contains="second").status == CommentStatus.PENDING
    from django.test import Client

    page = Client().get(f"/posts/{post.slug}/").content.decode()
    assert "A second synthetic reply." not in page


def test_honeypot_keeps_nothing(client, post):
    response = comment(client, post, homepage="http://robot.example")
    assert response.status_code == 303 and Comment.objects.count() == 0


def test_comments_are_rate_limited(client, post, settings):
    settings.LITOPYS_COMMENT_LIMIT = 2
    assert comment(client, post).status_code == 303
    assert comment(client, post).status_code == 303
    assert comment(client, post).status_code == 429
    assert Comment.objects.count() == 2


def test_required_fields_are_marked_and_enforced(client, post):
    page = client.get(f"/posts/{post.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for name in ("name", "email", "body"):
        assert f'name="{name}"' in page
    assert page.count('<span class="required" aria-hidden="true">*</span>') == 3
    assert page.count(" required") >= 3
    assert "Your email address will not be published." in page
    response = comment(client, post, name="", email="not-an-address", body="")
    assert response.status_code == 400 and Comment.objects.count() == 0
    assert "This field is required." in response.content.decode()


def test_comment_text_is_sanitised(client, post):
    comment(client, post, body='Hello <script>alert(1)</script><b>bold</b> <a href="https://ok.example" '
                                'onclick="x()">link</a> <img src=x onerror=y>\n\nSecond paragraph')
    body = Comment.objects.get().body
    assert "<script" not in body and "onclick" not in body and "<img" not in body and "onerror" not in body
    assert "<b>bold</b>" in body and "<p>Second paragraph</p>" in body
    assert 'rel="nofollow ugc noopener"' in body


def test_replies_thread_under_their_parent(client, post):
    parent = Comment.objects.create(post=post, name="First Synthetic", email="a@example.net",
                                    body="<p>Top synthetic comment.</p>", status=CommentStatus.APPROVED)
    Comment.objects.create(post=post, parent=parent, name="Second Synthetic", email="b@example.net",
                           body="<p>Nested synthetic reply.</p>", status=CommentStatus.APPROVED)
    page = client.get(f"/posts/{post.slug}/?replytocom={parent.pk}", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    top = page.index(f'id="comment-{parent.pk}"')
    assert page.index('<ol class="children">', top) < page.index("Nested synthetic reply.")
    assert "Leave a Reply to First Synthetic" in page
    assert f'name="parent" id="id_parent" value="{parent.pk}"' in page
    comment(client, post, parent=str(parent.pk), body="A reply through the form.")
    assert Comment.objects.get(body__contains="through the form").parent == parent


def test_reply_to_a_hidden_comment_is_refused(client, post):
    hidden = Comment.objects.create(post=post, name="Spammer", email="s@example.net", body="<p>x</p>",
                                    status=CommentStatus.SPAM)
    assert comment(client, post, parent=str(hidden.pk)).status_code == 400


def test_staff_moderate_in_bulk(client, post, django_user_model):
    ids = [Comment.objects.create(post=post, name=f"Synthetic {n}", email=f"{n}@example.net",
                                  body=f"<p>Bulk synthetic {n}.</p>").pk for n in range(3)]
    admin = django_user_model.objects.create_superuser("moderator-synthetic", "m@example.org", "x-synthetic-pass")
    client.force_login(admin)
    client.post("/staff/chronicle/comment/", {"action": "approve", "_selected_action": ids[:2]})
    client.post("/staff/chronicle/comment/", {"action": "mark_spam", "_selected_action": ids[2:]})
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert [statuses[i] for i in ids] == ["approved", "approved", "spam"]
    client.logout()
    page = client.get(f"/posts/{post.slug}/").content.decode()
    assert "Bulk synthetic 0." in page and "Bulk synthetic 1." in page and "Bulk synthetic 2." not in page


def test_only_web_links_are_linked(client, post):
    Comment.objects.create(post=post, name="Imported Synthetic", email="i@example.net", website="javascript:alert(1)",
                           body="<p>Imported words.</p>", status=CommentStatus.APPROVED)
    page = client.get(f"/posts/{post.slug}/").content.decode()
    assert "Imported Synthetic" in page and "javascript:" not in page
