"""The chronicle's uploaded files: kept under names nobody can guess, images without their metadata.

An image is kept only as its public copy: turned upright by its orientation tag, then written again by
Pillow with nothing but its pixels, colour profile and animation — no EXIF (GPS position, camera, serial
numbers, dates), XMP, IPTC, comments or text chunks. JPEG keeps its own quantisation, so the copy looks the
same; formats other than JPEG, PNG, GIF and WebP become PNG. The sha256 of the file as it was uploaded is
kept beside it, so an import can tell it already holds the file. A file Pillow cannot read as an image
(a PDF, say) is kept as it is.

Every file is stored as ``chronicle/<32 random hex digits>.<extension>``: its address says nothing about
it and cannot be guessed. Readers get it only while a published post shows it (see
``selectors.media_shown_publicly`` and ``reader_views.media_file``).
"""

import hashlib
import io
import mimetypes
import re
import secrets
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote

from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile, FileField
from PIL import Image, ImageOps, JpegImagePlugin

from litopys.chronicle.rendering import directives

PREFIX = "chronicle"
#: Formats kept as they are (re-encoded without metadata): extension and media type.
FORMATS = {"JPEG": (".jpg", "image/jpeg"), "PNG": (".png", "image/png"), "GIF": (".gif", "image/gif"),
           "WEBP": (".webp", "image/webp")}
#: What of an image's ``info`` is written again: how it looks and moves, nothing about where or by whom.
KEPT_INFO = {"icc_profile", "transparency", "duration", "loop", "background", "disposal"}
ORIENTATION = 0x0112
#: The name of a stored file, as upload_name makes it.
STORED_NAME = re.compile(rf"^{PREFIX}/[0-9a-f]{{32}}(\.[a-z0-9]{{1,8}})?$")


@dataclass
class PublicCopy:
    """An image rewritten without its metadata."""

    data: bytes
    extension: str
    media_type: str
    width: int
    height: int


@dataclass
class Stored:
    """A file stored for the chronicle: its name in the storage and what is known of it."""

    name: str
    sha256: str
    media_type: str
    width: int | None = None
    height: int | None = None


def extension_of(name: str) -> str:
    suffix = PurePosixPath(name or "").suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


def upload_name(instance, filename: str) -> str:
    """Return a new unguessable name under chronicle/, keeping only the extension (Media.file's upload_to)."""
    return f"{PREFIX}/{secrets.token_hex(16)}{extension_of(filename)}"


def public_copy(content) -> PublicCopy | None:
    """Return an image without its metadata, or None when Pillow cannot read the file as an image."""
    content.seek(0)
    try:
        with Image.open(content) as image:
            return _rewrite(image)
    except Exception:  # noqa: BLE001 — any failure to decode untrusted bytes means "not an image we can clean"
        return None
    finally:
        content.seek(0)


def _rewrite(image: Image.Image) -> PublicCopy:
    target = image.format if image.format in FORMATS else "PNG"
    frames = getattr(image, "n_frames", 1)
    kept = {key: value for key, value in image.info.items() if key in KEPT_INFO}
    options: dict = {"format": target}
    if frames > 1:
        options["save_all"] = True
    upright = image.getexif().get(ORIENTATION, 1) in range(2, 9) and frames == 1
    if upright:
        image = ImageOps.exif_transpose(image)
    elif frames == 1:
        image.load()
    image.info = dict(kept)
    if kept.get("icc_profile"):
        options["icc_profile"] = kept["icc_profile"]
    if target == "JPEG":
        if isinstance(image, JpegImagePlugin.JpegImageFile):
            options.update(quality="keep", subsampling="keep")
        else:
            options.update(quality=95)
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
    elif target == "WEBP":
        options.update(quality=90)
    out = io.BytesIO()
    image.save(out, **options)
    extension, media_type = FORMATS[target]
    return PublicCopy(out.getvalue(), extension, media_type, image.width, image.height)


def sha256_of(content) -> str:
    digest = hashlib.sha256()
    content.seek(0)
    for chunk in iter(lambda: content.read(1 << 20), b""):
        digest.update(chunk)
    content.seek(0)
    return digest.hexdigest()


def store(content, original_name: str) -> Stored:
    """Store a file for the chronicle under a new unguessable name: an image's public copy, anything else as is."""
    digest = sha256_of(content)
    copy = public_copy(content)
    if copy is not None:
        name = default_storage.save(upload_name(None, "x" + copy.extension), ContentFile(copy.data))
        return Stored(name, digest, copy.media_type, copy.width, copy.height)
    name = default_storage.save(upload_name(None, original_name), File(content))
    return Stored(name, digest, mimetypes.guess_type(original_name)[0] or "")


def shown_by(body: str, media_url: str = "/media/") -> tuple[set[int], set[str]]:
    """Return the media a post's body shows: ids of its {{media N}} directives, and stored names it links to."""
    ids = {int(argument) for name, argument in directives(body) if name == "media" and argument.isdigit()}
    prefix = re.escape("/" + media_url.strip("/") + "/")
    names = {unquote(found) for found in re.findall(prefix + rf"({PREFIX}/[^\s\"'()<>?#]+)", body or "")}
    return ids, names


class MediaFieldFile(FieldFile):
    """A Media row's file: saving it stores the public copy under a new name and notes what the upload was."""

    def save(self, name, content, save=True):
        instance = self.instance
        instance.original_sha256 = sha256_of(content)
        copy = public_copy(content)
        if copy is not None:
            name, content = "upload" + copy.extension, ContentFile(copy.data)
            instance.media_type = copy.media_type
            if not (instance.width and instance.height):
                instance.width, instance.height = copy.width, copy.height
        elif not instance.media_type:
            instance.media_type = mimetypes.guess_type(name)[0] or ""
        super().save(name, content, save)


class MediaFileField(FileField):
    """Media.file: however a file arrives (the admin, ``media.file.save()``), readers only ever get the copy."""

    attr_class = MediaFieldFile


def readable_image(content) -> bool:
    """Tell whether Pillow reads the file as an image (what an upload named .png or .jpg must be)."""
    return public_copy(content) is not None
