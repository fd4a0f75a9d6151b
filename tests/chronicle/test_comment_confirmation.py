"""A trusted address publishes without moderation only through the signed link mailed to it; the link expires
and the address is never shown."""

import re
import time

import pytest
from django.core import mail, signing
from django.test import Client

from litopys.chronicle import confirmation
from litopys.chronicle.models import Comment, CommentStatus

from .conftest import make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache", "english")]

EMAIL = "trusted.reader@example.net"
ADDRESS = "203.0.113.40"


@pytest.fixture
def post(db):
    post = make_post("synthetic-confirm", title="A synthetic post for confirmations", body="Synthetic words.")
    Comment.objects.create(post=post, name="Trusted Synthetic", email=EMAIL, body="<p>An earlier approved reply.</p>",
                           status=CommentStatus.APPROVED)
    return post


def comment(client, post, body="A link-free synthetic reply.", email=EMAIL, address=ADDRESS):
    data = {"name": "Trusted Synthetic", "email": email, "body": body, "website": "", "parent": ""}
    return client.post(f"/posts/{post.slug}/comment/", data, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


def link_in(message) -> str:
    return re.search(r"https://chronicle\.example(/comments/confirm/[^/\s]+/)", message.body).group(1)


def public_page(post) -> str:
    return Client().get(f"/posts/{post.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_whole_flow_mail_page_button_published(client, post):
    assert comment(client, post).status_code == 303
    waiting = Comment.objects.get(body__contains="link-free")
    assert waiting.status == CommentStatus.PENDING and waiting.confirmation_sent_at is not None
    assert "link-free" not in public_page(post)
    mine = client.get(f"/posts/{post.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "We sent a link to your e-mail address" in mine and EMAIL not in mine
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL] and "A synthetic post for confirmations" in message.subject
    assert "A link-free synthetic reply." in message.body and "48 hours" in message.body
    link = link_in(message)
    assert EMAIL not in link and "trusted.reader" not in signing.b64_decode(link.split("/")[3].split(":")[0].encode()
                                                                              ).decode(errors="replace")
    # Opening the link (as a mail scanner would) publishes nothing; the page has a button.
    shown = Client().get(link, HTTP_ACCEPT_LANGUAGE="en")
    html = shown.content.decode()
    assert shown.status_code == 200 and "Publish my comment" in html and "no-store" in shown["Cache-Control"]
    assert EMAIL not in html
    assert Comment.objects.get(pk=waiting.pk).status == CommentStatus.PENDING
    pressed = Client().post(link, HTTP_ORIGIN="http://testserver")
    assert pressed.status_code == 303 and pressed["Location"].endswith(f"#comment-{waiting.pk}")
    assert Comment.objects.get(pk=waiting.pk).status == CommentStatus.APPROVED
    page = public_page(post)
    assert "A link-free synthetic reply." in page and EMAIL not in page


def test_an_expired_or_altered_link_publishes_nothing(client, post):
    comment(client, post)
    waiting = Comment.objects.get(body__contains="link-free")

    class TwoDaysAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - (confirmation.CONFIRM_HOURS * 3600 + 60))

    payload = signing.loads(link_in(mail.outbox[0]).split("/")[3], salt=confirmation.SALT)
    old = TwoDaysAgo(salt=confirmation.SALT).sign_object(payload, serializer=signing.JSONSerializer)
    for token, words in ((old, "This link has expired."), (old[:-3] + "abc", "This link is not valid.")):
        for method in (Client().get, Client().post):
            response = method(f"/comments/confirm/{token}/", HTTP_ORIGIN="http://testserver",
                              HTTP_ACCEPT_LANGUAGE="en")
            assert response.status_code == 400 and words in response.content.decode()
    assert Comment.objects.get(pk=waiting.pk).status == CommentStatus.PENDING


def test_a_link_is_refused_once_the_address_is_no_longer_trusted(client, post):
    comment(client, post)
    Comment.objects.filter(body__contains="earlier").update(status=CommentStatus.SPAM)
    response = Client().post(link_in(mail.outbox[0]), HTTP_ORIGIN="http://testserver", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "can no longer publish without moderation" in response.content.decode()
    assert Comment.objects.get(body__contains="link-free").status == CommentStatus.PENDING


def test_the_button_must_be_pressed_on_this_site(client, post):
    comment(client, post)
    link = link_in(mail.outbox[0])
    assert Client().post(link, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert Comment.objects.get(body__contains="link-free").status == CommentStatus.PENDING


def test_no_mail_for_a_new_address_or_a_comment_with_a_link(client, post):
    comment(client, post, email="new.reader@example.net")
    comment(client, post, body="See https://spam.example/offer")
    assert mail.outbox == []
    assert set(Comment.objects.exclude(email=EMAIL).values_list("status", flat=True)) == {CommentStatus.PENDING}
    assert Comment.objects.get(body__contains="spam.example").status == CommentStatus.PENDING


def test_one_address_gets_a_few_mails_an_hour_at_most(post):
    for n in range(5):
        assert comment(Client(), post, body=f"Synthetic reply number {n}.", address=f"198.51.100.{n}").status_code \
            == 303
    assert len(mail.outbox) == confirmation.MAILS_PER_HOUR
