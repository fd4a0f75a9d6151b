"""Open an evidence package as it was handed over: its folder, or a ZIP unpacked, safely, into a temporary one."""

import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path

#: A ZIP is unpacked into a temporary folder; refuse one that would unpack to more than this many times its size.
ZIP_RATIO = 200


class PackageError(Exception):
    """The path given is not a package that can be opened; the message names it and what to do."""


@contextmanager
def opened(path: Path):
    """Yield the bag's folder: the path itself, or a ZIP unpacked (safely) into a temporary folder."""
    if path.is_dir():
        yield path
        return
    if not path.is_file():
        raise PackageError(f"{path}: no such folder or file; give the package's folder or its .zip")
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{path} is neither a folder nor a ZIP file; give the package's folder or its .zip")
    folder = Path(tempfile.mkdtemp(prefix="litopys-package-"))
    try:
        _unzip(path, folder)
        entries = [child for child in folder.iterdir()]
        yield entries[0] if len(entries) == 1 and entries[0].is_dir() else folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _unzip(path: Path, folder: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            total = sum(member.file_size for member in members)
            if total > max(path.stat().st_size, 1) * ZIP_RATIO:
                raise PackageError(f"{path} would unpack to {total} bytes, {ZIP_RATIO}× more than it holds: refused "
                                   "as a ZIP bomb; ask the sender for the package as a folder")
            for member in members:
                name = Path(member.filename)
                if name.is_absolute() or ".." in name.parts:
                    raise PackageError(f"{path} holds a file named {member.filename!r} outside the package: refused")
                archive.extract(member, folder)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as exc:
        raise PackageError(f"{path} is a damaged or truncated ZIP ({exc}); copy it again from the original") from None
