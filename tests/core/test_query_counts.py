"""Every public page, staff list and download answers with a bounded number of queries (no N+1), on a SYNTHETIC
record of 1,000 claims, 150 sources, 120 incidents and 40 posts — page caches off, so each page does its work."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse

from litopys.demo.synthetic import Sizes, generate

SIZES = Sizes(claims=1000, sources=150, incidents=120, posts=40)


@pytest.fixture(scope="module")
def record(django_db_setup, django_db_blocker, tmp_path_factory):
    """The synthetic record, made once for this module inside a transaction that is rolled back at its end."""
    home = tmp_path_factory.mktemp("synthetic-home")
    options = {"LITOPYS_VAULT": {"BACKEND": "litopys.evidence.vault.LocalVault",
                                 "OPTIONS": {"root": str(home / "vault")}},
               "LITOPYS_SIGNING_KEY": home / "custody-ed25519.pem",
               "LITOPYS_CHECKPOINT_LOG": home / "custody-checkpoints.jsonl"}
    with django_db_blocker.unblock(), override_settings(**options), transaction.atomic():
        made = generate(SIZES, seed=7)
        yield made
        transaction.set_rollback(True)


@pytest.fixture
def fresh(settings, record, db):
    """Each request does its whole work: no page cache, no cached fragments."""
    settings.LITOPYS_PAGE_CACHE = 0
    cache.clear()
    return record


def busiest(model, related: str, **where):
    from django.db.models import Count

    return model.objects.filter(**where).annotate(n=Count(related)).order_by("-n", "pk").first()


def public_urls() -> dict[str, str]:
    from litopys.chronicle.models import Post, PostStatus
    from litopys.figures.models import Figure
    from litopys.incidents.models import Incident, RecordStatus

    post = busiest(Post, "comments", status=PostStatus.PUBLISHED)
    incident = busiest(Incident, "claims", status=RecordStatus.PUBLISHED)
    figure = busiest(Figure, "incident__claims", published_at__isnull=False, incident__status=RecordStatus.PUBLISHED)
    return {
        "home": reverse("chronicle:home"),
        "post": post.get_absolute_url(),
        "search": reverse("chronicle:search") + "?q=synthetic",
        "feed": reverse("chronicle:feed"),
        "atom feed": reverse("chronicle:feed-atom"),
        "sitemap": reverse("chronicle:sitemap"),
        "incidents": reverse("record:incidents"),
        "incidents, page 2": reverse("record:incidents_page", args=[2]),
        "incident": reverse("record:incident", args=[incident.slug]),
        "map": reverse("record:map"),
        "timeline": reverse("record:timeline"),
        "statistics": reverse("record:statistics"),
        "figure": reverse("record:figure", args=[figure.pk]),
        "corrections": reverse("record:corrections"),
        "map GeoJSON": reverse("exchange:map_geojson"),
        "statistics CSV": reverse("exchange:statistics_csv"),
        "figure JSON": reverse("exchange:figure_json", args=[figure.pk]),
        "figure CSV": reverse("exchange:figure_csv", args=[figure.pk]),
    }


def staff_urls() -> dict[str, str]:
    from litopys.evidence.models import Source

    source = busiest(Source, "claims", sensitivity="public")
    lists = {name: reverse(f"admin:{name}_changelist") for name in STAFF_LISTS}
    return {
        "review queue": reverse("review:queue"),
        "review queue, verified": reverse("review:queue") + "?status=verified",
        "review queue, killed, page 2": reverse("review:queue") + "?kind=killed&page=2",
        "a source's claims": reverse("review:source-claims", args=[source.pk]),
        "staff home": reverse("admin:index"),
        "jobs": reverse("jobs:list"),
        **lists,
    }


STAFF_LISTS = ("evidence_source", "evidence_item", "evidence_custodyevent", "incidents_claim", "incidents_incident",
               "incidents_site", "incidents_actor", "figures_figure", "figures_correction", "review_decision",
               "chronicle_post", "chronicle_comment", "places_place")
PUBLIC = ("home", "post", "search", "feed", "atom feed", "sitemap", "incidents", "incidents, page 2", "incident",
          "map", "timeline", "statistics", "figure", "corrections", "map GeoJSON", "statistics CSV", "figure JSON",
          "figure CSV")
STAFF = ("review queue", "review queue, verified", "review queue, killed, page 2", "a source's claims", "staff home",
         "jobs", *STAFF_LISTS)
#: Queries a page may make, whatever the number of rows it shows or reads (measured: 1–18).
MOST = 20


def get(client, url) -> int:
    answer = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    if answer.streaming:
        b"".join(answer.streaming_content)
    return answer.status_code


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_make_a_bounded_number_of_queries(client, fresh, django_assert_max_num_queries, name):
    url = public_urls()[name]
    with django_assert_max_num_queries(MOST):
        assert get(client, url) == 200


@pytest.mark.parametrize("role", ["administrator", "reviewer"])
@pytest.mark.parametrize("name", STAFF)
def test_staff_lists_make_a_bounded_number_of_queries(client, fresh, django_assert_max_num_queries, name, role):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(f"counting-{role}", password="synthetic-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    url = staff_urls()[name]
    status = get(client, url)  # the first request also fills per-process caches (permissions, vocabularies)
    assert status in (200, 403), (url, status)
    with django_assert_max_num_queries(MOST + 5):
        assert get(client, url) == status


def test_the_lists_show_many_rows(client, fresh):
    """The bound means something only if the pages list many rows: 50 incidents a page, every published one on
    the map, a page of the review queue."""
    from litopys.incidents.models import Incident, RecordStatus

    published = Incident.objects.filter(status=RecordStatus.PUBLISHED).count()
    assert published > 60
    page = client.get(reverse("record:map"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.count("/incidents/synthetic-incident-") >= published
    assert fresh["claims"] == SIZES.claims and fresh["posts"] == SIZES.posts
