"""Run the rules over a text: paragraphs, sentences, quantities, kinds, speakers, places, dates, opinions."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from . import attribution, dates, mentions, opinions, segment
from .bounds import Quantity, quantities
from .claimkinds import SITE_KINDS, part_of, totals_of
from .discounted import discounted
from .kinds import clause_of, clauses, coordinated, decide, read
from .language import LANGUAGES, detect
from .lexicon import lowered
from .lexicon.loading import alternation, entries
from .numbers import WORD_NUMBER, find_numbers
from .placing import LOOK_BACK, PlaceChooser
from .repeats import ClaimSet, restated_headlines
from .resolution import SpeakerBook
from .result import ClaimCandidate, ExtractionResult, OpinionSpan
from .speakers import Reference, Speaker, regional

#: Sentences longer than this are quoted only around the claim.
QUOTE_LIMIT = 400
#: A breakdown may follow its total by this many sentences.
BREAKDOWN_REACH = 2
#: A speaker named again keeps the date they spoke on in the paragraph that dated it and this many after.
STATEMENT_REACH = 1
_DIGIT = re.compile(r"[0-9]")
#: Before a whole that a part follows: "of the 447 bodies, 215", "из 111 погибших 35".
_WHOLE_BEFORE = re.compile(rf"(?<!\w)(?:{alternation('groups', 'of')})\s+$")
#: A count whose noun is left out, at the start of its clause: "ще три", "another 12", "таких місць щонайменше чотири".
_ELLIPSIS_BEFORE = re.compile(
    rf"^\s*(?:(?:{alternation('kinds', 'coordination', 'conjunctions')})\s+)?(?:{alternation('kinds', 'another')})"
    rf"\s+\S*\s*$|(?<!\w)(?:{alternation('kinds', 'such')})\s+\w+\s+\S*\s*$"
)
_UNSET = object()
#: A sentence that dates the statement itself: "The statement was published on 5 October 2022", "Заяву оприлюднено
#: 5 жовтня", "Сообщение опубликовано 5 октября" (a footnote, a closing line).
_STATEMENT_NOUNS = entries("statement_dated", "nouns")
_FIRST_LETTERS = "".join(sorted({noun[0] for noun in _STATEMENT_NOUNS}))
_STATEMENT_DATED = re.compile(
    (f"(?=[{_FIRST_LETTERS}])" if _FIRST_LETTERS.isalpha() else "")  # a cheap look for the first letters first
    + rf"(?<!\w)(?:{'|'.join(_STATEMENT_NOUNS)})(?!\w)[^.!?]{{0,80}}?"
    rf"(?<!\w)(?:{alternation('statement_dated', 'published')})(?!\w)",
    re.I,
)


@dataclass(slots=True)
class _Claim:
    candidate: ClaimCandidate
    sentence: int
    total: bool
    date_known: bool
    quantity: Quantity
    noun_end: int
    #: The total this claim breaks down, if any: a number coordinated with it breaks down the same one.
    parent: _Claim | None = None


@dataclass
class _Paragraph:
    """What the rules learn while reading one paragraph."""

    claims: list[_Claim] = field(default_factory=list)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    speaker: Speaker | None = None
    date: datetime.date | None = None
    #: The sentence that named the current speaker.
    named_in: int = -1


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
        self.book = SpeakerBook()
        self.claims = ClaimSet()
        self.opinions: list[OpinionSpan] = []
        self._dated_text: str | None = None
        self._dated: datetime.date | None = None
        self.headline = []
        for paragraph in self.paragraphs[:5]:
            if not paragraph.heading:
                break
            self.headline.append(paragraph)
        self.places = PlaceChooser(text, self.paragraphs, self.headline, gazetteer)
        #: The claims of the paragraph before, for a breakdown that opens the next one ("Of those killed, ...").
        self.previous: list[_Claim] = []
        self.previous_length = 0
        self.previous_excluded: list[tuple[int, int]] = []
        #: Who speaks in a whole document titled "Statement of the Office of the Prosecutor General".
        self.document_speaker = None
        #: A speaker whose paragraph ends "… said:", with their date and that paragraph: the next one is theirs.
        self.introduced: tuple | None = None
        #: Bare surnames no full name was found for near where they were first met.
        self.not_named_in_full: set[str] = set()
        #: The date each speaker (by name) last stated something on, and the paragraph that said so.
        self.stated: dict[str, tuple[datetime.date, int]] = {}
        #: The date in a document's title or signature: its speaker's statement, wherever they are named.
        self.document_date: datetime.date | None = None
        signature = self.paragraphs[-1] if len(self.paragraphs) > 2 and self.paragraphs[-1].heading else None
        for line in [*self.headline[:1], signature]:
            reference = attribution.headline_speaker(line.text) if line else None
            if reference and self.document_speaker is None:
                self.document_speaker = self.book.resolve(reference)
        if self.document_speaker is not None and self.document_speaker.name:
            self.document_date = self._first_date([*self.headline, signature])

    def run(self) -> ExtractionResult:
        for index, paragraph in enumerate(self.paragraphs):
            signs = opinions.any_sign(paragraph.text)
            if signs or self._worth_reading(paragraph.text):
                self._paragraph(index, paragraph, signs)
        claims = self.claims.result()
        if self.headline:
            claims = restated_headlines(claims, self.headline[-1].end)
        return ExtractionResult(self.language, claims, self.opinions)

    def _worth_reading(self, text: str) -> bool:
        """Say whether a paragraph may hold a count or name a speaker (most others are skipped unread)."""
        return bool(_DIGIT.search(text) or WORD_NUMBER.search(lowered(text)) or attribution.mentions_speaker(text))

    def _paragraph(self, index: int, paragraph: segment.Paragraph, signs: bool) -> None:
        state = _Paragraph()
        if self.introduced is not None and self.introduced[2] == index - 1:
            state.speaker, state.date = self.introduced[:2]  # "Синегубов сообщил в Telegram:" then the figures
        sentences = segment.sentences(paragraph)
        flags, bearing = [], []
        for position, sentence in enumerate(sentences):
            found = attribution.find(sentence.text)
            if found is None and paragraph.heading:
                heading = attribution.colon_speaker(sentence.text) or attribution.dash_speaker(sentence.text)
                found = attribution.Attribution(heading) if heading else None
            statement_date = None
            if found:
                reference = found.reference
                state.excluded.append((sentence.start + reference.start, sentence.start + reference.end))
                speaker = self.book.resolve(reference)
                if _unresolved(reference, speaker):
                    speaker = self._mentioned(reference, sentence.start + reference.start) or speaker
                if speaker is not None and speaker.institution and reference.how == "generic":
                    speaker = self._regional(speaker, index, position)
                statement_date = self._statement_date(sentence.text, speaker, index)
                if found.backward:
                    _attribute_backward(state.claims, position, speaker, statement_date)
                if speaker is not None or reference.how != "pronoun":
                    state.speaker, state.date, state.named_in = speaker, statement_date, position
            strong = signs and opinions.is_strong(sentence.text)
            made = [] if strong else self._sentence(index, position, sentence, state)
            if not found and not made and _STATEMENT_DATED.search(sentence.text):
                self._statement_dated(sentence.text, state, index)
            flags.append(strong or (signs and not made and opinions.is_weak(sentence.text)))
            bearing.append(bool(made))
            if len(state.claims) > 200:
                # A paragraph of thousands of sentences: only the last few can still be a total or be
                # attributed backwards, so the others are kept as found and memory stays flat.
                keep = [c for c in state.claims if position - c.sentence <= LOOK_BACK]
                for claim in state.claims[: len(state.claims) - len(keep)]:
                    self.claims.add(claim.candidate)
                state.claims = keep
        ends_with_colon = bool(sentences) and sentences[-1].text.rstrip().endswith(":")
        said_last = state.speaker is not None and state.named_in == len(sentences) - 1
        self.introduced = (state.speaker, state.date, index) if ends_with_colon and said_last else None
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
        whole = None  # "из 111 погибших 35": the whole named again, total of the number after it
        for number, quantity in enumerate(found):
            limit = found[number + 1].start if number + 1 < len(found) else len(text)
            reading = read(text, quantity, limit)
            between = (previous_end, limit)
            previous_end = max(quantity.end, reading.noun_end if reading else 0)
            if reading is None or attribution.speaks(text, reading.noun_end):
                continue  # "two former detainees said": the counted are the speakers
            if reading.kind not in SITE_KINDS and discounted(text, quantity.start, quantity.end):
                continue  # "earlier reports of 39 dead", "вдалося повернути 371 дитину"
            if whole is not None:
                total, whole, reading.linked = whole, None, True
            else:
                total = self._total(made, position, quantity, reading.group_kind) or self._total(
                    state.claims, position, quantity, reading.group_kind
                )
            if total is None and position == 0 and reading.linked:
                total = self._total(self.previous, self.previous_length, quantity, reading.group_kind)
            last = made[-1] if made and made[-1].quantity is found[number - 1] else None
            if total is None and last is not None and last.parent is not None and coordinated(
                text, last.noun_end, quantity.start
            ):
                total = last.parent  # "215 of the dead were women and 194 were men": both break down the 447
            restated = self._restated(text, quantity, reading, found, number, made, state)
            if restated is not None:
                whole = restated
                continue
            kind, rule = decide(text, quantity, reading, total.candidate.kind if total else None, between)
            if kind is None and reading.bare:
                kind, rule = self._elliptical(text, quantity, made, state)
            if kind is None:
                continue
            if total is not None and part_of(kind, total.candidate.kind):
                kind = total.candidate.kind  # "среди погибших": the dead of a count of bodies are those bodies
            if reading.linked and total is not None and total.candidate.kind in SITE_KINDS and kind not in SITE_KINDS:
                continue  # "В четырех из них обнаружены орудия пыток": four of the sites, not four people
            inherits = total is not None and (rule == "breakdown" or reading.linked)
            qualifiers = dict(reading.qualifiers)
            low, high, approximate = quantity.min, quantity.max, quantity.approximate
            if last and not reading.person and rule != "ellipsis" and coordinated(text, last.noun_end, quantity.start):
                # "at least 1,017 civilians killed and 2,145 injured": the bound and the noun carry over; after a
                # part ("killed, including 534 children, and 15,779 injured") they are the whole's.
                source = last.parent if last.parent is not None and last.candidate.kind != kind else last
                qualifiers = qualifiers or dict(source.candidate.qualifiers)
                if source.candidate.max is None and source.quantity.start < source.quantity.number.start:
                    high = None
                approximate = approximate or source.candidate.approximate
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
            if kind in SITE_KINDS:
                candidate.qualifiers = {}  # "місць утримання цивільних": the civilians are not what is counted
            if inherits:
                candidate.place = total.candidate.place
                own_speaker = state.speaker if state.named_in == position else None
                candidate.attributed_to = own_speaker or total.candidate.attributed_to
                if own_speaker is not None and own_speaker != total.candidate.attributed_to:
                    candidate.date = sentence_date or state.date  # another voice: the date it spoke on
                else:
                    candidate.date = sentence_date or total.candidate.date or (state.date if own_speaker else None)
            else:
                anchor = (sentence.start + quantity.start, sentence.start + reading.noun_end)
                candidate.place = self.places.choose(index, position, anchor, state.excluded, self.previous_excluded)
                candidate.attributed_to = state.speaker or self.document_speaker
                said = state.date if state.speaker else self._stated(self.document_speaker, index)
                candidate.date = sentence_date or said
            dated = sentence_date is not None
            made.append(
                _Claim(candidate, position, rule != "breakdown", dated, quantity, reading.noun_end, total if inherits
                       or rule == "breakdown" else None)
            )
        state.claims.extend(made)
        return made

    def _restated(self, text, quantity, reading, found, number, made, state) -> _Claim | None:
        """Return the claim a whole is restating when a part follows it: "из 111 погибших 35 были военными"."""
        if number + 1 >= len(found) or found[number + 1].start - reading.noun_end > 3:
            return None
        if not _WHOLE_BEFORE.search(lowered(text), max(0, quantity.start - 12), quantity.start):
            return None
        value = quantity.min if quantity.min is not None else quantity.max
        for claim in reversed([*self.previous, *state.claims, *made]):
            candidate = claim.candidate
            if claim.total and value in (candidate.min, candidate.max):
                return claim
        return None

    def _elliptical(self, text, quantity, made, state) -> tuple[str | None, str]:
        """Return the kind of a count whose noun is left out: "…, ще три — у Балаклії", "таких місць чотири"."""
        low = lowered(text)
        start = clause_of(clauses(low), quantity.start)[0]
        if not _ELLIPSIS_BEFORE.search(low[start : quantity.start]):
            return None, ""
        before = made or state.claims or self.previous
        return (before[-1].candidate.kind, "ellipsis") if before else (None, "")

    def _mentioned(self, reference, at: int) -> Speaker | None:
        """Resolve "she says" or a bare surname no speaker named so far answers to, from the people the text names."""
        if reference.how == "pronoun":
            found = mentions.named_before(self.text, at)
        elif reference.speaker.name in self.not_named_in_full:
            return None
        else:
            found = mentions.named_in_full(self.text, reference.speaker.name, at)
            if found is None:
                self.not_named_in_full.add(reference.speaker.name)  # a long text: look once per surname
        return self.book.resolve(Reference(found, "named", 0, 0)) if found is not None else None

    def _total(self, claims: list[_Claim], position: int, quantity, kind: str | None) -> _Claim | None:
        value = quantity.max if quantity.max is not None else quantity.min
        for seen, claim in enumerate(reversed(claims)):
            if position - claim.sentence > BREAKDOWN_REACH or seen > 20:
                break
            ceiling = claim.candidate.max if claim.candidate.max is not None else claim.candidate.min
            if not claim.total or (kind and claim.candidate.kind not in totals_of(kind)):
                continue
            if claim.candidate.min is not None and value is not None and ceiling is not None and value >= ceiling:
                continue
            return claim
        return None

    def _regional(self, speaker: Speaker, index: int, position: int) -> Speaker:
        """Name "the regional police" after the oblast the text is about, when the text says which."""
        if not regional(speaker.name, "x"):
            return speaker
        oblast = self.places.oblast_near(index, position)
        name = regional(speaker.name, oblast["name"] if oblast else None)
        return Speaker(name, None, institution=True) if name else speaker

    def _statement_date(self, text: str, speaker: Speaker | None, index: int) -> datetime.date | None:
        """The date a sentence naming a speaker dates their statement by, else the date they spoke on just before."""
        found = self._date(text)
        if speaker is None or not speaker.name:
            return found
        if found is None:
            said = self._stated(speaker, index)
            if said is not None and speaker.name in self.stated:
                self.stated[speaker.name] = (said, index)  # named again: their date reaches one paragraph further
            return said
        self.stated[speaker.name] = (found, index)
        return found

    def _statement_dated(self, text: str, state: _Paragraph, index: int) -> None:
        """Date the statement of the last speaker quoted, from "The statement was published on 5 October 2022"."""
        date = self._date(text)
        claims = [*self.previous, *state.claims]
        speaker = next((c.candidate.attributed_to for c in reversed(claims) if c.candidate.attributed_to), None)
        if date is None or speaker is None or not speaker.name:
            return
        self.stated[speaker.name] = (date, index)
        for claim in claims:
            if claim.candidate.attributed_to == speaker and claim.candidate.date is None:
                claim.candidate.date = date

    def _stated(self, speaker: Speaker | None, index: int) -> datetime.date | None:
        """The date ``speaker`` spoke on in this paragraph or the one before, else their document's date."""
        if speaker is None or not speaker.name:
            return None
        said = self.stated.get(speaker.name)
        if said is not None and index - said[1] <= STATEMENT_REACH:
            return said[0]
        return self.document_date if speaker == self.document_speaker else None

    def _first_date(self, lines: list[segment.Paragraph | None]) -> datetime.date | None:
        """The first date of a document's title or signature: "Statement of the Office …, 14 October 2022"."""
        for line in lines:
            found = dates.find_date(line.text, self.language, self.published) if line else None
            if found:
                return found[0]
        return None

    def _date(self, text: str) -> datetime.date | None:
        if text is not self._dated_text:  # a sentence's date is asked for by its speaker and by its claims
            found = dates.find_date(text, self.language, self.published)
            self._dated_text, self._dated = text, found[0] if found else None
        return self._dated

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


def _attribute_backward(claims: list[_Claim], position: int, speaker: Speaker | None, date) -> None:
    """Give the claims before "Про це 23 вересня повідомив X" their speaker, and its date where they have none.

    A breakdown keeps the date of its total ("Станом на 19 вересня … 146 тіл. З них 129 — цивільні.").
    """
    reached = []
    for claim in reversed(claims):
        if position - claim.sentence > LOOK_BACK:
            break
        if claim.candidate.attributed_to is None or _unnamed(claim.candidate.attributed_to, speaker):
            reached.append(claim)
    for claim in reversed(reached):  # totals before their breakdowns
        claim.candidate.attributed_to = speaker
        if not claim.date_known:
            parent = claim.parent
            same_voice = parent is not None and parent.candidate.attributed_to == speaker
            claim.candidate.date = (parent.candidate.date if same_voice else None) or date


def _unnamed(said_by: Speaker, named: Speaker | None) -> bool:
    """Say whether a group that did something ("прокурори та слідчі задокументували") gives way to who reported it."""
    return named is not None and named.name is not None and said_by.institution and not said_by.name[:1].isupper()


def _unresolved(reference: Reference, speaker: Speaker | None) -> bool:
    """Say whether "she says" or a bare surname found nobody named before to stand for."""
    if reference.how == "pronoun":
        return speaker is None
    return reference.how == "surname" and speaker is not None and speaker.name == reference.speaker.name
