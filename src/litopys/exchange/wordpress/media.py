"""The uploads folder: check it, and copy an attachment's file from it into the default storage, once."""

import hashlib
import mimetypes
import os
from pathlib import Path, PurePosixPath

from django.core.files.storage import default_storage
from PIL import Image, UnidentifiedImageError

from litopys.chronicle import media as chronicle_media

#: Where imported files go in the default storage: the chronicle's own folder.
PREFIX = chronicle_media.PREFIX


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


def store(source: Path, relative: str, current: str = "", current_sha256: str = "") -> chronicle_media.Stored | None:
    """Store source as the chronicle stores uploads (an unguessable name, an image without its metadata), unless
    the row already holds this very upload (``current_sha256``); return None then."""
    if current and current_sha256 == _sha256(source) and default_storage.exists(current):
        return None
    with source.open("rb") as handle:
        stored = chronicle_media.store(handle, relative)
    if current and current != stored.name and current.startswith(PREFIX + "/"):
        default_storage.delete(current)  # this row's previous file, replaced by a changed upload
    return stored


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
