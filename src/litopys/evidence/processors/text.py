"""Plain text: decode it, and keep a UTF-8 copy when the original was in a legacy encoding."""

from __future__ import annotations

from litopys.evidence import limits
from litopys.evidence.media import decode_text
from litopys.evidence.processors.base import Processor, Subject

UTF8_TEXT = "text/plain; charset=utf-8"


class PlainText(Processor):
    """Decode text/plain; strict UTF-8 is taken as is, anything else is detected and noted.

    Only the first `LITOPYS_MAX_TEXT_BYTES` are read; a longer file says so in `metadata["limits"]`.
    """

    name = "plain-text"
    media_types = ("text/plain",)

    def process(self, subject: Subject) -> None:
        cap = limits.current().max_text_bytes
        data = subject.read(cap + 1)
        cut = len(data) > cap
        if cut:
            data = data[:cap]
            subject.note_limit(f"only the first {limits.size_words(cap)} of the text were read "
                               "(LITOPYS_MAX_TEXT_BYTES)")
        decoded = decode_text(data, partial=cut)
        if decoded is None:
            raise ValueError(
                f"{subject.name or 'this item'} is not valid UTF-8 and no text encoding fits; "
                "it is probably binary data with the wrong media type"
            )
        subject.text = decoded.text
        subject.metadata["encoding"] = decoded.encoding
        if decoded.note:
            subject.metadata["encoding_note"] = decoded.note
        if decoded.encoding != "utf-8":
            subject.derive("text", decoded.text.encode("utf-8"), UTF8_TEXT)
