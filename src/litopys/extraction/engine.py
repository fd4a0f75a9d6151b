"""Run the rules over a text: paragraphs, sentences, quantities, kinds, speakers, places, dates, opinions."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from . import attribution, dates, opinions, places, segment
from .bounds import Quantity, quantities
from .kinds import coordinated, decide, read
from .language import LANGUAGES, detect
from .lexicon import lowered
from .numbers import WORD_NUMBER, find_numbers
from .result import ClaimCandidate, ExtractionResult, OpinionSpan
from .speakers import Speaker, generic_word

#: Sentences longer than this are quoted only around the claim.
QUOTE_LIMIT = 400
#: A breakdown may follow its total by this many sentences.
BREAKDOWN_REACH = 2
#: How many sentences back a place, or "про це повідомив" (backward attribution), may reach.
LOOK_BACK = 5
_DIGIT = re.compile(r"[0-9]")
_UNSET = object()


@dataclass
class _Claim:
    candidate: ClaimCandidate
    sentence: int
    total: bool
    date_known: bool
    quantity: Quantity
    noun_end: int


@dataclass
class _Paragraph:
    """What the rules learn while reading one paragraph."""

    claims: list[_Claim] = field(default_factory=list)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    speaker: Speaker | None = None
    date: datetime.date | None = None


def extract(
    text: str, language: str = "auto", published: datetime.date | None = None, gazetteer=None
) -> ExtractionResult:
    """Extract attributed claims and opinion spans from ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"extract() needs text as str, not {type(text).__name__}")
    if language in (None, "", "auto"):
        language = detect(text)
    elif language not in LANGUAGES:
        raise ValueError(f"language must be 'auto' or one of {', '.join(LANGUAGES)}, not {language!r}")
    return _Reader(text, language, published, gazetteer).run()


class _Reader:
    def __init__(self, text: str, language: str, published, gazetteer):
        self.text, self.language, self.published = text, language, published
        self.paragraphs = segment.paragraphs(text)
        self.finder = places.PlaceFinder(text, gazetteer, [(p.start, p.end) for p in self.paragraphs])
        self.speakers: list[Speaker] = []
        self.claims = _Claims()
        self.opinions: list[OpinionSpan] = []
        self.headline = []
        for paragraph in self.paragraphs[:5]:
            if not paragraph.heading:
                break
            self.headline.append(paragraph)
        #: The claims of the paragraph before, for a breakdown that opens the next one ("Of those killed, ...").
        self.previous: list[_Claim] = []
        self.previous_length = 0
        self.previous_excluded: list[tuple[int, int]] = []
        self._fallbacks: dict[tuple[int, int], dict | None] = {}
        #: Who speaks in a whole document titled "Statement of the Office of the Prosecutor General".
        self.document_speaker = None
        signature = self.paragraphs[-1] if len(self.paragraphs) > 2 and self.paragraphs[-1].heading else None
        for line in [*self.headline[:1], signature]:
            reference = attribution.headline_speaker(line.text) if line else None
            if reference and self.document_speaker is None:
                self.document_speaker = self._resolve(reference)

    def run(self) -> ExtractionResult:
        for index, paragraph in enumerate(self.paragraphs):
            signs = opinions.any_sign(paragraph.text)
            if signs or self._worth_reading(paragraph.text):
                self._paragraph(index, paragraph, signs)
        return ExtractionResult(self.language, self.claims.result(), self.opinions)

    def _worth_reading(self, text: str) -> bool:
        """Say whether a paragraph may hold a count or name a speaker (most others are skipped unread)."""
        return bool(_DIGIT.search(text) or WORD_NUMBER.search(lowered(text)) or attribution.mentions_speaker(text))

    def _paragraph(self, index: int, paragraph: segment.Paragraph, signs: bool) -> None:
        state = _Paragraph()
        sentences = segment.sentences(paragraph)
        flags, bearing = [], []
        for position, sentence in enumerate(sentences):
            found = attribution.find(sentence.text)
            if found is None and paragraph.heading:
                colon = attribution.colon_speaker(sentence.text)
                found = attribution.Attribution(colon) if colon else None
            statement_date = None
            if found:
                reference = found.reference
                state.excluded.append((sentence.start + reference.start, sentence.start + reference.end))
                speaker = self._resolve(reference)
                statement_date = self._date(sentence.text)
                if found.backward:
                    for claim in reversed(state.claims):
                        if position - claim.sentence > LOOK_BACK:
                            break
                        if claim.candidate.attributed_to is None:
                            claim.candidate.attributed_to = speaker
                            if not claim.date_known:
                                claim.candidate.date = statement_date
                if speaker is not None or reference.how != "pronoun":
                    state.speaker, state.date = speaker, statement_date
            strong = signs and opinions.is_strong(sentence.text)
            made = [] if strong else self._sentence(index, position, sentence, state)
            flags.append(strong or (signs and not made and opinions.is_weak(sentence.text)))
            bearing.append(bool(made))
            if len(state.claims) > 200:
                # A paragraph of thousands of sentences: only the last few can still be a total or be
                # attributed backwards, so the others are kept as found and memory stays flat.
                keep = [c for c in state.claims if position - c.sentence <= LOOK_BACK]
                for claim in state.claims[: len(state.claims) - len(keep)]:
                    self.claims.add(claim.candidate)
                state.claims = keep
        runs = opinions.spans(flags, bearing)
        flagged = sum(flags)
        if len(sentences) >= 3 and flagged * 3 >= len(sentences) * 2:
            runs, state.claims = [(0, len(sentences) - 1)], []  # an opinion paragraph: nothing in it is a claim
        for first, last in runs:
            self.opinions.append(OpinionSpan(sentences[first].start, sentences[last].end))
        for claim in state.claims:
            self.claims.add(claim.candidate)
        self.previous, self.previous_length = state.claims, len(sentences)
        self.previous_excluded = state.excluded
        if index >= len(self.headline):
            self.paragraphs[index - 1].sentences = []  # read; only this paragraph's are needed next

    def _sentence(self, index: int, position: int, sentence: segment.Sentence, state: _Paragraph) -> list[_Claim]:
        text = sentence.text
        found = quantities(text, find_numbers(text))
        made: list[_Claim] = []
        sentence_date = _UNSET
        previous_end = 0  # where the words of the quantity before end: a verb there is not this one's
        for number, quantity in enumerate(found):
            limit = found[number + 1].start if number + 1 < len(found) else len(text)
            reading = read(text, quantity, limit)
            between = (previous_end, limit)
            previous_end = max(quantity.end, reading.noun_end if reading else 0)
            if reading is None or attribution.speaks(text, reading.noun_end):
                continue  # "two former detainees said": the counted are the speakers
            total = self._total(made, position, quantity, reading.group_kind) or self._total(
                state.claims, position, quantity, reading.group_kind
            )
            if total is None and position == 0 and reading.linked:
                total = self._total(self.previous, self.previous_length, quantity, reading.group_kind)
            kind, rule = decide(text, quantity, reading, total.candidate.kind if total else None, between)
            if kind is None:
                continue
            inherits = total is not None and (rule == "breakdown" or reading.linked)
            qualifiers = dict(reading.qualifiers)
            low, high, approximate = quantity.min, quantity.max, quantity.approximate
            last = made[-1] if made and made[-1].quantity is found[number - 1] else None
            if last and not reading.person and coordinated(text, last.noun_end, quantity.start):
                # "at least 1,017 civilians killed and 2,145 injured": the bound and the noun carry over.
                qualifiers = qualifiers or dict(last.candidate.qualifiers)
                if last.candidate.max is None and last.quantity.start < last.quantity.number.start:
                    high = None
                approximate = approximate or last.candidate.approximate
            if inherits and reading.linked and not qualifiers:
                qualifiers = dict(total.candidate.qualifiers)
            if sentence_date is _UNSET:
                sentence_date = self._date(text)
            start, end = self._quote(sentence, quantity.start, reading.noun_end)
            candidate = ClaimCandidate(
                kind=kind,
                min=low,
                max=high,
                approximate=approximate,
                quote=self.text[start:end],
                start=start,
                end=end,
                qualifiers=qualifiers,
                rule=rule,
            )
            if inherits:
                candidate.place = total.candidate.place
                candidate.attributed_to = total.candidate.attributed_to
                candidate.date = sentence_date or total.candidate.date
            else:
                anchor = (sentence.start + quantity.start, sentence.start + reading.noun_end)
                candidate.place = self._place(index, position, anchor, state)
                candidate.attributed_to = state.speaker or self.document_speaker
                candidate.date = sentence_date or (state.date if state.speaker else None)
            dated = sentence_date is not None
            made.append(_Claim(candidate, position, rule != "breakdown", dated, quantity, reading.noun_end))
        state.claims.extend(made)
        return made

    def _total(self, claims: list[_Claim], position: int, quantity, kind: str | None) -> _Claim | None:
        value = quantity.max if quantity.max is not None else quantity.min
        for seen, claim in enumerate(reversed(claims)):
            if position - claim.sentence > BREAKDOWN_REACH or seen > 20:
                break
            ceiling = claim.candidate.max if claim.candidate.max is not None else claim.candidate.min
            if not claim.total or (kind and claim.candidate.kind != kind):
                continue
            if claim.candidate.min is not None and value is not None and ceiling is not None and value >= ceiling:
                continue
            return claim
        return None

    def _resolve(self, reference) -> Speaker | None:
        speaker = reference.speaker
        if reference.how == "pronoun" or (speaker is not None and speaker.name is None):
            # "he said", "за його словами"; "the minister said" after the minister was named
            people = [s for s in self.speakers if not s.institution and s.name]
            return people[-1] if people else speaker
        if reference.how == "surname":
            for known in reversed(self.speakers):
                if known.name and not known.institution and _same_surname(known.name, speaker.name):
                    return known
        if reference.how == "generic":
            stem = generic_word(speaker.name)
            for known in reversed(self.speakers):
                if known.institution and stem and stem in known.name.lower() and known != speaker:
                    return known
        if speaker is not None and speaker.name:
            if speaker in self.speakers:
                self.speakers.remove(speaker)  # most recently named last; the list stays short
            self.speakers.append(speaker)
        return speaker

    def _date(self, text: str) -> datetime.date | None:
        found = dates.find_date(text, self.language, self.published)
        return found[0] if found else None

    def _place(self, index: int, position: int, anchor: tuple[int, int], state: _Paragraph) -> dict | None:
        """Choose a claim's place: its sentence, the sentences before it, the section heading, the
        paragraph before, the headline; "in the region" ("в області") takes the oblast named last."""
        sentences = self.paragraphs[index].sentences
        claim_sentence = sentences[position]
        mentions = self.finder.mentions(claim_sentence.start, claim_sentence.end)
        chosen = places.best(mentions, anchor, self.text, state.excluded[-LOOK_BACK:])
        if chosen is not None:
            return places.to_dict(chosen)
        key = (index, position)
        if key not in self._fallbacks:  # the same for every claim of the sentence
            self._fallbacks = {key: self._place_before(index, position, anchor, state)}
        return self._fallbacks[key]

    def _place_before(self, index: int, position: int, anchor: tuple[int, int], state: _Paragraph) -> dict | None:
        sentences = self.paragraphs[index].sentences
        claim_sentence = sentences[position]
        if places.says_region(claim_sentence.text):
            oblast = self._oblast_before(index, position)
            if oblast is not None:
                return oblast
        for sentence in reversed(sentences[max(0, position - LOOK_BACK) : position]):
            mentions = self.finder.mentions(sentence.start, sentence.end)
            chosen = places.best(mentions, None, self.text, state.excluded[-LOOK_BACK:])
            if chosen is not None:
                return places.to_dict(chosen)
        headings_done = body_done = False
        for earlier in reversed(self.paragraphs[max(0, index - 6) : index]):
            if earlier.heading and not headings_done:
                headings_done = True  # the nearest heading names the section's place, if just one
                unique = places.distinct(self.finder.mentions(earlier.start, earlier.end))
                if len(unique) == 1:
                    return places.to_dict(unique[0])
            elif not earlier.heading and not body_done:
                body_done = True  # else the paragraph before goes on about the same place
                mentions = self.finder.mentions(earlier.start, earlier.end)
                chosen = places.best(mentions, None, self.text, self.previous_excluded[-LOOK_BACK:])
                if chosen is not None:
                    return places.to_dict(chosen)
        mentions = [m for p in self.headline if p.end <= anchor[0] for m in self.finder.mentions(p.start, p.end)]
        unique = places.distinct(mentions)
        if len(unique) == 1:
            return places.to_dict(unique[0])
        # Last resort: the place in the speaker's title ("the Kharkiv governor said 3,000 km² were freed").
        chosen = places.best(self.finder.mentions(claim_sentence.start, claim_sentence.end), anchor, self.text, [])
        return places.to_dict(chosen)

    def _oblast_before(self, index: int, position: int) -> dict | None:
        """Return the oblast named (or implied by a settlement) nearest before a sentence, within a few paragraphs."""
        sentences = self.paragraphs[index].sentences[max(0, position - LOOK_BACK) : position]
        spans = [(s.start, s.end) for s in reversed(sentences)]
        spans += [(p.start, p.end) for p in reversed(self.paragraphs[max(0, index - 6) : index])]
        for start, end in spans:
            for _, _, mention in reversed(self.finder.mentions(start, end)):
                oblast = places.oblast_of(mention, self.finder.gazetteer)
                if oblast is not None:
                    return oblast
        return None

    def _quote(self, sentence: segment.Sentence, start: int, end: int) -> tuple[int, int]:
        if sentence.end - sentence.start <= QUOTE_LIMIT:
            return sentence.start, sentence.end
        text = sentence.text
        left = max(0, start - QUOTE_LIMIT // 2)
        right = min(len(text), end + QUOTE_LIMIT // 2)
        left = text.find(" ", left) + 1 if left > 0 and text.find(" ", left) != -1 else left
        space = text.rfind(" ", 0, right)
        right = space if right < len(text) and space > end else right
        return sentence.start + min(left, start), sentence.start + max(right, end)


def _same_surname(full: str, surname: str) -> bool:
    last = full.split()[-1].lower()
    surname = surname.lower()
    common = min(len(last), len(surname)) - 2
    return last == surname or (common >= 4 and last[:common] == surname[:common] and abs(len(last) - len(surname)) <= 2)


class _Claims:
    """The claims of a document, repeats dropped as they come (a caption, a headline restated),
    keeping the better-attributed copy; memory stays bounded by the distinct claims."""

    def __init__(self):
        self._kept: dict[int, ClaimCandidate] = {}
        self._by_key: dict[tuple, list[int]] = {}

    def add(self, claim: ClaimCandidate) -> None:
        key = (claim.kind, claim.min, claim.max, claim.approximate, tuple(sorted(claim.qualifiers.items())))
        same = self._by_key.setdefault(key, [])
        for other in same:
            if _compatible(claim, self._kept[other]):
                if _information(claim) > _information(self._kept[other]):
                    self._kept[other] = claim
                return
        same.append(len(self._kept))
        self._kept[len(self._kept)] = claim

    def result(self) -> list[ClaimCandidate]:
        return sorted(self._kept.values(), key=lambda c: c.start)


def _compatible(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    places_agree = a.place is None or b.place is None or a.place == b.place
    speakers_agree = a.attributed_to is None or b.attributed_to is None or a.attributed_to == b.attributed_to
    return places_agree and speakers_agree


def _information(claim: ClaimCandidate) -> int:
    return 2 * (claim.attributed_to is not None) + (claim.place is not None) + (claim.date is not None)
