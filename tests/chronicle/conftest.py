"""Fixtures for the public chronicle: a small synthetic record with verified and unverified figures, and posts.

Every text here is written for these tests.
"""

import hashlib
import itertools
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from litopys.chronicle.models import Category, Post, PostStatus, Tag
from litopys.evidence.models import Item, Source
from litopys.incidents.models import Claim, Incident, RecordStatus
from litopys.review.actions import decide
from litopys.sitecache import pagecache

_counter = itertools.count(1)
PUBLIC_TITLE = "Synthetic district police bulletin"
RESTRICTED_TITLE = "Synthetic witness interview, restricted"
RESTRICTED_PUBLISHER = "Confidential field team"
WITNESS = "Witness Petro Synthetic"


@pytest.fixture
def isolated_cache(settings):
    """Give every test an empty cache of its own and no pages held in this process."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": f"chronicle-test-{next(_counter)}"}}
    settings.LITOPYS_SITE_URL = "https://chronicle.example"
    pagecache.clear_local()
    yield
    pagecache.clear_local()


@pytest.fixture
def english(client):
    """Read and assert in English, whatever the site's default language is."""
    from django.utils import translation

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def reviewer(db):
    return get_user_model().objects.create_user("reviewer-synthetic", password="x-synthetic-pass", is_staff=True)


@pytest.fixture
def analyst(db):
    """The first of the two people: accepts what extraction found before a reviewer verifies it."""
    return get_user_model().objects.create_user("analyst-synthetic", password="x-synthetic-pass", is_staff=True)


def verify(claim, first, second) -> None:
    """Verify a claim with two people, as the review rules require."""
    decide(claim, "accept", first, "the quote says this")
    claim.refresh_from_db()
    decide(claim, "verify", second)


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor-synthetic", password="x-synthetic-pass", is_staff=True,
                                                first_name="Olena", last_name="Editor",
                                                email="editor-private@example.org")
    return user


def make_source(title: str, sensitivity: str = "public", kind: str = "official_statement",
                publisher: str = "Synthetic Police Service", published: date = date(2022, 9, 23),
                url: str = "https://example.org/bulletin") -> Source:
    text = f"{title} {next(_counter)}".encode()
    item = Item.objects.create(sha256="sha256:" + hashlib.sha256(text).hexdigest(), size=len(text),
                               media_type="text/plain", text=text.decode())
    return Source.objects.create(kind=kind, title=title, publisher=publisher, published=published, url=url,
                                 collected_at=timezone.now(), sensitivity=sensitivity, item=item)


def make_claim(source: Source, incident: Incident, value: int, quote: str, kind: str = "bodies", **extra) -> Claim:
    return Claim.objects.create(source=source, incident=incident, kind=kind, min=value, max=value, quote=quote,
                                start=0, end=len(quote), extracted_by="test", **extra)


def make_incident(slug: str, status: str = RecordStatus.PUBLISHED, **extra) -> Incident:
    extra.setdefault("title", slug.replace("-", " ").capitalize())
    return Incident.objects.create(slug=slug, type="mass_burial", status=status,
                                   start_date=date(2022, 9, 15), **extra)


@pytest.fixture
def record(db, reviewer, analyst):
    """A verified figure (public and restricted sources, one rejected claim) and one still unverified."""
    from litopys.incidents.models import Actor

    grave = make_incident("synthetic-grave", title="Synthetic burial ground by the river")
    public = make_source(PUBLIC_TITLE)
    restricted = make_source(RESTRICTED_TITLE, sensitivity="restricted", kind="testimony",
                             publisher=RESTRICTED_PUBLISHER, url="https://secret.example/interview")
    confidential = make_source("Synthetic confidential list", sensitivity="confidential", kind="dataset",
                               publisher="Hidden registry")
    speaker = Actor.objects.create(name="Officer Ivan Synthetic", position="head of the district police")
    verified = make_claim(public, grave, 137, "searchers recovered 137 bodies by the river", attributed_to=speaker)
    make_claim(restricted, grave, 137, "I saw them bring out 137 people", attributed_to=Actor.objects.create(
        name=WITNESS))
    make_claim(confidential, grave, 137, "137 entries in the hidden register")
    rejected = make_claim(make_source("Synthetic rumour page", kind="article", publisher="Rumour mill"), grave,
                          9000, "nine thousand were buried there, people say")
    verify(verified, analyst, reviewer)
    decide(rejected, "reject", reviewer, "An unsourced rumour.")
    shelling = make_incident("synthetic-shelling", title="Synthetic shelling of a market")
    make_claim(make_source("Synthetic regional bulletin"), shelling, 58, "58 people were wounded at the market",
               kind="injured")
    draft_incident = make_incident("synthetic-draft-incident", status=RecordStatus.DRAFT,
                                   title="An incident still in draft")
    return {"grave": grave, "shelling": shelling, "draft_incident": draft_incident,
            "verified": "synthetic-grave bodies", "unverified": "synthetic-shelling injured"}


@pytest.fixture
def category(db):
    return Category.objects.create(name="Synthetic war diary", slug="synthetic-war-diary")


def make_post(slug: str, title: str = "", body: str = "", status: str = PostStatus.PUBLISHED, **extra) -> Post:
    extra.setdefault("published_at", timezone.now() - timedelta(hours=1))
    extra.setdefault("lead", f"A synthetic lead for {slug}.")
    post = Post.objects.create(slug=slug, title=title or slug.replace("-", " ").title(), body=body, status=status,
                               **extra)
    return post


@pytest.fixture
def tag(db):
    return Tag.objects.create(name="Synthetic river", slug="synthetic-river")
