"""Run the rules over a text: paragraphs, sentences, quantities, kinds, speakers, places, dates, opinions."""

from __future__ import annotations

import datetime

from . import attribution, documents, opinions, segment, wider
from .bounds import quantities
from .breakdowns import (
    FoundClaim,
    ParagraphState,
    attribute_backward,
    carries_bound,
    elliptical,
    gapped,
    last_qualifiers,
    restated,
    total_for,
)
from .casualties import split_casualties
from .claimkinds import KIND_QUALIFIERS, OBJECT_KINDS, PEOPLE_KINDS, SITE_KINDS, part_of
from .discounted import discounted
from .items import date_items, heading_kind, lead_claims
from .kinds import coordinated, decide, kind_qualifiers
from .language import LANGUAGES, detect
from .lexicon import lowered
from .listed import UNSET as _UNSET
from .listed import ListedClaims
from .numbers import find_numbers
from .parts import part_of_nothing, share_status_back
from .placing import LOOK_BACK, PlaceChooser
from .reading import read
from .repeats import ClaimSet, restated_headlines
from .resolution import SpeakerBook
from .result import ClaimCandidate, ExtractionResult, OpinionSpan
from .sites import SingleSites, worth_reading
from .situating import Situating
from .statements import StatementDates, dates_statement
from .voices import Voices

#: How many claims of a signed document a line dating "the statement" may date (memory stays bounded).
FOUND_LIMIT = 10_000


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


class _Reader(ListedClaims, SingleSites, Voices, Situating):
    def __init__(self, text: str, language: str, published, gazetteer):
        self.text, self.language, self.published = text, language, published
        self.paragraphs = segment.paragraphs(text)
        self.book = SpeakerBook()
        self.claims = ClaimSet()
        self.opinions: list[OpinionSpan] = []
        self.dates = StatementDates(language, published)
        first = next((i for i, paragraph in enumerate(self.paragraphs[:5]) if not paragraph.heading), None)
        self.headline = self.paragraphs[:5][:first]  # the heading lines it opens with
        self.places = PlaceChooser(text, self.paragraphs, self.headline, gazetteer, language)
        #: The claims of the paragraph before, for a breakdown that opens the next one ("Of those killed, ...").
        self.previous: list[FoundClaim] = []
        self.previous_length = 0
        self.previous_excluded: list[tuple[int, int]] = []
        #: A speaker whose paragraph ends "… said:", with their date and that paragraph: the next one is theirs.
        self.introduced: tuple | None = None
        self.lead: tuple | None = None  # a paragraph ending with a colon and its claims: a list below breaks them down
        #: The speaker in force at the end of the last paragraph read, their date and that paragraph.
        self.carried: tuple | None = None
        #: The claims found so far, in a document with a speaker of its own (a dating line may date them all).
        self.found: list[FoundClaim] = []
        self.before_previous: list[list[FoundClaim]] = []  # the claims of the paragraph before the one before
        #: The claims of the paragraph before that took the voice of the one before it.
        self.carried_to: list[FoundClaim] = []
        #: Bare surnames no full name was found for near where they were first met.
        self.not_named_in_full: set[str] = set()
        #: Who speaks in a whole document titled "Statement of the Office of the Prosecutor General" or signed, and
        #: whether it is a news report on what a body its headline cites said ("Прокурори Харківщини: …").
        document = documents.read(self.book, self.paragraphs, self.headline)
        self.document_speaker, self.cited = document.speaker, document.cited
        self.dates.of_document(self.document_speaker, document.dating_lines, document.closing)

    def run(self) -> ExtractionResult:
        for index, paragraph in enumerate(self.paragraphs):
            if (signs := opinions.any_sign(paragraph.text)) or worth_reading(paragraph.text):
                self._paragraph(index, paragraph, signs)
            else:
                self.dates.occasion_of(paragraph.text)  # "Officials gave figures at a briefing on Thursday"
        claims = wider.fill_places(wider.inherit_qualifiers(split_casualties(self.claims.result())))
        if self.headline:
            claims = restated_headlines(claims, self.headline[-1].end)
            self.dates.date_by_title(claims, self.headline)
        self.dates.date_by_document(claims, self.cited)  # a dated document dates every claim nothing else dates
        date_items(claims, self.paragraphs, self.places.runs)  # "По громадам:" under a dated total: its parts
        return ExtractionResult(self.language, claims, self.opinions)

    def _paragraph(self, index: int, paragraph: segment.Paragraph, signs: bool) -> None:
        state = ParagraphState()
        if self.introduced is not None and self.introduced[2] == index - 1:
            state.speaker, state.date = self.introduced[:2]  # "Синегубов сообщил в Telegram:" then the figures
        self._opening_voice(index, paragraph, state)
        sentences = segment.sentences(paragraph)
        flags, bearing = [], []
        attributed: set[int] = set()  # sentences that name someone who says something, resolved or not
        for position, sentence in enumerate(sentences):
            found = attribution.find(sentence.text)
            if found is not None:
                attributed.add(position)
            if found is None and paragraph.heading:
                heading = attribution.colon_speaker(sentence.text) or attribution.dash_speaker(sentence.text)
                found = attribution.Attribution(heading) if heading else None
            statement_date = None
            if found:
                reference = found.reference
                state.excluded.append((sentence.start + reference.start, sentence.start + reference.end))
                speaker = self.book.resolve(reference)
                speaker = self._pronoun(reference, speaker, sentences, position)
                if speaker is not None and speaker.institution and reference.how == "generic":
                    speaker = self._regional(speaker, index, position)
                statement_date = self.dates.said(sentence.text, speaker, index, (reference.start, reference.end))
                if found.backward:
                    self._said_before(index, position, sentences, state, speaker, statement_date)
                self._quoted_before(position, sentences, state, (reference, speaker, statement_date))
                if speaker is not None or reference.how != "pronoun" or self.unnamed:
                    state.speaker, state.date, state.named_in = speaker, statement_date, position
            strong = signs and opinions.is_strong(sentence.text)
            made = [] if strong else self._sentence(index, position, sentence, state)
            if found or self.document_speaker is not None:  # "Місія 9 січня оприлюднила …", "По состоянию на …"
                self.dates.dates_document(sentence.text, state.speaker or self.document_speaker,
                                          statement_date if found else None, bool(made) or not found)
            if not found and not made and dates_statement(sentence.text):
                self._statement_dated(sentence.text, state, index)  # "The statement was published on 18 March"
            self.dates.occasion_of(sentence.text, state.speaker if found else None)
            flags.append(strong or (signs and not made and opinions.is_weak(sentence.text)))
            bearing.append(bool(made))
            if len(state.claims) > 200:
                # A paragraph of thousands of sentences: only the last few can still be a total or be
                # attributed backwards, so the others are kept as found and memory stays flat.
                keep = [c for c in state.claims if position - c.sentence <= LOOK_BACK]
                for claim in state.claims[: len(state.claims) - len(keep)]:
                    self.claims.add(claim.candidate)
                state.claims = keep
        if state.speaker is not None and state.named_in > 0 and self._said_the_figures_before(index, state, bearing):
            # "The strikes damaged 11 houses. In Kherson, an ambulance was damaged, Prokudin said.": a speaker named
            # later in the paragraph with figures of their own reported the unattributed figures before too
            earlier = [claim for claim in state.claims if claim.sentence < state.named_in
                       and claim.sentence not in attributed]
            attribute_backward(earlier, state.named_in, LOOK_BACK, state.speaker, state.date)
        self.dates.date_paragraph(sentences, state.claims, attributed)  # "9 лютого … атакували. Загинули двоє"
        self._hands_on(index, paragraph, sentences, state)  # "… сообщил в Telegram:", "… загинули троє:" / a list
        runs = opinions.spans(flags, bearing)
        flagged = sum(flags)
        if len(sentences) >= 3 and flagged * 3 >= len(sentences) * 2:
            runs, state.claims = [(0, len(sentences) - 1)], []  # an opinion paragraph: nothing in it is a claim
        for first, last in runs:
            self.opinions.append(OpinionSpan(sentences[first].start, sentences[last].end))
        self._remember_person(state, paragraph)
        self._carry_over(index, paragraph, state)
        for claim in state.claims:
            self.claims.add(claim.candidate)
        if self.document_speaker is not None and len(self.found) < FOUND_LIMIT:
            self.found.extend(state.claims)
        self.before_previous = [self.previous] if self.previous else []
        self.previous, self.previous_length = state.claims, len(sentences)
        self.previous_excluded = state.excluded
        if index >= len(self.headline):
            self.paragraphs[index - 1].sentences = []  # read; only this paragraph's are needed next

    def _sentence(self, index: int, position: int, sentence: segment.Sentence, state: ParagraphState
                  ) -> list[FoundClaim]:
        text = sentence.text
        found = quantities(text, find_numbers(text))
        made: list[FoundClaim] = []
        sentence_date = _UNSET
        previous_end = 0  # where the words of the quantity before end: a verb there is not this one's
        whole = None  # "из 111 погибших 35": the whole named again, total of the number after it
        distributed: set[int] = set()  # numbers that are parts of a total broken down across places
        if len(found) > 1:
            made.extend(self._distribute_continued(position, sentence, found, state, distributed))
        for number, quantity in enumerate(found):
            if number in distributed:
                continue
            limit = found[number + 1].start if number + 1 < len(found) else len(text)
            reading = read(text, quantity, limit)
            between = (previous_end, limit)
            previous_end = max(quantity.end, reading.noun_end if reading else 0)
            if reading is None or attribution.speaks(text, reading.noun_end) or part_of_nothing(
                    made, found, number, reading.linked, text):
                continue  # "two former detainees said": the speakers; "evacuated 163, including 27 children"
            if discounted(text, quantity.start, quantity.end, people=reading.kind not in SITE_KINDS):
                continue  # "earlier reports of 39 dead", "вдалося повернути 371 дитину"
            if whole is not None:
                total, whole, reading.linked = whole, None, True
            else:
                total = total_for(made, position, quantity, reading.group_kind) or total_for(
                    state.claims, position, quantity, reading.group_kind
                )
            if total is not None and reading.person and total.candidate.kind not in PEOPLE_KINDS:
                total = None  # "4 cars burned down. One man was wounded": people are no part of a count of things
            if total is not None and reading.rule == "site_where" and reading.linked:
                reading = read(text, quantity, limit, places_of_them=False)  # "95 полонених, у 40 з них …": people
                if reading is None:
                    continue
            if total is None and position == 0 and (lead := lead_claims(self.lead, self.places, index)):
                total = total_for(lead, lead[-1].sentence, quantity, reading.group_kind)  # "▪️ у Куп'янську — двоє"
            elif total is None and position == 0 and reading.linked:
                total = total_for(self.previous, self.previous_length, quantity, reading.group_kind)
                if total is not None and reading.person and total.candidate.kind not in PEOPLE_KINDS:
                    total = None  # "… 4 outbuildings damaged. | 17 evacuated, 3 of them children": no part of them
            last = made[-1] if made and made[-1].quantity is found[number - 1] else None
            if total is None and last is not None and last.parent is not None and coordinated(
                text, last.noun_end, quantity.start
            ):
                total = last.parent  # "215 of the dead were women and 194 were men": both break down the 447
            following = found[number + 1] if number + 1 < len(found) else None
            again = restated(text, quantity, reading.noun_end, following, self.previous, state.claims, made)
            if again is not None:
                whole = again
                continue
            gap = None if reading.kind is not None or reading.linked else gapped(
                text, quantity, made, self.places, sentence.start)
            if gap is not None:
                kind, rule, total = gap, "gapping", None  # "… in Pokrovsk and five in Myrnohrad": no part of the nine
            else:
                total_kind = total.candidate.kind if total else reading.thing and heading_kind(
                    self.paragraphs, self.places.runs, index) or None  # "Пошкоджено об'єкти:" / "▪️ шкіл — 12"
                kind, rule = decide(text, quantity, reading, total_kind, between)
                if kind is None and (reading.bare or reading.thing and self.asked in OBJECT_KINDS) and self.asked:
                    kind, rule = self.asked, "asked"  # "— Скільки обстрілів зазнала громада? — Понад 450."
            if kind is None and reading.bare:
                kind, rule = elliptical(text, quantity, made, state.claims, self.previous)
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
                if source.candidate.max is None and source.quantity.start < source.quantity.number.start and \
                        carries_bound(reading.thing):
                    high = None
                approximate = approximate or source.candidate.approximate
            if rule == "gapping" or last and reading.bare and coordinated(text, last.noun_end, quantity.start, True):
                # "four civilians … and two in Druzhkivka", "вбили 23 мирних мешканців і поранили 71": the noun
                qualifiers = {**last_qualifiers(made, all_of_them=rule == "gapping"), **qualifiers}
            share_status_back(last, kind, qualifiers, text, quantity.start)  # "181 загиблих і 741 поранених цивільних"
            if inherits and reading.linked and (not qualifiers or kind == total.candidate.kind):
                # a part keeps its total's qualifiers and adds its own ("183 civilians … including 12 children")
                qualifiers = {**total.candidate.qualifiers, **qualifiers}
            if sentence_date is _UNSET:
                sentence_date = self.dates.sentence(text)
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
                # "місць утримання цивільних": the civilians are not what is counted; a kind with qualifiers of its
                # own reads them ("14 homes": object home), else keeps the coordinated ones ("and 3 destroyed")
                noun = (quantity.start if reading.noun_start is None else reading.noun_start, reading.noun_end)
                own = kind_qualifiers(kind, lowered(text), noun)
                inherited = {key: value for key, value in qualifiers.items() if key in KIND_QUALIFIERS.get(kind, {})}
                candidate.qualifiers = own or inherited
            self._situate(candidate, index, position, sentence, (quantity, reading.noun_end), state,
                          total if inherits else None, sentence_date)
            dated = sentence_date is not None
            parent = total if inherits or rule == "breakdown" else None
            made.append(FoundClaim(candidate, position, rule != "breakdown", dated, quantity, reading.noun_end, parent))
            if parent is None and number + 1 < len(found):
                self._distribute(made, index, position, sentence, found, number, distributed, state)
            self._one_each(made, sentence)
        if OBJECT_KINDS:
            self._single_objects(index, position, sentence, state, made, sentence_date)
            self._more_of_the_same(made)
        self._single_people(index, position, sentence, state, made, sentence_date)
        self._single_sites(index, position, sentence, state, made, sentence_date)
        state.claims.extend(made)
        return made
