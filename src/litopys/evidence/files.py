"""The files a batch names: walking folders, the cheap checks before reading, and names printed safely."""

import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

# C0 and C1 controls, DEL, line and paragraph separators, and the marks that reorder text on screen (bidi).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """Return text safe to print on one line: control characters escaped (\\n, \\x1b, \\u202e).

    A file name may hold a newline or a terminal escape; printed as it is, it could forge a result
    line or rewrite the screen. Bytes that are not UTF-8 (kept by Python as surrogates) are shown as \\xNN.
    """
    def escape(match: re.Match) -> str:
        char = match.group()
        code = ord(char)
        if char in _NAMED:
            return _NAMED[char]
        if 0xDC80 <= code <= 0xDCFF:
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

    return _UNSAFE.sub(escape, text)


def _folder_error(error: OSError, fallback: str) -> tuple[str, str]:
    """Return (folder, reason with the fix) for a folder os.walk could not list."""
    folder = error.filename or fallback
    if error.errno in (errno.EACCES, errno.EPERM):
        fix = "check its permissions"
    elif error.errno == errno.ENAMETOOLONG:
        fix = "its path is too long; move or rename the folders above it"
    elif error.errno == errno.ELOOP:
        fix = "it is a symbolic link loop; fix or remove the link"
    else:
        fix = "check the disk and the folder"
    return os.fspath(folder), f"folder cannot be read ({error.strerror}); {fix}"


def walk(paths: list[str], recursive: bool) -> Iterator[tuple[str, str | None]]:
    """Yield (path, error) for every file to ingest; error is set when a path cannot be used.

    A folder that cannot be listed is reported as soon as the walk meets it, the last one too.
    """
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError as exc:
            yield raw, f"cannot be read ({exc.strerror})"
            continue
        if not is_dir:
            yield raw, None
            continue
        if not recursive:
            yield raw, "is a folder; add --recursive to ingest what it holds"
            continue
        errors: list[OSError] = []
        for folder, dirnames, filenames in os.walk(path, onerror=errors.append, followlinks=False):
            dirnames.sort()
            while errors:
                yield _folder_error(errors.pop(0), raw)
            for name in sorted(filenames):
                yield os.path.join(folder, name), None
        # os.walk reports a folder it cannot list and yields nothing for it: when that folder is the
        # last one (or the only one), its error is still waiting here.
        while errors:
            yield _folder_error(errors.pop(0), raw)


def check_file(path: str) -> tuple[int, str | None]:
    """Return (size, error) after the cheap checks that need no reading."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return 0, "is a symbolic link loop; fix or remove the link"
        return 0, f"cannot be read ({exc.strerror})"
    if not stat.S_ISREG(info.st_mode):
        return 0, "is not a regular file"
    if info.st_size == 0:
        return 0, "is empty; nothing to preserve"
    if info.st_size > settings.LITOPYS_MAX_ITEM_BYTES:
        return info.st_size, (f"is {info.st_size} bytes, over LITOPYS_MAX_ITEM_BYTES "
                              f"({settings.LITOPYS_MAX_ITEM_BYTES}); raise the limit to ingest it")
    return info.st_size, None
