"""Move every stored chronicle file to an unguessable name, images without their metadata.

Files were stored as chronicle/<year>/<month>/<original name>: anyone could guess the address of an image
attached to a draft, and its EXIF (GPS position included) was served as uploaded. Each file is stored
again as media.store does for new uploads, links to its old address in post bodies are rewritten, and the
old file is deleted once the migration has committed. Then every post learns which media it shows.
"""

from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import migrations, transaction
from django.db.models import Q

from litopys.chronicle import media


def rename(apps, schema_editor):
    Media = apps.get_model("chronicle", "Media")
    Post = apps.get_model("chronicle", "Post")
    prefix = "/" + settings.MEDIA_URL.strip("/") + "/"
    moved = {}
    for row in Media.objects.exclude(file="").order_by("pk"):
        old = row.file.name
        if media.STORED_NAME.match(old) or not default_storage.exists(old):
            continue
        with default_storage.open(old, "rb") as handle:
            stored = media.store(handle, old)
        Media.objects.filter(pk=row.pk).update(
            file=stored.name, original_sha256=stored.sha256, media_type=row.media_type or stored.media_type,
            width=row.width or stored.width, height=row.height or stored.height)
        moved[old] = stored.name
    if moved:
        for post in Post.objects.all().only("pk", "body", "body_html"):
            body, body_html = post.body, post.body_html
            for old, new in moved.items():
                for spelled in dict.fromkeys((old, quote(old))):
                    body = body.replace(prefix + spelled, prefix + new)
                    body_html = body_html.replace(prefix + spelled, prefix + new)
            if (body, body_html) != (post.body, post.body_html):
                Post.objects.filter(pk=post.pk).update(body=body, body_html=body_html)
        old_names = list(moved)
        transaction.on_commit(lambda: [default_storage.delete(name) for name in old_names])
    for post in Post.objects.all().only("pk", "body"):
        ids, names = media.shown_by(post.body, settings.MEDIA_URL)
        if ids or names:
            post.media.set(Media.objects.filter(Q(pk__in=ids) | Q(file__in=names)).values_list("pk", flat=True))


class Migration(migrations.Migration):

    dependencies = [
        ("chronicle", "0004_media_names_and_confirmation"),
    ]

    operations = [
        migrations.RunPython(rename, migrations.RunPython.noop),
    ]
