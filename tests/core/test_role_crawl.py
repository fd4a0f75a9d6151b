"""Roles hold on every staff page: a crawl of the whole staff site as each role, against public, restricted and
confidential material, finds each role reading exactly what it may — and deciding only where it may read."""

from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from litopys.core.roles import ensure_roles
from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.models import Dossier, Item, Source
from litopys.incidents.models import Claim
from litopys.review.models import Decision

pytestmark = pytest.mark.django_db

#: name -> (sensitivity, owner, in the dossier, words that only its readers may see)
MATERIAL = {
    "public": ("public", "collector-a", False, "Synthetic public bulletin PUBLIC-MARK"),
    "restricted": ("restricted", "collector-b", False, "Synthetic restricted notes RESTRICTED-MARK"),
    "dossier": ("confidential", "collector-a", True, "Synthetic testimony of witness Olha DOSSIER-MARK"),
    "alone": ("confidential", "collector-b", False, "Synthetic confidential list ALONE-MARK"),
}
#: Who reads what.
READS = {
    "administrator": {"public", "restricted", "dossier", "alone"},
    "collector-a": {"public", "dossier"},
    "collector-b": {"restricted", "alone"},
    "analyst": {"public", "restricted"},
    "reviewer": {"public", "restricted"},
    "member": {"public", "restricted", "dossier"},
}
ROLE_OF = {"administrator": "administrator", "collector-a": "collector", "collector-b": "collector",
           "analyst": "analyst", "reviewer": "reviewer", "member": "analyst", "editor": "editor"}


def mark(name: str) -> str:
    return MATERIAL[name][3].rsplit(" ", 1)[1]


@pytest.fixture
def world(vault, tmp_path):
    ensure_roles()
    users = {}
    for name, role in ROLE_OF.items():
        user = get_user_model().objects.create_user(name, password="synthetic-pass-123", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        users[name] = user
    dossier = Dossier.objects.create(name="Synthetic case file")
    dossier.members.add(users["member"])
    sources = {}
    for name, (sensitivity, owner, in_dossier, words) in MATERIAL.items():
        path = tmp_path / f"{name}-file.txt"
        path.write_text(f"{words}. The statement says 12 bodies were found in Izium.\n")
        [result] = ingest_paths([str(path)], SourceFacts(collected_by=owner, title=words, publisher=words,
                                                         sensitivity=sensitivity))
        source = Source.objects.get(pk=result.source_id)
        Source.objects.filter(pk=source.pk).update(owner=users[owner], dossier=dossier if in_dossier else None)
        sources[name] = Source.objects.get(pk=source.pk)
    assert Claim.objects.count() == len(MATERIAL)
    return users, sources


def staff_urls(sources) -> list[str]:
    urls = [reverse("admin:index"), reverse("review:queue")]
    for model in admin.site._registry:
        try:
            urls.append(reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"))
        except NoReverseMatch:
            continue
    for source in sources.values():
        urls += [reverse("admin:evidence_source_change", args=[source.pk]),
                 reverse("admin:evidence_item_change", args=[source.item_id]),
                 reverse("admin:evidence_item_download", args=[source.item_id]),
                 reverse("review:source-claims", args=[source.pk])]
        for claim in source.claims.all():
            urls += [reverse("admin:incidents_claim_change", args=[claim.pk]),
                     reverse("admin:incidents_claim_history", args=[claim.pk])]
        for derived in Item.objects.filter(derived_from=source.item):
            urls.append(reverse("admin:evidence_item_change", args=[derived.pk]))
    return urls


def read_as(client, user, urls) -> dict[str, str]:
    client.force_login(user)
    pages = {}
    for url in urls:
        answer = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        if answer.status_code == 200:
            pages[url] = b"".join(answer.streaming_content).decode("utf-8", "replace") if answer.streaming \
                else answer.content.decode("utf-8", "replace")
    return pages


@pytest.mark.parametrize("who", sorted(READS))
def test_each_role_reads_exactly_what_it_may(client, world, who):
    users, sources = world
    pages = read_as(client, users[who], staff_urls(sources))
    everything = "\n".join(pages.values())
    for name in MATERIAL:
        if name in READS[who]:
            assert mark(name) in everything, f"{who} cannot read the {name} source"
        else:
            leaks = [url for url, page in pages.items() if mark(name) in page]
            assert not leaks, f"{who} reads the {name} source at {leaks}"


def test_an_editor_reads_claims_but_no_confidential_source(client, world):
    users, sources = world
    pages = read_as(client, users["editor"], staff_urls(sources))
    everything = "\n".join(pages.values())
    assert mark("public") in everything  # editors read claims to cite figures
    assert not any(mark(name) in page for name in ("dossier", "alone") for page in pages.values())


@pytest.mark.parametrize("who", ["reviewer", "collector-b"])
def test_nobody_decides_on_a_claim_they_may_not_read(client, world, who):
    from django.core.exceptions import PermissionDenied

    from litopys.review.actions import decide

    users, sources = world
    claim = sources["dossier"].claims.get()
    client.force_login(users[who])
    client.post(reverse("review:queue"), {"claim": claim.pk, "action": "accept", "reason": "synthetic"})
    answer = client.post(reverse("review:source-claims", args=[sources["dossier"].pk]),
                         {"op": "decide", "claim": claim.pk, "action": "accept", "reason": "synthetic"})
    assert answer.status_code in (403, 404)
    assert not Decision.objects.filter(claim=claim).exists()
    with pytest.raises(PermissionDenied):
        decide(claim, "accept", users[who])
    decide(claim, "accept", users["member"], "a member of the dossier reads it")
    assert Decision.objects.filter(claim=claim).count() == 1


def test_a_download_of_a_confidential_item_is_refused_and_never_logged(client, world):
    from litopys.evidence.models import CustodyEvent

    users, sources = world
    before = CustodyEvent.objects.filter(action="accessed").count()
    client.force_login(users["reviewer"])
    url = reverse("admin:evidence_item_download", args=[sources["alone"].item_id])
    assert client.get(url).status_code in (403, 404)
    assert CustodyEvent.objects.filter(action="accessed").count() == before
    client.force_login(users["collector-b"])
    answer = client.get(url)
    assert answer.status_code == 200 and mark("alone").encode() in b"".join(answer.streaming_content)
    assert CustodyEvent.objects.filter(action="accessed").count() == before + 1
    assert Path(url).parts[-1] == "download"
