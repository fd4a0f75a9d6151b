"""Web archives: check that a WARC or WACZ reads to the end, and record what it captured."""

from __future__ import annotations

from litopys.evidence.processors.base import Processor, Subject
from litopys.evidence.webarchive import WebArchiveError, iter_captures

#: Reasons kept on the item for records that were skipped; the count says how many there were.
SKIPPED_SHOWN = 20


class WebArchiveSummary(Processor):
    """Read every capture once; record how many there are, when they were made, and which were skipped.

    A damaged archive fails here, on the item itself, with the record that is wrong; an archive that
    expands like a bomb, or takes too long, fails with the limit it passed (`Refused`).
    """

    name = "web-archive"
    media_types = ("application/warc", "application/wacz")

    def process(self, subject: Subject) -> None:
        count, moments, skipped = 0, [], []
        with subject.open() as handle:
            try:
                for capture in iter_captures(handle):
                    if capture.skipped:
                        skipped.append(capture.skipped)
                        continue
                    count += 1
                    if capture.captured_at:
                        moments.append(capture.captured_at)
            except WebArchiveError as exc:
                raise WebArchiveError(f"not a valid web archive: {exc}") from exc
        subject.metadata["captures"] = count
        if skipped:
            subject.metadata["records_skipped"] = len(skipped)
            subject.metadata["skipped"] = skipped[:SKIPPED_SHOWN]
        if moments:
            subject.metadata["captured_from"] = min(moments).isoformat()
            subject.metadata["captured_until"] = max(moments).isoformat()
