"""Web archives: check that a WARC or WACZ reads to the end, and record what it captured."""

from __future__ import annotations

from litopys.evidence.processors.base import Processor, Subject
from litopys.evidence.webarchive import iter_captures


class WebArchiveSummary(Processor):
    """Read every capture once; record how many there are and when they were made.

    A damaged archive fails here, on the item itself, with the record that is wrong.
    """

    name = "web-archive"
    media_types = ("application/warc", "application/wacz")

    def process(self, subject: Subject) -> None:
        count, moments = 0, []
        with subject.open() as handle:
            for capture in iter_captures(handle):
                count += 1
                if capture.captured_at:
                    moments.append(capture.captured_at)
        subject.metadata["captures"] = count
        if moments:
            subject.metadata["captured_from"] = min(moments).isoformat()
            subject.metadata["captured_until"] = max(moments).isoformat()
