"""Where, by whom and when a claim the engine has just read was stated (a part of the engine's reader)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import wider

if TYPE_CHECKING:
    from .breakdowns import FoundClaim
    from .result import ClaimCandidate


class Situating:
    """Methods of the engine's reader (``engine._Reader``) giving a claim its place, speaker and date."""

    def _situate(self, candidate: ClaimCandidate, index: int, position: int, sentence, words: tuple, state,
                 total: FoundClaim | None, sentence_date) -> None:
        """Give ``candidate`` (a count whose quantity and noun end are ``words``) its place, speaker and date: a
        part of ``total`` keeps the total's unless its sentence names its own; any other claim takes its sentence's
        place (after a gapped count, the place right after it), the paragraph's speaker and their date."""
        quantity, noun_end = words
        anchor = (sentence.start + quantity.start, sentence.start + noun_end)
        if total is not None:
            # "Of the 174 killed in Ukraine, 61 were in Kharkiv Oblast": a place inside the total's is the part's
            own_place = self.places.in_sentence(index, position, anchor, state.excluded)
            held = wider.holds(total.candidate.place, own_place)
            candidate.place = own_place if held else total.candidate.place
            own_speaker = state.speaker if state.named_in == position else None
            candidate.attributed_to = own_speaker or total.candidate.attributed_to
            if own_speaker is not None and own_speaker != total.candidate.attributed_to:
                candidate.date = sentence_date or state.date  # another voice: the date it spoke on
            else:
                candidate.date = sentence_date or total.candidate.date or (state.date if own_speaker else None)
            return
        gapped = candidate.rule == "gapping"
        candidate.place = gapped and self.places.gapped_place(*anchor) or self.places.choose(
            index, position, anchor, state.excluded, self.previous_excluded)
        candidate.attributed_to = state.speaker or self.document_speaker
        candidate.place = self.places.region_of(candidate.place, sentence.text, candidate.attributed_to)
        said = state.date if state.speaker else self.dates.stated_by(self.document_speaker, index)
        candidate.date = sentence_date or said
