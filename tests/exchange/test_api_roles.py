"""Roles hold through the API as on the staff site: each role's token reads exactly the sources (and their items
and claims) it may; a collector cannot read another's confidential source nor download it (and nothing is
logged); one reviewer cannot both accept and verify a claim; a read-only token writes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from litopys.evidence.models import CustodyEvent, Source
from litopys.jobs.models import Job
from litopys.review.models import Decision
from tests.exchange import api_world
from tests.exchange.api_world import MATERIAL, READS, mark

pytestmark = pytest.mark.django_db
record, world = api_world.record, api_world.world  # the fixtures


def read_as(client, world, who: str) -> str:
    """Every staff read of every source, item and claim, as one role; the text of what it was given."""
    texts = []
    for url in ("/api/v1/staff/sources?limit=200", "/api/v1/staff/claims?limit=200"):
        answer = client.get(url, **world.bearer(who))
        assert answer.status_code in (200, 403), (who, url)
        texts.append(answer.content.decode())
    for source in world.sources.values():
        for url in (f"/api/v1/staff/sources/{source.pk}", f"/api/v1/staff/items/{source.item.sha256}",
                    f"/api/v1/staff/items/{source.item.sha256}/custody"):
            answer = client.get(url, **world.bearer(who))
            assert answer.status_code in (200, 403, 404), (who, url, answer.status_code)
            if answer.status_code == 200:
                texts.append(answer.content.decode())
        for claim in source.claims.all():
            answer = client.get(f"/api/v1/staff/claims/{claim.pk}", **world.bearer(who))
            if answer.status_code == 200:
                texts.append(answer.content.decode() + source.title)  # a claim read is its source read
    return "\n".join(texts)


@pytest.mark.parametrize("who", sorted(READS))
def test_each_role_reads_exactly_what_it_may(client, world, who):
    everything = read_as(client, world, who)
    for name in MATERIAL:
        if name in READS[who]:
            assert mark(name) in everything, f"{who} cannot read the {name} source"
        else:
            assert mark(name) not in everything, f"{who} reads the {name} source"


def test_a_collector_cannot_read_or_download_another_collectors_confidential_source(client, world):
    alone = world.sources["alone"]  # collector-b's, confidential, in no dossier
    before = CustodyEvent.objects.count()
    for url in (f"/api/v1/staff/sources/{alone.pk}", f"/api/v1/staff/items/{alone.item.sha256}",
                f"/api/v1/staff/items/{alone.item.sha256}/download"):
        answer = client.get(url, **world.bearer("collector-a"))
        assert answer.status_code == 404, url
        assert answer.json()["detail"]
    assert CustodyEvent.objects.count() == before
    listed = client.get("/api/v1/staff/sources", **world.bearer("collector-a")).json()
    assert {source["id"] for source in listed["items"]} == {world.sources["public"].pk, world.sources["dossier"].pk}


def test_a_download_is_recorded_in_the_custody_ledger(client, world, vault):
    upload = client.post("/api/v1/staff/ingest", {"file": SimpleUploadedFile("note.txt", b"Synthetic note, 3 graves."),
                                                  "title": "Synthetic upload", "sensitivity": "restricted"},
                         **world.bearer("collector-a"))
    assert upload.status_code == 201, upload.content
    digest = upload.json()["sha256"]
    answer = client.get(f"/api/v1/staff/items/{digest}/download", **world.bearer("collector-a"))
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content) == b"Synthetic note, 3 graves."
    event = CustodyEvent.objects.filter(item_hash=digest).order_by("-sequence").first()
    assert (event.action, event.actor, event.details["via"]) == ("accessed", "api-collector-a", "API download")


def test_an_upload_is_ingested_as_by_the_command_and_read_by_its_collector_only(client, world, vault):
    form = {"file": SimpleUploadedFile("scan.txt", b"Synthetic scan: 7 bodies."), "title": "Synthetic scan",
            "sensitivity": "confidential"}
    answer = client.post("/api/v1/staff/ingest", form, **world.bearer("collector-b"))
    assert answer.status_code == 201, answer.content
    body = answer.json()
    source = Source.objects.get(pk=body["source"])
    assert (source.collected_by, source.sensitivity, source.collection_method) == (
        "api-collector-b", "confidential", "litopys API upload")
    assert CustodyEvent.objects.filter(item_hash=body["sha256"], action="ingested").exists()
    assert client.get(f"/api/v1/staff/sources/{source.pk}", **world.bearer("collector-b")).status_code == 200
    assert client.get(f"/api/v1/staff/sources/{source.pk}", **world.bearer("collector-a")).status_code == 404
    assert client.get(f"/api/v1/staff/sources/{source.pk}", **world.bearer("analyst")).status_code == 404
    again = client.post("/api/v1/staff/ingest", {"file": SimpleUploadedFile("scan.txt", b"Synthetic scan: 7 bodies."),
                                                 "title": "Synthetic scan", "sensitivity": "confidential"},
                        **world.bearer("collector-b"))
    assert again.status_code == 200 and again.json()["status"] == "held" and again.json()["source"] == source.pk


def test_one_reviewer_cannot_both_accept_and_verify(client, world):
    claim = world.sources["restricted"].claims.get()
    url = f"/api/v1/staff/claims/{claim.pk}/decisions"
    accepted = client.post(url, {"action": "accept"}, content_type="application/json", **world.bearer("reviewer"))
    assert accepted.status_code == 201, accepted.content
    refused = client.post(url, {"action": "verify"}, content_type="application/json", **world.bearer("reviewer"))
    assert refused.status_code == 403
    assert "another reviewer" in refused.json()["detail"]
    listed = client.get(f"/api/v1/staff/claims/{claim.pk}", **world.bearer("reviewer")).json()
    assert "verify" not in listed["available_decisions"]
    verified = client.post(url, {"action": "verify"}, content_type="application/json",
                           **world.bearer("second-reviewer"))
    assert verified.status_code == 201 and verified.json()["to_status"] == "verified"
    assert list(Decision.objects.filter(claim=claim).values_list("action", "user__username")) == [
        ("accept", "api-reviewer"), ("verify", "api-second-reviewer")]


def test_decisions_follow_roles_and_source_access(client, world):
    dossier_claim = world.sources["dossier"].claims.get()  # already verified in the world
    restricted = world.sources["restricted"].claims.get()
    cases = [("collector-b", restricted, "verify", 403),  # a collector does not verify
             ("reviewer", dossier_claim, "reject", 404),  # nobody decides on what they may not read
             ("reviewer", restricted, "reject", 422)]  # a reason is needed (an empty one is a 409 from decide)
    for who, claim, action, status in cases:
        body = {"action": action, "reason": ""} if status != 422 else {"action": action, "reason": 5}
        answer = client.post(f"/api/v1/staff/claims/{claim.pk}/decisions", body, content_type="application/json",
                             **world.bearer(who))
        assert answer.status_code == status, (who, action, answer.content)
    answer = client.post(f"/api/v1/staff/claims/{restricted.pk}/decisions", {"action": "reject", "reason": ""},
                         content_type="application/json", **world.bearer("reviewer"))
    assert answer.status_code == 409 and "reason" in answer.json()["detail"]


def test_a_read_only_token_writes_nothing(client, world):
    from litopys.exchange.api.actions import issue

    _token, raw = issue(world.users["administrator"], "synthetic read-only", "read")
    claim = world.sources["restricted"].claims.get()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    answer = client.post(f"/api/v1/staff/claims/{claim.pk}/decisions", {"action": "accept"},
                         content_type="application/json", **headers)
    assert answer.status_code == 403 and "--scope write" in answer.json()["detail"]
    assert client.post("/api/v1/staff/captures", {"urls": ["https://example.org/"]}, content_type="application/json",
                       **headers).status_code == 403
    assert not Decision.objects.filter(claim=claim).exists() and not Job.objects.exists()
    assert client.get("/api/v1/staff/claims", **headers).status_code == 200


def test_a_claim_added_through_the_api_is_the_adders_and_needs_a_second_person(client, world):
    source = world.sources["public"]
    body = {"source": source.pk, "quote": "12 bodies", "kind": "bodies", "min": 12, "max": 12,
            "speaker": "Synthetic speaker"}
    answer = client.post("/api/v1/staff/claims", body, content_type="application/json", **world.bearer("analyst"))
    assert answer.status_code == 201, answer.content
    claim = answer.json()
    assert claim["extracted_by"] == "person:api-analyst" and claim["entered_by"] == "api-analyst"
    assert claim["attributed_to"] == "Synthetic speaker" and claim["status"] == "unverified"
    missing = client.post("/api/v1/staff/claims", {**body, "quote": "words that are not there"},
                          content_type="application/json", **world.bearer("analyst"))
    assert missing.status_code == 409 and "not in the text" in missing.json()["detail"]
    unreadable = client.post("/api/v1/staff/claims", {**body, "source": world.sources["alone"].pk},
                             content_type="application/json", **world.bearer("analyst"))
    assert unreadable.status_code == 404


def test_a_capture_is_queued_as_a_job_of_its_requester(client, world):
    answer = client.post("/api/v1/staff/captures", {"urls": ["https://example.org/synthetic"]},
                         content_type="application/json", **world.bearer("collector-a"))
    assert answer.status_code == 202, answer.content
    [job] = answer.json()["jobs"]
    assert Job.objects.get(pk=job["id"]).owner == world.users["collector-a"]
    mine = client.get(f"/api/v1/staff/jobs/{job['id']}", **world.bearer("collector-a"))
    assert mine.status_code == 200 and mine.json()["state"] == "queued"
    assert client.get(f"/api/v1/staff/jobs/{job['id']}", **world.bearer("collector-b")).status_code == 404
    refused = client.post("/api/v1/staff/captures", {"urls": ["file:///etc/passwd"]},
                          content_type="application/json", **world.bearer("collector-a"))
    assert refused.status_code == 422
