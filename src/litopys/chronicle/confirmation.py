"""A known address skips moderation only when its owner confirms it, by a signed link sent to that address.

Knowing a trusted commenter's e-mail address is not enough to speak as them. A link-free comment from an
address that already has an approved comment waits like any other, and a link is mailed to the address;
opening it (and pressing the button there: mail scanners open links, they do not press buttons) publishes
the comment, if the address is still trusted. The link is signed, names the comment and a keyed hash of
the address (never the address), and expires after CONFIRM_HOURS. At most MAILS_PER_HOUR such mails go to
one address in an hour, so nobody can use the form to flood a stranger's mailbox.
"""

import html
import logging
import smtplib

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from litopys.chronicle import comments, readers, sharing
from litopys.chronicle.models import Comment, CommentStatus
from litopys.sitecache import generations

log = logging.getLogger(__name__)
SALT = "litopys.chronicle.confirm"
#: How long a confirmation link works.
CONFIRM_HOURS = 48
#: Confirmation mails to one address per hour, at most.
MAILS_PER_HOUR = 3


class LinkRefused(Exception):
    """The link cannot publish a comment; the message says why, for the reader."""


def _address_hash(email: str) -> str:
    return readers.keyed("email", email.strip().lower())[:32]


def token_for(comment: Comment) -> str:
    return signing.dumps({"c": comment.pk, "e": _address_hash(comment.email)}, salt=SALT)


def link_for(comment: Comment) -> str:
    return sharing.canonical(reverse("chronicle:confirm-comment", args=[token_for(comment)]))


def may_skip_moderation(email: str, body_html: str) -> bool:
    """A comment may be published by its author's confirmation when the address is trusted and it links nowhere."""
    return comments.trusted(email) and not comments.has_link(body_html)


def offer(comment: Comment) -> bool:
    """Mail the confirmation link for a waiting comment that qualifies; tell whether a mail went out."""
    if comment.status != CommentStatus.PENDING or not may_skip_moderation(comment.email, comment.body):
        return False
    if not readers.within_limit("confirm-mail", _address_hash(comment.email), MAILS_PER_HOUR):
        return False
    context = {"comment": comment, "post": comment.post, "link": link_for(comment), "hours": CONFIRM_HOURS,
               "excerpt": Truncator(html.unescape(strip_tags(comment.body))).chars(300)}
    subject = _("Publish your comment on “%(title)s”") % {"title": Truncator(comment.post.title).chars(80)}
    try:
        send_mail(subject, render_to_string("chronicle/email/confirm_comment.txt", context),
                  settings.DEFAULT_FROM_EMAIL, [comment.email])
    except (OSError, smtplib.SMTPException) as exc:
        # The comment still waits for a moderator; the address is never logged.
        log.warning("chronicle: the confirmation mail for comment %s could not be sent (%s)", comment.pk,
                    type(exc).__name__)
        return False
    Comment.objects.filter(pk=comment.pk).update(confirmation_sent_at=timezone.now())
    comment.confirmation_sent_at = timezone.now()
    return True


def comment_for(token: str) -> Comment:
    """Return the waiting comment a link names, or raise LinkRefused saying why it cannot be published."""
    try:
        data = signing.loads(token, salt=SALT, max_age=CONFIRM_HOURS * 3600)
        pk, address = int(data["c"]), str(data["e"])
    except signing.SignatureExpired:
        raise LinkRefused(_("This link has expired. Your comment waits for a moderator.")) from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkRefused(_("This link is not valid. Copy the whole link from the e-mail.")) from None
    comment = Comment.objects.select_related("post").filter(pk=pk).first()
    if comment is None or _address_hash(comment.email) != address or comment.confirmation_sent_at is None:
        raise LinkRefused(_("This link is not valid. Copy the whole link from the e-mail."))
    if comment.status == CommentStatus.APPROVED:
        return comment
    if comment.status != CommentStatus.PENDING or not comment.post.is_public:
        raise LinkRefused(_("This comment can no longer be published from this link."))
    return comment


def confirm(token: str) -> Comment:
    """Publish the waiting comment a valid link names; raise LinkRefused otherwise."""
    comment = comment_for(token)
    if comment.status == CommentStatus.APPROVED:
        return comment
    if not may_skip_moderation(comment.email, comment.body):
        raise LinkRefused(_("Your address can no longer publish without moderation; your comment waits for a "
                            "moderator."))
    Comment.objects.filter(pk=comment.pk, status=CommentStatus.PENDING).update(status=CommentStatus.APPROVED)
    comment.status = CommentStatus.APPROVED
    generations.bump_site()
    return comment
