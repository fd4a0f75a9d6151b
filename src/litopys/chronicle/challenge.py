"""A question the comment form asks during a flood: plain arithmetic, signed by the server, no JavaScript.

While more than LITOPYS_COMMENT_FLOOD_PER_HOUR comments arrived this hour or the last (from every reader
together: a flood spread over many addresses passes each reader's own limit), a comment is taken only
with the answer to a small sum. The question travels in a signed token with a random nonce; the server
keeps no state but the nonces already used, so an answer cannot be replayed, and a token expires after
an hour. Pages stay cacheable: the question is asked on the answer to a comment sent without it.

This stops robots that post blind, not a person or a program written for this site: it slows a flood
down while moderators deal with it.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext as _

from litopys.chronicle import readers

SALT = "litopys.chronicle.challenge"
#: Seconds a question stays answerable.
MAX_AGE = 3600
#: What the readers' counters call a comment taken.
COMMENTS = "comments-taken"


@dataclass
class Question:
    """A sum to ask, and the signed token that comes back with the answer."""

    first: int
    second: int
    token: str

    @property
    def text(self) -> str:
        return _("What is %(first)d plus %(second)d?") % {"first": self.first, "second": self.second}


def flooding() -> bool:
    """Tell whether comments arrive faster than LITOPYS_COMMENT_FLOOD_PER_HOUR (0: always ask)."""
    threshold = settings.LITOPYS_COMMENT_FLOOD_PER_HOUR
    return threshold == 0 or readers.counted(COMMENTS) >= threshold


def comment_taken() -> None:
    """Count a comment taken from any reader, for telling a flood."""
    readers.count(COMMENTS)


def ask() -> Question:
    first, second = 2 + secrets.randbelow(18), 2 + secrets.randbelow(18)
    token = signing.dumps({"a": first, "b": second, "n": secrets.token_urlsafe(12)}, salt=SALT)
    return Question(first, second, token)


def check(token: str, answer: str) -> str | None:
    """Return why an answer is not accepted, or None when it is right; each question is answered once."""
    if not token:
        return _("Answer the question to send your comment.")
    try:
        question = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        first, second, nonce = int(question["a"]), int(question["b"]), str(question["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return _("The question has expired; answer the new one.")
    if not cache.add(f"chronicle:challenge:{nonce}", 1, MAX_AGE + 60):
        return _("That question was already answered; answer the new one.")
    try:
        right = int((answer or "").strip()) == first + second
    except ValueError:
        right = False
    if not right:
        return _("That is not the right answer; try the new question.")
    return None
