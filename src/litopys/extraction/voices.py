"""Who speaks: a speaker named only by a pronoun or a surname, "the regional police", an interview's voices, a
voice carried over paragraphs, and the words a claim quotes (a part of the engine's reader); who speaks for a whole
document is in ``documents``."""

from __future__ import annotations

import re

from . import documents, mentions, quotations, segment
from .breakdowns import attribute_backward
from .kinds import triggers
from .lexicon.loading import alternation
from .placing import LOOK_BACK
from .pronouns import allows, pronoun_sex, sex_of
from .regions import regional
from .speakers import Reference, Speaker, parse, speaks_for

#: Sentences longer than this are quoted only around the claim.
QUOTE_LIMIT = 400
#: A quotation closed before the words saying who spoke: '…," said', '», — розповів'.
_QUOTATION_SAID = re.compile(r"[»”\"]\s*[,—–-]|[,!?…][»”\"]\s")
#: A paragraph opening with the newsroom's reminder of earlier events ("Нагадаємо, …", "Напомним, …").
_REMINDER = re.compile(rf"(?i)\W*(?:{alternation('attribution', 'reminders')})(?!\w)")
#: A sentence about the talk itself dates an interview: "Разговор записан 13 октября", "The interview took place …".
_TALK = re.compile(rf"(?<!\w)(?:{alternation('attribution', 'talk')})(?!\w)", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
#: A closing line naming the one interviewed between the talk and its interviewer's verb.
_TALK_WITH = re.compile(rf"(?i)(?<!\w)(?:{alternation('attribution', 'talk_with')})\s+(.{{3,60}}?)\s+"
                        rf"(?:{alternation('attribution', 'talk_led')})(?!\w)")


_DASH_OPENING = re.compile(r"\s*[\u2013\u2014-]\s")
#: An interview's question or answer marked with a letter or word and a colon: "Q: …", "Відповідь: …".
_QUESTION_MARK = re.compile(rf"(?i)\s*(?:{alternation('attribution', 'question_marks')})\s*:\s")
_ANSWER_MARK = re.compile(rf"(?i)\s*(?:{alternation('attribution', 'answer_marks')})\s*:\s")


class Voices:
    """Methods of the engine's reader (``engine._Reader``) for who speaks and what a claim quotes."""

    #: The person last named as speaking, with their date and the paragraph naming them; and who answers in an
    #: interview (with the date they spoke on), once a question is met.
    last_person: tuple | None = None
    interviewee: tuple | None = None
    #: Where the last speaker a sentence named ends: a person named after it, without being quoted, is "he" now.
    spoke_at: int = 0
    #: Whether the last pronoun named someone the text does not name ("she" after men only).
    unnamed: bool = False
    #: The one kind an interviewer's question asks about: an answer's bare count is of it ("— Понад 450.").
    asked: str | None = None
    asking: str | None = None

    def _hands_on(self, index: int, paragraph, sentences: list, state) -> None:
        """Remember what a paragraph hands on to the next: the speaker it ends by giving the words to ("… сообщил в
        Telegram:", "Херсонська обласна прокуратура повідомляє.") and, when it ends with a colon, its claims, which a
        list below it breaks down ("На Харківщині загинули троє цивільних:" / "▪️ у Куп'янську — двоє чоловіків")."""
        ends_with_colon = bool(sentences) and sentences[-1].text.rstrip().endswith(":")
        said_last = state.speaker is not None and state.named_in == len(sentences) - 1
        announces = said_last and not state.claims and documents.announces(sentences[-1].text)
        self.introduced = (state.speaker, state.date, index) if (ends_with_colon or announces) and said_last else None
        if paragraph.text.rstrip().endswith(":"):
            self.lead = (index, state.claims)

    def _carried_from(self, index: int) -> tuple | None:
        """The voice the paragraph before ``index`` ended in (speaker, date, paragraph), if it was that one."""
        return self.carried if self.carried is not None and self.carried[2] == index - 1 else None

    def _opening_voice(self, index: int, paragraph, state) -> None:
        """Who speaks from a paragraph's start: an interviewee answering; the head of a body a news headline cites
        ("Прокурори Харківщини: …"), who spoke for it in the paragraph before, goes on speaking."""
        self._interview_voice(paragraph, state)
        carried = self._carried_from(index)
        if _REMINDER.match(paragraph.text):
            return  # "Нагадаємо, 14 травня …": the newsroom's own background
        if state.speaker is None and carried is not None and self.cited and speaks_for(carried[0],
                                                                                      self.document_speaker):
            state.speaker, state.date = carried[:2]

    def _said_the_figures_before(self, index: int, state, bearing: list[bool]) -> bool:
        """Say whether the speaker named later in a paragraph reported its unattributed figures before too: they
        give figures of their own there, or spoke at the end of the paragraph before ("… Filashkin said. | In
        Druzhkivka, a bomb killed three. The governor said …")."""
        carried = self._carried_from(index)
        return bearing[state.named_in] or carried is not None and carried[0] == state.speaker

    def _interview_voice(self, paragraph, state) -> None:
        """In an interview (questions and answers opening with a dash, after the one interviewed is named: "We
        spoke to Yevhen Yevtushenko … on 3 October", "нам рассказал глава громады Юрий Бидюк"), an answer is the
        interviewee's, on the day they spoke."""
        question = _QUESTION_MARK.match(paragraph.text)
        if not question and not _DASH_OPENING.match(paragraph.text) and not _ANSWER_MARK.match(paragraph.text):
            self.asked = None
            return
        if question or paragraph.text.rstrip().endswith("?") and not _ANSWER_MARK.match(paragraph.text):
            kinds = {kind for _, _, kind in triggers(paragraph.text)}  # "— Скільки обстрілів зазнала громада?"
            self.asking, self.asked = kinds.pop() if len(kinds) == 1 else None, None
            if self.interviewee is None and self.last_person is not None:
                speaker, date, introduced = self.last_person
                # "Разговор записан 13 октября в Лимане. Наш собеседник — …": the day of the talk, not of an event
                talk = next((part for part in _SENTENCE_END.split(introduced) if _TALK.search(part)), None)
                self.interviewee = (speaker, date or (self.dates.sentence(talk) if talk else None))
            elif self.interviewee is None:
                self.interviewee = self._closing_interviewee()  # "Розмову з Вадимом Філашкіним вів Андрій Гнатюк."
        else:
            self.asked = self.asking  # an answer: its bare count is of the kind asked about
            if self.interviewee is not None and state.speaker is None:
                state.speaker, state.date = self.interviewee

    def _closing_interviewee(self) -> tuple | None:
        """Return the one interviewed as the closing lines name them ("Розмову з Вадимом Філашкіним вів Андрій
        Гнатюк", "Беседу с Вадимом Филашкиным вела …"), with no date, or None."""
        for paragraph in self.paragraphs[-3:]:
            found = _TALK_WITH.search(paragraph.text)
            reference = parse(found.group(1), 0) if found else None
            if reference is not None and reference.speaker is not None and reference.speaker.name:
                return Speaker(reference.speaker.name, None), None
        return None

    def _remember_person(self, state, paragraph) -> None:
        if state.speaker is not None and state.speaker.name and not state.speaker.institution:
            self.last_person = (state.speaker, state.date, paragraph.text)

    def _pronoun(self, reference, speaker: Speaker | None, sentences: list, position: int) -> Speaker | None:
        """Resolve "he"/"за його даними" (or a bare surname) that no speaker named so far answers to from the people
        the text names; and "he" after sentences that name someone new without quoting them ("Слово взяв начальник
        КМВА Тимур Ткаченко. За його даними, …", "Місцевий мешканець Василь … копав ці могили. «…», — розповідає
        він") to that person, not the last one quoted, if the pronoun's sex allows."""
        if reference.how == "own_voice":
            return self.document_speaker  # "Ми фіксуємо…" in a body's own post
        sentence = sentences[position]
        spoke_at, self.spoke_at, self.unnamed = self.spoke_at, sentence.start + reference.end, False
        if unresolved(reference, speaker):
            return self._mentioned(reference, sentence.start + reference.start) or speaker
        if reference.how != "pronoun":
            return speaker
        wanted = pronoun_sex(sentence.text[reference.start : reference.end])
        found = mentions.named_in(self.text, max(spoke_at, sentence.start - mentions.REACH), sentence.start)
        if found is not None and (speaker is None or found.name != speaker.name) and allows(wanted, found):
            return self.book.resolve(Reference(found, "named", 0, 0))
        return self._of_sex(wanted, speaker) if speaker is not None else None

    def _of_sex(self, wanted: str | None, speaker: Speaker) -> Speaker | None:
        """The last person named whose first name is of the pronoun's sex ``wanted`` ("She said …" after Ivan Lytvyn
        and Laura Jenkins is Laura Jenkins), when the one it resolved to is of the other; nobody if none is (a woman
        the text did not name is no man it did)."""
        if allows(wanted, speaker):
            return speaker
        found = next((s for s in reversed(self.book.speakers) if not s.institution and sex_of(s) == wanted), None)
        self.unnamed = found is None  # the speaker in force speaks no more
        return found

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

    def _regional(self, speaker: Speaker, index: int, position: int) -> Speaker:
        """Name "the regional police" after the oblast the text is about, when the text says which."""
        if not regional(speaker.name, "x"):
            return speaker
        oblast = self.places.oblast_near(index, position)
        name = regional(speaker.name, oblast["name"] if oblast else None)
        return Speaker(name, None, institution=True) if name else speaker

    def _said_before(self, index: int, position: int, sentences: list, state, speaker: Speaker | None, date) -> None:
        """Attribute what came before a sentence that says who said it ("Про це повідомили в …"): the sentences just
        before it in its paragraph; when it opens a paragraph of no claims, the paragraph before too (even when the
        voice of the one before that had been carried over to it), a group that did the work two paragraphs back,
        and, as a document's closing line, every claim nobody was named for."""
        attribute_backward(state.claims, position, LOOK_BACK, speaker, date)
        before = self.paragraphs[index - 1].text.rstrip() if index else ""
        title = index <= len(self.headline) and not before.endswith(".")
        quoted = not title and _QUOTATION_SAID.search(sentences[position].text)
        if position != 0 or state.claims or quoted:
            return  # '"Three of us were beaten," said a former detainee': no word on the text before (but its title)
        for claim in self.carried_to:
            claim.candidate.attributed_to = None
        attribute_backward(self.previous, self.previous_length, LOOK_BACK, speaker, date)
        for claims in self.before_previous:
            attribute_backward(claims, 0, 0, speaker, date, only_unnamed=True)
        self._signs_off(index, sentences, speaker, date)

    def _statement_dated(self, text: str, state, index: int) -> None:
        """"The statement was published on 18 March 2025": a document with a speaker of its own is dated throughout,
        any other text in this paragraph and the one before."""
        earlier = self.found if self.document_speaker is not None else self.previous
        self.dates.statement_dated(text, [*earlier, *state.claims], index)

    def _quoted_before(self, position: int, sentences: list, state, said: tuple) -> None:
        """Give the sentences of a quotation that closes in this sentence, before it says who spoke («… six times. We
        moved the station twice», he told reporters), that speaker: the quotation is theirs, whoever spoke before."""
        reference, speaker, date = said
        opened = quotations.opened_before(sentences, position, reference.start) if speaker is not None else None
        for claim in state.claims if opened is not None else ():
            if opened <= claim.sentence < position:
                claim.candidate.attributed_to = speaker
                claim.candidate.date = claim.candidate.date if claim.date_known else date or claim.candidate.date

    def _signs_off(self, index: int, sentences: list, speaker: Speaker | None, date) -> None:
        """A document's last paragraph, one sentence saying who gave the information ("Інформацію оприлюднила
        обласна прокуратура."), speaks for every claim of the document no one was named for."""
        if speaker is None or index != len(self.paragraphs) - 1 or len(sentences) != 1:
            return
        for claim in self.claims.result():
            if claim.attributed_to is None:
                claim.attributed_to, claim.date = speaker, claim.date or date

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


#: After a speaker, a reporting verb and nothing else: "Херсонская областная прокуратура информирует."
def unresolved(reference: Reference, speaker: Speaker | None) -> bool:
    """Say whether "she says" or a bare surname found nobody named before to stand for."""
    if reference.how == "pronoun":
        return speaker is None
    return reference.how == "surname" and speaker is not None and speaker.name == reference.speaker.name
