"""When a speaker said what they said: the date of a sentence, of a speaker's statement, of a whole document.

A claim is dated by its sentence, else by its speaker: the date of the sentence naming them, else the date they
were named with in this paragraph or the two before (``STATEMENT_REACH``), else the date in the title or signature
of a document they speak for. "The statement was published on 5 October 2022" dates the last speaker's claims.
"""

from __future__ import annotations

import datetime
import re

from . import dates
from .lexicon.loading import alternation, entries
from .segment import Paragraph
from .speakers import Speaker

#: A speaker named again keeps the date they spoke on in the paragraph that dated it and this many after (the
#: development sets' labels carry a statement's date on over the next paragraphs of its report).
STATEMENT_REACH = 2
#: A date a sentence naming a speaker gives this long before the day they are known to have spoken on is an
#: event's ("5 березня 2022 року екіпаж обстріляв …" in a statement of 19 February 2026), not their statement's.
EVENT_GAP = datetime.timedelta(days=14)
#: A date starting this far into a paragraph's first sentence opens the paragraph ("У ніч на 10 лютого …").
OPENING_REACH = 20
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


#: A briefing or press conference, where several speak on one day: "відбувся брифінг", "at a joint briefing".
_OCCASION = re.compile(rf"(?<!\w)(?:{alternation('statement_dated', 'occasions')})(?!\w)", re.I)
_HELD = re.compile(rf"(?<!\w)(?:{alternation('statement_dated', 'occasion_held')})(?!\w)", re.I)


#: Before a date that ends a title and so dates the whole text: "НЕДЕЛЯ В РЕГИОНАХ: 10–16 НОЯБРЯ", "Обстріли за
#: 22 листопада", "ОБСТРЕЛЫ С 3 ПО 9 ИЮНЯ", "WEEK IN REVIEW | 20–26 October".
_TITLE_DATE_BEFORE = re.compile(
    rf"(?:[:|—–-]|\d\s*(?:{alternation('dates', 'to')})|(?<!\w)(?:{alternation('dates', 'title_for')}))\s*$", re.I
)  # "to" only ends a period ("з 3 по 9 червня"), not a deadline ("продовжили до 15 травня")
_TITLE_DATE_AFTER = re.compile(r"[\W\d_]*")
#: "As of 31 January", "станом на 31 січня", "по состоянию на 31 января": figures given as of a day.
_AS_OF = re.compile(rf"(?<!\w)(?:{alternation('attribution', 'as_of')})\s+\S*\d", re.I)
#: "Минулої доби, 18 листопада, …": the day a post's figures are for.
_PAST_DAY = re.compile(rf"(?<!\w)(?:{alternation('statement_dated', 'past_day')})", re.I)


def dates_statement(text: str) -> bool:
    """Say whether a sentence may date the statement itself ("The statement was published on …")."""
    return _STATEMENT_DATED.search(text) is not None


class StatementDates:
    """The dates of one document's sentences and of its speakers' statements."""

    def __init__(self, language: str, published: datetime.date | None):
        self.language, self.published = language, published
        #: The date each speaker (by name) last stated something on, and the paragraph that said so.
        self.stated: dict[str, tuple[datetime.date, int]] = {}
        #: Who speaks in a whole document ("Statement of the Office …"), and the date in its title or signature.
        self.document_speaker: Speaker | None = None
        self.document_date: datetime.date | None = None
        self._dated_text: str | None = None
        self._dated: list[tuple[datetime.date, int, int]] = []
        #: The day of the briefing the text reports, if a sentence dates one: its speakers spoke on that day.
        self.occasion: datetime.date | None = None

    def of_document(self, speaker: Speaker | None, lines: list[Paragraph | None], closing=None) -> None:
        """Remember who speaks in the whole document, dated by the first date of its title or signature; a date in its
        ``closing`` line (the signature) is the day its "yesterday" and weekdays are read from."""
        self.document_speaker = speaker
        if speaker is not None and (speaker.name or speaker.role):
            self.document_date = self._first_date(lines)
        if self.document_date is not None and self._first_date([closing]) == self.document_date:
            self.published = self.document_date  # "Вчора ввечері …" in a statement signed 11.03.2024: the 10th

    def sentence(self, text: str) -> datetime.date | None:
        """Return the date a sentence states, or None."""
        found = self._dates(text)
        return found[0][0] if found else None

    def _dates(self, text: str) -> list[tuple[datetime.date, int, int]]:
        """A sentence's dates with their spans, found once: asked for by its speaker and by its claims."""
        if text is not self._dated_text:
            self._dated_text, self._dated = text, list(dates.all_dates(text, self.language, self.published))
        return self._dated

    def said(self, text: str, speaker: Speaker | None, index: int, span: tuple[int, int] = (0, 0)
             ) -> datetime.date | None:
        """The date a sentence naming a speaker (at ``span``) dates their statement by: the one beside their name
        ("… on Tuesday evening, killing three, the administration said on Wednesday"), else the sentence's; else
        the date they spoke on just before."""
        found = dates.nearest(self._dates(text), *span)
        found = found[0] if found else None
        if speaker is None or not speaker.name:
            return found
        known = self.stated_by(speaker, index)
        if found is None or known is not None and found < known - EVENT_GAP:
            # "За даними прокуратури, 5 березня 2022 року екіпаж обстріляв …" after the office spoke on 19 February
            # 2026: a date long before the one they spoke on is the event's, not their statement's
            if known is not None and speaker.name in self.stated:
                self.stated[speaker.name] = (known, index)  # named again: their date reaches one paragraph further
            return known or self.occasion
        self.stated[speaker.name] = (found, index)
        return found

    def occasion_of(self, text: str, speaker: Speaker | None = None) -> None:
        """Remember the day of a briefing a sentence dates ("У середу, 12 лютого, відбувся брифінг", "Руководители
        служб в субботу провели совместный брифинг"): every speaker named after it spoke on that day. A briefing of
        one person's ("Filashkin said at a news conference on 29 June") dates only theirs."""
        personal = speaker is not None and speaker.name and not speaker.institution
        if self.occasion is None and not personal and _OCCASION.search(text) and _HELD.search(text):
            self.occasion = self.sentence(text)

    def stated_by(self, speaker: Speaker | None, index: int) -> datetime.date | None:
        """The date ``speaker`` spoke on in this paragraph or the two before, else their document's date."""
        if speaker is None or not speaker.name:
            return None
        said = self.stated.get(speaker.name)
        if said is not None and index - said[1] <= STATEMENT_REACH:
            return said[0]
        return self.document_date if speaker == self.document_speaker else None

    def dates_document(self, text: str, speaker: Speaker | None, date: datetime.date | None, made: bool) -> None:
        """Date a whole document by the sentence naming its speaker when that sentence dates their statement: it
        makes no claim of its own ("Місія 9 січня оприлюднила оновлення") or gives the figures as of a day or for
        a day ("станом на 20 вересня", "Минулої доби, 18 листопада, окупанти завдали …"); with no
        ``date``, the sentence's own."""
        date = date or self.sentence(text)
        if date is None or speaker is None or speaker != self.document_speaker or self.document_date is not None:
            return
        if not made or _AS_OF.search(text) or _PAST_DAY.search(text):
            self.document_date = date

    def date_paragraph(self, sentences: list, claims: list, attributed: set[int]) -> None:
        """In a body's own statement or post, a date that opens a paragraph ("9 лютого близько 14:20 …", "У ніч на 10
        лютого окупанти …") is the day of the event the paragraph tells: its claims that nothing in their own
        sentence dates, said by nobody named there, take it."""
        if self.document_speaker is None:
            return  # a news report: an event's day dates no other sentence of an undated statement
        found = self._dates(sentences[0].text) if sentences and claims else []
        if not found or found[0][1] > OPENING_REACH:
            return
        for claim in claims:
            if not claim.date_known and claim.sentence > 0 and claim.sentence not in attributed:
                claim.candidate.date = found[0][0]

    def statement_dated(self, text: str, claims: list, index: int) -> None:
        """Date the statement of the last speaker quoted in ``claims``, from "The statement was published on …"."""
        date = self.sentence(text)
        speaker = next((c.candidate.attributed_to for c in reversed(claims) if c.candidate.attributed_to), None)
        speaker = speaker or self.document_speaker  # "Такі дані наводяться в огляді, оприлюдненому 15 липня" first
        if date is None or speaker is None or not speaker.name:
            return
        self.stated[speaker.name] = (date, index)
        if speaker == self.document_speaker and self.document_date is None:
            self.document_date = date
        for claim in claims:
            if claim.candidate.attributed_to == speaker and claim.candidate.date is None:
                claim.candidate.date = date

    def date_by_document(self, claims: list, cited: bool = False) -> None:
        """Date the claims nothing else dates by the date of a document that has a speaker of its own and a date
        line ("Kyiv, 18 October 2024"): a witness quoted in a dated report speaks on the report's date. Not a news
        report whose headline only cites a body ("Місія ООН: …"): the others it quotes spoke when they spoke."""
        dated = self.document_speaker is not None and self.document_date is not None and not cited
        for claim in claims if dated else ():
            claim.date = claim.date or self.document_date

    def date_by_title(self, claims: list, headline: list[Paragraph]) -> None:
        """Date the claims nothing else dates by the date (or the end of the period) the title ends with."""
        titled = self.of_title(headline)
        for claim in claims if titled else ():
            claim.date = claim.date or titled

    def of_title(self, headline: list[Paragraph]) -> datetime.date | None:
        """The date (or the end of the period) a title ends with, which dates every claim of the text that nothing
        else dates: a digest "НЕДЕЛЯ В РЕГИОНАХ: 10–16 НОЯБРЯ", "Обстріли Сумщини за 22 листопада"."""
        for line in headline[:2]:
            text = line.text.strip()
            found = dates.find_date(text, self.language, self.published)
            if found and _TITLE_DATE_BEFORE.search(text, 0, found[1]) and _TITLE_DATE_AFTER.fullmatch(text, found[2]):
                return found[0]
        return None

    def _first_date(self, lines: list[Paragraph | None]) -> datetime.date | None:
        """The first date of a document's title or signature: "Statement of the Office …, 14 October 2022"."""
        for line in lines:
            found = dates.find_date(line.text, self.language, self.published) if line else None
            if found:
                return found[0]
        return None
