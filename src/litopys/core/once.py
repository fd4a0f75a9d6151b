"""Create a file once, whole, even when several processes start together (the web server, two workers).

The bytes go to a private temporary file beside the target, which is then hard-linked to the target's name: a link
fails if the name exists, so exactly one process creates the file, and whoever reads it sees it complete, never
half-written. The loser's temporary file is removed and it reads the winner's file.
"""

import os
import secrets
from pathlib import Path


def create_once(path: Path, data: bytes, mode: int = 0o600) -> bool:
    """Write ``data`` to ``path`` unless it exists; return True if this call created it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(partial, path)
        return True
    except FileExistsError:
        return False
    finally:
        partial.unlink(missing_ok=True)
