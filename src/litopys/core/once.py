"""Write a file whole: its bytes go first to a private temporary file beside it (flushed to disk), which then takes
the file's name in one step, so a reader never sees it half-written.

``create_once`` hard-links the temporary file to the name: a link fails if the name exists, so when several
processes start together (the web server, two workers) exactly one creates the file and the others read it.
``replace_whole`` renames it over the name: an export written again replaces the old one at once.
"""

import os
import secrets
from pathlib import Path


def create_once(path: Path, data: bytes, mode: int = 0o600) -> bool:
    """Write ``data`` to ``path`` unless it exists; return True if this call created it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = _written_beside(path, data, mode)
    try:
        os.link(partial, path)
        return True
    except FileExistsError:
        return False
    finally:
        partial.unlink(missing_ok=True)


def replace_whole(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path``, replacing what is there in one step."""
    path = Path(path)
    partial = _written_beside(path, data, mode)
    try:
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _written_beside(path: Path, data: bytes, mode: int) -> Path:
    """Return a new private file beside ``path`` holding ``data``, flushed to disk."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return partial
