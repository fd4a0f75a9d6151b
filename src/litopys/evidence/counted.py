"""The counts a verification report ends with, in words: "2 items", "1 checkpoint", "3 problems" (``ngettext``, so
each language gets its own plural forms). Used by `litopys verify` and `litopys verify-package`."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def counts(report) -> dict[str, str]:
    """Return the worded counts of a report with ``items_checked``, ``bytes_checked``, ``checkpoints_checked``,
    ``problems`` and ``intact`` (an integrity or a package report): items, bytes, points and the verdict."""
    items, size, points = report.items_checked, report.bytes_checked, report.checkpoints_checked
    problems = len(report.problems)
    return {
        "items": ngettext("%(n)d item", "%(n)d items", items) % {"n": items},
        "bytes": ngettext("%(n)d byte", "%(n)d bytes", size) % {"n": size},
        "points": ngettext("%(n)d checkpoint", "%(n)d checkpoints", points) % {"n": points},
        "verdict": _("intact") if report.intact else ngettext("%(n)d problem", "%(n)d problems", problems) % {
            "n": problems},
    }
