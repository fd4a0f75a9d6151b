"""Media of unpublished posts stay with staff, stored files have names nobody can guess, and the served image
carries no EXIF (no GPS position, no camera)."""

import hashlib
import io
import re
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from litopys.chronicle import publishing
from litopys.chronicle.models import Media, Post, PostStatus

from .conftest import make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache", "english")]

GPS_IFD = 0x8825
CAMERA = b"SyntheticCam 3000"


def photo_with_gps(size=(48, 32), orientation=1) -> bytes:
    """A synthetic JPEG carrying a camera name, an orientation and a GPS position near Izium."""
    exif = Image.Exif()
    exif[0x010F] = CAMERA.decode()
    exif[0x0112] = orientation
    exif[GPS_IFD] = {1: "N", 2: (49.0, 12.0, 30.5), 3: "E", 4: (37.0, 15.0, 10.25)}
    picture = io.BytesIO()
    Image.new("RGB", size, (120, 40, 40)).save(picture, "JPEG", exif=exif, quality=90)
    return picture.getvalue()


def upload(name="izium-grave-original.jpg", data=None) -> Media:
    media = Media(title=name, alt_text="A synthetic red rectangle.")
    media.file.save(name, ContentFile(data or photo_with_gps()), save=False)
    media.save()
    return media


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor_client(db):
    user = get_user_model().objects.create_user("media-editor-synthetic", password="x-synthetic-pass", is_staff=True)
    user.groups.add(Group.objects.get(name="editor"))
    client = Client()
    client.force_login(user)
    return client


def get(client, media):
    """Fetch a media file; its bytes are in ``.data`` (reading them to the end closes the file)."""
    response = client.get(media.file.url)
    response.data = b"".join(response.streaming_content) if response.streaming else response.content
    return response


def stored(name: str) -> bytes:
    with default_storage.open(name) as handle:
        return handle.read()


def test_an_image_only_a_draft_shows_is_for_staff_until_the_post_is_published(editor_client):
    image, featured = upload(), upload("featured-original.jpg")
    draft = make_post("synthetic-draft-with-image", status=PostStatus.DRAFT, published_at=None,
                      body=f"A synthetic draft.\n\n{{{{media {image.pk}}}}}", featured_image=featured)
    for media in (image, featured):
        refused = get(Client(), media)
        assert refused.status_code == 404 and "no-store" in refused["Cache-Control"]
        shown = get(editor_client, media)
        assert shown.status_code == 200 and "private" in shown["Cache-Control"]
        assert shown.data == stored(media.file.name)
    publishing.publish(draft)
    for media in (image, featured):
        public = get(Client(), media)
        assert public.status_code == 200 and "public" in public["Cache-Control"]
        assert public["Content-Type"] == "image/jpeg" and public["X-Content-Type-Options"] == "nosniff"


def test_an_image_no_post_shows_and_a_scheduled_posts_image_are_not_public(editor_client):
    from datetime import timedelta

    from django.utils import timezone

    loose, later = upload("loose.jpg"), upload("later.jpg")
    make_post("synthetic-scheduled", status=PostStatus.SCHEDULED, published_at=timezone.now() + timedelta(days=1),
              body=f"{{{{media {later.pk}}}}}")
    for media in (loose, later):
        assert get(Client(), media).status_code == 404
        assert get(editor_client, media).status_code == 200


def test_staff_without_the_right_to_see_media_get_nothing_of_drafts(db):
    image = upload()
    make_post("synthetic-draft-for-collector", status=PostStatus.DRAFT, published_at=None,
              body=f"{{{{media {image.pk}}}}}")
    collector = get_user_model().objects.create_user("media-collector-synthetic", is_staff=True)
    collector.groups.add(Group.objects.get(name="collector"))
    client = Client()
    client.force_login(collector)
    assert get(client, image).status_code == 404


def test_an_image_linked_from_a_published_body_is_public(db):
    image = upload()
    make_post("synthetic-link", body=f"[The full-size photo]({image.file.url})")
    assert get(Client(), image).status_code == 200


def test_stored_names_are_random_and_the_served_image_has_no_exif(editor_client):
    original = photo_with_gps(orientation=6)
    response = editor_client.post("/staff/chronicle/media/add/", {
        "file": SimpleUploadedFile("izium-grave-49.2N-37.3E.jpg", original, content_type="image/jpeg"),
        "title": "Synthetic grave photo", "alt_text": "A synthetic red rectangle.", "caption": "", "credit": "",
        "media_type": "", "original_url": "", "uploaded_at_0": "2026-01-01", "uploaded_at_1": "10:00:00"})
    assert response.status_code == 302, response.content.decode()[:2000]
    media = Media.objects.get(title="Synthetic grave photo")
    assert re.fullmatch(r"chronicle/[0-9a-f]{32}\.jpg", media.file.name) and "izium" not in media.file.name
    assert media.original_sha256 == hashlib.sha256(original).hexdigest()
    make_post("synthetic-public-photo", featured_image=media)
    served = get(Client(), media).data
    assert CAMERA not in served and b"Exif" not in served
    with Image.open(io.BytesIO(served)) as image:
        assert not image.getexif() and not image.getexif().get_ifd(GPS_IFD)
        assert image.size == (32, 48), "turned upright by its orientation tag before the tag was dropped"
    assert (media.width, media.height) == (32, 48)


@pytest.mark.parametrize("fmt, extension", [("PNG", "png"), ("WEBP", "webp"), ("TIFF", "png")])
def test_other_formats_lose_their_metadata_too(db, fmt, extension):
    exif = Image.Exif()
    exif[0x010F] = CAMERA.decode()
    picture = io.BytesIO()
    Image.new("RGB", (20, 10), (1, 2, 3)).save(picture, fmt, **({"tiffinfo": {0x010F: CAMERA.decode()}}
                                                                if fmt == "TIFF" else {"exif": exif}))
    assert CAMERA in picture.getvalue()
    media = upload(f"synthetic.{fmt.lower()}", picture.getvalue())
    assert media.file.name.endswith("." + extension)
    kept = stored(media.file.name)
    assert CAMERA not in kept and Image.open(io.BytesIO(kept)).size == (20, 10)


def test_the_staff_form_refuses_an_image_it_cannot_clean(editor_client):
    response = editor_client.post("/staff/chronicle/media/add/", {
        "file": SimpleUploadedFile("broken.png", b"\x89PNG\r\n\x1a\nnot really", content_type="image/png"),
        "title": "Synthetic broken", "uploaded_at_0": "2026-01-01", "uploaded_at_1": "10:00:00"},
        HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and "is not an image that can be read" in response.content.decode()
    assert not Media.objects.filter(title="Synthetic broken").exists()


def test_the_migration_renames_old_files_strips_them_and_rewrites_links(media_root, django_capture_on_commit_callbacks):
    old = default_storage.save("chronicle/2022/09/izium-forest-grave.jpg", ContentFile(photo_with_gps()))
    media = Media.objects.create(title="Imported synthetic", width=48, height=32)
    Media.objects.filter(pk=media.pk).update(file=old)
    post = make_post("synthetic-old-links", body=f"{{{{media {media.pk}}}}}\n\n[Full size](/media/{old})")
    Post.objects.filter(pk=post.pk).update(body_html=f'<a href="/media/{old}">Full size</a>')
    Post.media.through.objects.all().delete()
    migration = import_module("litopys.chronicle.migrations.0005_rename_media_files")
    with django_capture_on_commit_callbacks(execute=True):
        migration.rename(apps, None)
    media.refresh_from_db()
    post.refresh_from_db()
    assert re.fullmatch(r"chronicle/[0-9a-f]{32}\.jpg", media.file.name)
    assert not default_storage.exists(old), "the old, guessable file is gone"
    assert CAMERA not in stored(media.file.name)
    assert f"/media/{media.file.name}" in post.body and old not in post.body
    assert f"/media/{media.file.name}" in post.body_html and old not in post.body_html
    assert list(post.media.all()) == [media]
    assert get(Client(), media).status_code == 200
    assert get(Client(), Media(file=old)).status_code == 404
