"""A synthetic world for the API's tests: the public record of tests/record (published, draft and nested
incidents; verified, unverified and restricted claims), staff of every role with a token each, sources of every
sensitivity (one confidential source in a dossier, its claim attached to a published incident and verified), a
published post with a reader's comment, and a draft post. Everything here is synthetic."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from litopys.chronicle.models import Comment, Post, PostStatus
from litopys.core.roles import ensure_roles
from litopys.evidence.models import Dossier, Item, Source
from litopys.exchange.api import actions
from litopys.incidents.models import Actor, Claim
from litopys.review.actions import decide
from tests.core.test_role_crawl import MATERIAL, READS
from tests.record.test_pages import FORBIDDEN, PUBLIC_TITLE, assert_nothing_private, record  # noqa: F401

#: The material and who reads which of it: the same as the staff site's (tests/core/test_role_crawl.py).
ROLE_OF = {"administrator": "administrator", "collector-a": "collector", "collector-b": "collector",
           "analyst": "analyst", "reviewer": "reviewer", "second-reviewer": "reviewer", "member": "analyst",
           "editor": "editor"}
WITNESS = "Witness Olha Synthetic-Kovalenko"
COMMENTER_EMAIL = "commenter.secret@example.org"
DRAFT_POST = "Synthetic draft post DRAFTPOST-MARK"
#: Strings an anonymous reader must never get, whatever endpoint they ask.
SECRETS = (*FORBIDDEN, WITNESS, COMMENTER_EMAIL, DRAFT_POST, "RESTRICTED-MARK", "DOSSIER-MARK", "ALONE-MARK",
           "synthetic-draft-post")


def mark(name: str) -> str:
    return MATERIAL[name][3].rsplit(" ", 1)[1]


@dataclass
class World:
    record: object
    users: dict
    tokens: dict
    sources: dict
    post: Post

    def bearer(self, who: str) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.tokens[who]}", "HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def world(record, vault, settings):  # noqa: F811 - the record fixture, imported above
    settings.LITOPYS_API_RATE = settings.LITOPYS_API_ANON_RATE = 1_000_000
    cache.clear()
    ensure_roles()
    users, tokens = {}, {}
    for name, role in ROLE_OF.items():
        user = get_user_model().objects.create_user(f"api-{name}", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        users[name] = user
        tokens[name] = actions.issue(user, "synthetic test token", "write")[1]
    dossier = Dossier.objects.create(name="Synthetic case file")
    dossier.members.add(users["member"])
    sources = {}
    for name, (sensitivity, owner, in_dossier, words) in MATERIAL.items():
        text = f"{words}. The statement says 12 bodies were found in Izium.\n"
        item = Item.objects.create(sha256="sha256:" + hashlib.sha256(text.encode()).hexdigest(), size=len(text),
                                   media_type="text/plain", original_name=f"{name}-file.txt", text=text)
        source = Source.objects.create(title=words, publisher=words, sensitivity=sensitivity, item=item,
                                       collected_at=timezone.now(), collected_by=users[owner].username,
                                       owner=users[owner], dossier=dossier if in_dossier else None)
        start = text.index("12 bodies")
        Claim.objects.create(source=source, kind="bodies", min=12, max=12, quote=text[start:start + 9], start=start,
                             end=start + 9, extracted_by="synthetic")
        sources[name] = source
    # The witness's words, verified by two people and attached to a published incident: counted, never named.
    testimony = sources["dossier"].claims.get()
    decide(testimony, "edit", users["administrator"], "synthetic",
           changes={"incident": record.burial, "attributed_to": Actor.objects.create(name=WITNESS)})
    decide(testimony, "accept", users["member"])
    decide(testimony, "verify", users["administrator"])
    post = Post.objects.create(slug="synthetic-api-post", title="Synthetic published post", status=PostStatus.PUBLISHED,
                               body="A synthetic body about the burial.", lead="A synthetic lead.",
                               published_at=timezone.now() - timedelta(hours=1))
    post.incidents.add(record.burial, record.draft)
    Post.objects.create(slug="synthetic-draft-post", title=DRAFT_POST, status=PostStatus.DRAFT, body="draft")
    Comment.objects.create(post=post, name="Synthetic reader", email=COMMENTER_EMAIL, body="A synthetic comment.",
                           status="approved")
    return World(record, users, tokens, sources, post)


def crawl_text(pages: dict) -> str:
    return "\n".join(pages.values())


__all__ = ["World", "world", "record", "assert_nothing_private", "PUBLIC_TITLE", "SECRETS", "READS", "MATERIAL",
           "mark"]
