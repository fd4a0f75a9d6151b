"""The public testimony form: works without JavaScript in Ukrainian and English, sets no cookie, takes an account
and files into the vault as sealed confidential sources with custody events, keeps who sent it sealed, holds off
robots and floods, and nothing sent ever reaches a public page, feed, sitemap or export.

Every account, name and file here is synthetic, written for these tests."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from litopys.evidence import sealed
from litopys.evidence.actions import TESTIMONY_FORM, read_testimony_details
from litopys.evidence.integrity import verify
from litopys.evidence.models import CustodyEvent, Dossier, Item, Source
from litopys.evidence.models import Testimony as Submission

from .conftest import make_post
from .test_readers import all_text_columns

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache", "english")]

ACCOUNT = "SYNTHETIC-ACCOUNT-MARK: on the synthetic morning I saw soldiers take 3 men from our street."
PLACE = "SYNTHETIC-PLACE-MARK street"
NAME = "SYNTHETIC-NAME-MARK Mariia"
CONTACT = "synthetic-contact-mark@example.net"
FILE_WORDS = b"SYNTHETIC-FILE-MARK list of the men taken"
FILE_NAME = "SYNTHETIC-FILENAME-MARK.txt"
MARKS = ("SYNTHETIC-ACCOUNT-MARK", "SYNTHETIC-PLACE-MARK", "SYNTHETIC-NAME-MARK", "synthetic-contact-mark",
         "SYNTHETIC-FILE-MARK", "SYNTHETIC-FILENAME-MARK")
URL = "/testimony/"


@pytest.fixture(autouse=True)
def home(vault, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return vault


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 40, 40)).save(out, format="PNG")
    return out.getvalue()


def send(client, address="198.51.100.7", **fields):
    data = {"account": ACCOUNT, "place": PLACE, "when": "synthetic spring", "consent": "on", "homepage": "",
            "files": [SimpleUploadedFile(FILE_NAME, FILE_WORDS, "text/plain"),
                      SimpleUploadedFile("photo.png", photo(), "image/png")]}
    data.update(fields)
    return client.post(URL, data, REMOTE_ADDR=address)


def stored(vault) -> bytes:
    return b"".join(path.read_bytes() for path in Path(vault.root).rglob("*") if path.is_file())


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_form_is_a_plain_html_form_in_both_languages_and_sets_no_cookie(client, language):
    from django.utils import translation

    with translation.override(language):
        answer = client.get(URL, HTTP_ACCEPT_LANGUAGE=language)
    page = answer.content.decode()
    assert answer.status_code == 200 and not answer.cookies and "no-store" in answer["Cache-Control"]
    assert 'method="post"' in page and 'enctype="multipart/form-data"' in page and 'type="file"' in page
    assert 'name="homepage"' in page and 'name="consent"' in page and f'<html lang="{language}">' in page
    if language == "en":
        assert "Send your testimony" in page and "What happened" in page and "send anonymously" in page


def test_an_anonymous_account_goes_into_the_vault_sealed_with_custody_events(client, home,
                                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer = send(client)
    assert answer.status_code == 303 and answer["Location"] == URL + "?sent=1" and not answer.cookies
    assert "Thank you" in client.get(answer["Location"]).content.decode()
    testimony = Submission.objects.get()
    assert testimony.anonymous and testimony.language == "en"
    account = testimony.source
    assert account.kind == "testimony" and account.sensitivity == "confidential"
    assert account.collected_by == TESTIMONY_FORM and account.owner is None
    parts = list(account.parts.order_by("pk"))
    assert [part.kind for part in parts] == ["document", "photo"]
    assert all(part.sensitivity == "confidential" for part in parts)
    assert [part.file_name for part in parts] == [f"{testimony.reference}-1.txt", f"{testimony.reference}-2.png"]
    for source in [account, *parts]:
        assert CustodyEvent.objects.filter(action="ingested", item_hash=source.item.sha256,
                                           actor=TESTIMONY_FORM).exists()
        assert sealed.sealed_copy(source.item) is not None
    everything = stored(home)
    for mark in MARKS:
        assert mark.encode() not in everything, f"{mark} is stored in the clear in the vault"
    with home.open(account.item.sha256) as handle:
        assert ACCOUNT in handle.read().decode()  # staff with the key read it back
    report = verify()  # a checkpoint was signed, and the sealed copies hold
    assert report.intact and not report.notes, (report.problems, report.notes)


def test_who_sent_it_is_sealed_and_read_only_by_those_granted_the_account(client, settings):
    from django.contrib.auth.models import Group

    from litopys.core.roles import ensure_roles

    settings.LITOPYS_TESTIMONY_DOSSIER = "Synthetic testimony intake"
    assert send(client, name=NAME, contact=CONTACT).status_code == 303
    testimony = Submission.objects.get()
    assert not testimony.anonymous and testimony.source.dossier.name == "Synthetic testimony intake"
    for model, field in all_text_columns():  # neither the name, the contact nor the file's name in any column
        values = " ".join(str(value) for value in model._default_manager.values_list(field.name, flat=True))
        for mark in ("SYNTHETIC-NAME-MARK", "synthetic-contact-mark", "SYNTHETIC-FILENAME-MARK"):
            assert mark not in values, f"{mark} in {model.__name__}.{field.name}"
    ensure_roles()
    users = get_user_model().objects
    outsider = users.create_user("reviewer-synthetic", password="synthetic-pass-123", is_staff=True)
    outsider.groups.add(Group.objects.get(name="reviewer"))
    member = users.create_user("member-synthetic", password="synthetic-pass-123", is_staff=True)
    member.groups.add(Group.objects.get(name="analyst"))
    Dossier.objects.get().members.add(member)
    url = reverse("admin:evidence_testimony_sender", args=[testimony.pk])
    client.force_login(outsider)
    assert client.get(reverse("admin:evidence_testimony_changelist")).content.decode().count(
        testimony.reference) == 0
    assert client.get(url).status_code == 404
    client.force_login(member)
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    body = page.content.decode()
    assert NAME in body and CONTACT in body and FILE_NAME in body and "no-store" in page["Cache-Control"]
    event = CustodyEvent.objects.filter(action="accessed").last()
    assert event.actor == "member-synthetic" and event.details["testimony"] == testimony.reference
    assert read_testimony_details(testimony, member)["contact"] == CONTACT


def test_a_robot_filling_the_hidden_field_is_thanked_and_nothing_kept(client):
    answer = send(client, homepage="https://spam.example")
    assert answer.status_code == 303
    assert not Submission.objects.exists() and not Source.objects.exists() and not Item.objects.exists()


def test_accounts_are_limited_per_address_and_hour(client, settings):
    settings.LITOPYS_TESTIMONY_LIMIT = 1
    assert send(client).status_code == 303
    answer = send(client)
    assert answer.status_code == 429 and "try again later" in answer.content.decode()
    assert send(client, address="198.51.100.8").status_code == 303  # another reader
    assert Submission.objects.count() == 2


def test_files_over_the_limit_are_refused_and_nothing_kept(client, settings):
    settings.LITOPYS_TESTIMONY_MAX_BYTES = 4000
    answer = send(client, files=[SimpleUploadedFile("big.bin", b"\0" * 10_000, "application/octet-stream")])
    assert answer.status_code == 413 and "larger than" in answer.content.decode()
    answer = send(client, files=[SimpleUploadedFile(f"{n}.txt", b"synthetic", "text/plain") for n in range(11)])
    assert answer.status_code == 400 and "at most 10 files" in answer.content.decode()
    assert not Submission.objects.exists() and not Item.objects.exists()


def test_a_missing_account_or_consent_comes_back_with_the_fields_marked(client):
    answer = send(client, account="   ", consent="")
    page = answer.content.decode()
    assert answer.status_code == 400 and "Please correct the marked fields" in page
    assert "Choose your files again" in page and not Submission.objects.exists()


def test_a_form_posted_from_another_site_is_refused(client):
    answer = client.post(URL, {"account": ACCOUNT, "consent": "on"}, HTTP_ORIGIN="https://evil.example")
    assert answer.status_code == 403 and not Submission.objects.exists()


def test_nothing_sent_reaches_a_public_page_feed_sitemap_or_export(client, settings, tmp_path):
    from litopys.exchange.static_export import export_site

    make_post("synthetic-published", title="A synthetic published post", body="Synthetic words.")
    assert send(client, name=NAME, contact=CONTACT).status_code == 303
    urls = ["/", "/feed/", "/feed/atom/", "/sitemap.xml", "/search/?q=soldiers", "/incidents/",
            "/map/", "/map/incidents.geojson", "/timeline/", "/statistics/", "/statistics.csv", "/corrections/",
            "/corrections/feed/", "/posts/synthetic-published/", URL]
    for url in urls:
        answer = client.get(url)
        assert answer.status_code == 200, url
        body = answer.content.decode()
        for mark in MARKS:
            assert mark.lower() not in body.lower(), f"{mark} on {url}"
    settings.LITOPYS_DYNAMIC_URL = "off"
    export_site(tmp_path / "export", base_url="https://chronicle.example")
    for path in (tmp_path / "export").rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            for mark in MARKS:
                assert mark.lower().encode() not in data, f"{mark} in the static export's {path.name}"
