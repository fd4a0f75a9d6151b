"""Who speaks for a whole document: its title, a short opening line giving the words to someone, an opening
saying a body made the text or compiled it from its reports, or a signature; and the bodies its headline names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import attribution, segment
from .lexicon.loading import alternation
from .mentions import named_in_full
from .speakers import Reference, Speaker, institution, parse

if TYPE_CHECKING:
    from .resolution import SpeakerBook

#: An opening line longer than this is a paragraph of the text, not a line giving the words to someone.
OPENING_LIMIT = 200
_DIGIT = re.compile(r"[0-9]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
#: Verbs by which a body says it made the text that follows: "опублікувала", "завершила серію інтерв'ю", "published".
_AUTHORED = re.compile(rf"(?i)(?<!\w)(?:{alternation('attribution', 'authored')})(?!\w)")
#: A text's word for itself: "огляд", "digest", "сводка" (a digest "складено за повідомленнями ОВА" is the body's).
_DOCUMENT_NOUN = re.compile(rf"(?i)(?<!\w)(?:{alternation('statement_dated', 'nouns')})(?!\w)")


def document_speaker(book: SpeakerBook, lines: list, signature, opening=None) -> Speaker | None:
    """Return who speaks in a whole document: a title "Statement of …", a first line naming a body ("Офіс
    Генерального прокурора: …", "Херсонская областная прокуратура информирует."), a signature, or a short opening
    line under the title that gives the words to someone ("Иван Федоров, глава Запорожской ОВА: ситуация по
    состоянию на 08:00 18 марта")."""
    if gives_words(opening):
        return book.resolve(attribution.colon_speaker(opening.text))
    author = authored_by(opening)
    title = None  # "Statement of the Ombudsman": a title only, which a signature may name
    for line in lines:
        reference = attribution.headline_speaker(line.text) if line else None
        if reference is None and line is not None and line is not signature:
            # "Офіс Генерального прокурора: у Харкові …", "На Харківщині загинули троє, – Синєгубов"
            reference = attribution.colon_speaker(line.text) or attribution.dash_speaker(line.text)
        if reference is None and line is not None and not _DIGIT.search(line.text) and announces(line.text):
            said = attribution.find(line.text)  # "Херсонская областная прокуратура информирует."
            named = said.reference.how == "named" and said.reference.speaker
            reference = said.reference if named and said.reference.speaker.institution else None
        if reference and reference.speaker is not None and not reference.speaker.name and title is None:
            title = reference
        elif reference:
            return book.resolve(reference)
    if author is not None and title is None:
        return book.resolve(author)  # "Харківська правозахисна група завершила серію інтерв'ю …": the group's text
    return book.resolve(title) if title is not None else None


def signature(paragraphs: list):
    """Return a document's closing paragraph when it may be a signature: a heading-like line, or two short lines
    with no closing full stop ("Dmytro Lubinets,\nUkrainian Parliament Commissioner for Human Rights")."""
    if len(paragraphs) <= 2:
        return None
    last, before = paragraphs[-1], paragraphs[-2]
    if before.heading and last.source.count("\n", before.end, last.start) == 1 and len(before.text) <= OPENING_LIMIT \
            and not _DIGIT.search(before.text):
        last = segment.Paragraph(before.start, last.end, last.source, True)  # "Вадим Филашкин\nНачальник … ОВА"
    text = last.text.strip()
    short = len(text) <= OPENING_LIMIT and text.count("\n") <= 2 and not text.endswith((".", "!", "?", "…", ":"))
    return last if last.heading or short else None


def cites(headline: str) -> bool:
    """Say whether a headline opens with who said what follows its colon: "Прокурори Харківщини: …", "Місія ООН:
    …" (a news report on what they said, not their own document)."""
    head, colon, rest = headline.partition(": ")
    if attribution.dash_speaker(headline) is not None:
        return True  # "На Харківщині загинули троє, – Синєгубов"
    return bool(colon and rest.strip()) and len(head.split()) <= 6 and parse(head) is not None


def gives_words(opening) -> bool:
    """Say whether a document's short opening line gives its words to someone: "Иван Федоров, глава ОВА: …"."""
    if opening is None or len(opening.text) > OPENING_LIMIT or "\n" in opening.text.strip():
        return False
    reference = attribution.colon_speaker(opening.text)
    return reference is not None and reference.speaker is not None and bool(reference.speaker.name)


_ANNOUNCEMENT_REST = re.compile(r"\s*[^\W\d]+\s*[.:!]?\s*")


def authored_by(opening) -> Reference | None:
    """Return the body whose text this is when the opening sentence says it made it ("Харківська правозахисна
    група завершила першу серію інтерв'ю …", "Харьковская правозащитная группа 2 марта опубликовала …") or that the
    text is compiled from its reports ("Огляд складено за повідомленнями Сумської ОВА."), or None."""
    if opening is None or len(opening.text) > OPENING_LIMIT * 3:
        return None
    first = _SENTENCE_END.split(opening.text.strip(), 1)[0]
    if _DOCUMENT_NOUN.search(first) and not _DIGIT.search(first):  # "Огляд складено за даними Сумської ОВА."
        body = _body_named(first)
        if body is not None:
            return body
    verb = _AUTHORED.search(first)
    reference = attribution.speaker_before(first[: verb.start()]) if verb else None
    named = reference is not None and reference.speaker is not None and reference.speaker.name
    return reference if named and reference.speaker.institution and not first[: reference.start].strip() else None


def announces(sentence: str) -> bool:
    """Say whether a sentence only says who reports what follows ("Херсонська обласна прокуратура повідомляє."):
    the speaker from its first word, then a reporting verb and nothing else."""
    found = attribution.find(sentence)
    return found is not None and not sentence[: found.reference.start].strip() and _ANNOUNCEMENT_REST.fullmatch(
        sentence, found.reference.end) is not None




@dataclass(frozen=True)
class DocumentVoice:
    """Who speaks for a whole document, and the lines that may date everything it says."""

    speaker: Speaker | None
    #: A news report on what a body its headline cites said ("Прокурори Харківщини: …", "Місія ООН: …").
    cited: bool
    dating_lines: list
    #: The signature, if the document has one ("Відділ комунікації ГУНП …\n11.03.2024").
    closing: object = None


def read(book: SpeakerBook, paragraphs: list, headline: list) -> DocumentVoice:
    """Read who speaks for a whole document from its headline, opening line and signature; remember the bodies its
    headline names, whom "the police" in its text may mean ("Полиция Донетчины документирует …")."""
    closing = signature(paragraphs)
    opening = paragraphs[len(headline)] if len(paragraphs) > len(headline) + 1 else None
    if not headline and not (opening and (opening.text.rstrip().endswith(":") or authored_by(opening))):
        opening = None  # with no headline, only a line giving the words ("Іван Федоров, голова ОВА:") or a digest's
        # source ("Наш огляд складено за повідомленнями ОВА.") opens
    bodies = []
    for line in headline:
        head = line.text.partition(":")[0]
        named = parse(head) if institution(head) else None  # a body of speakers.yaml, not "«Нас били…»: …"
        if named is not None and named.how == "named" and named.speaker and named.speaker.institution:
            bodies.append(book.resolve(named))
    speaker = document_speaker(book, [*headline[:1], closing], closing, opening) or (bodies[0] if bodies else None)
    if speaker is not None and speaker.name and not speaker.institution and " " not in speaker.name and headline:
        # "…, – Клименко": the person the text names in full ("Ігор Клименко")
        speaker = book.resolve(Reference(named_in_full(headline[0].source, speaker.name, headline[-1].end) or speaker,
                                         "named", 0, 0))
    said = speaker is not None and (gives_words(opening) or authored_by(opening))
    if speaker is None and any(_DOCUMENT_NOUN.search(line.text) for line in headline):
        speaker = said = _reporting_body(book, opening)  # "…: обновление за октябрь" / "Миссия ООН подтвердила …"
    cited = bool(speaker and closing is None and headline and cites(headline[0].text))
    return DocumentVoice(speaker, cited, [*headline, closing, opening if said else None], closing)


def _reporting_body(book: SpeakerBook, opening) -> Speaker | None:
    """The body the first sentence of a document titled as one ("Protection of Civilians — Monthly Update") says
    reported its figures: the document is that body's."""
    if opening is None or len(opening.text) > OPENING_LIMIT * 3:
        return None
    body = _body_named(_SENTENCE_END.split(opening.text.strip(), 1)[0])
    return book.resolve(body) if body is not None else None


def _body_named(sentence: str) -> Reference | None:
    """The body a sentence attributes its content to by name ("Місія ООН підтвердила …", "за даними ОВА"), or None."""
    said = attribution.find(sentence)
    named = said is not None and said.reference.how == "named" and said.reference.speaker
    return said.reference if named and said.reference.speaker.institution else None
