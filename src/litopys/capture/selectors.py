"""Which captures a person may see, and a capture beside its previous version."""

import difflib

from litopys.capture.models import Capture, CaptureFile


def captures_for(user):
    captures = Capture.objects.select_related("owner", "job")
    if user.is_superuser or user.has_perm("capture.view_all_captures"):
        return captures
    return captures.filter(owner=user)


def rendered_text(capture: Capture) -> str:
    row = capture.files.filter(role=CaptureFile.Role.TEXT).select_related("item").first()
    return row.item.text if row else ""


def text_diff(old: str, new: str, context: int = 3, limit: int = 2000) -> list[tuple[str, str]]:
    """Return the changed lines of two texts as (sign, line), '+' added, '-' removed, ' ' context."""
    lines = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=context):
        if line.startswith(("---", "+++")):
            continue
        sign = line[:1] if line[:1] in "+- " else "@"
        lines.append((sign, line[1:] if sign != "@" else line))
        if len(lines) >= limit:
            break
    return lines
