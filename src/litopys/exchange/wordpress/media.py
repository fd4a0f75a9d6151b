"""The uploads folder: check it, and copy an attachment's file from it into the default storage, once."""

import hashlib
import mimetypes
import os
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import default_storage
from PIL import Image, UnidentifiedImageError

#: Where imported files go in the default storage, beside the chronicle's own uploads.
PREFIX = "chronicle"


class UploadsError(ValueError):
    """The uploads folder given cannot be used; the message names it and says why."""


def check_uploads(uploads: str | Path | None) -> tuple[Path | None, str | None]:
    """Return the uploads folder to read (and a note when wp-content was given instead), or raise UploadsError."""
    if uploads is None:
        return None, None
    path = Path(uploads)
    if not path.exists():
        raise UploadsError(f"uploads folder {path} does not exist; give the site's wp-content/uploads folder.")
    if not path.is_dir():
        raise UploadsError(f"{path} is not a folder; give the site's wp-content/uploads folder.")
    if not os.access(path, os.R_OK | os.X_OK):
        raise UploadsError(f"uploads folder {path} cannot be read (permission denied).")
    if (path / "uploads").is_dir() and not any(child.name.isdigit() for child in path.iterdir()):
        return path / "uploads", f"{path} looks like wp-content; reading {path / 'uploads'}"
    return path, None


def safe_relative(path: str) -> str | None:
    """Return an uploads-relative path ("2022/09/a.jpg"), or None if it would leave the uploads folder."""
    parts = PurePosixPath(path.strip().lstrip("/")).parts
    if not parts or any(part in ("..", "") for part in parts) or ":" in parts[0]:
        return None
    return "/".join(parts)


def upload_path(uploads: Path, relative: str) -> Path | None:
    """Return the file under the uploads folder, or None if absent or (through a link) outside it."""
    path = uploads / relative
    try:
        inside = path.resolve().is_relative_to(uploads.resolve())
    except OSError:
        return None
    return path if inside and path.is_file() else None


def media_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or ""


def image_size(path: Path) -> tuple[int, int] | None:
    """Return (width, height) read from the file's header, or None when it is not an image."""
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, ValueError):
        return None


def store(source: Path, relative: str, current: str = "") -> str:
    """Save source under chronicle/<relative> unless the same bytes are already stored; return the name."""
    digest = _sha256(source)
    name = f"{PREFIX}/{relative}"
    for candidate in dict.fromkeys(filter(None, (current, name))):
        if _stored_sha256(candidate) == digest:
            return candidate
    with source.open("rb") as handle:
        saved = default_storage.save(name, File(handle, name=PurePosixPath(name).name))
    if current and current != saved and current.startswith(PREFIX + "/"):
        default_storage.delete(current)  # this row's previous file, replaced by a changed upload
    return saved


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _stored_sha256(name: str) -> str | None:
    if not default_storage.exists(name):
        return None
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
