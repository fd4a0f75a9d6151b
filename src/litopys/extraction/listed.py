"""Claims a sentence lists beside its numbered ones: the parts of a total given to places, a single object or person
named with no number, and a paragraph that goes on in the voice of the one before (a part of the engine's reader)."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from . import attribution, distribution, places, segment
from .bounds import Quantity
from .breakdowns import FoundClaim
from .claimkinds import GROUP_KINDS, OBJECT_KINDS
from .kinds import SENTENCE_REACH, kind_qualifiers, nearest_trigger, triggers
from .lexicon import AGE, EVERY, SINGLE_OBJECT, SINGLE_PEOPLE, SINGLE_PERSON, YOUNG, breakdown, lowered
from .lexicon.loading import alternation, by_key
from .numbers import Number
from .placing import LOOK_BACK
from .result import ClaimCandidate
from .segment import clause_of, clauses

if TYPE_CHECKING:
    from .breakdowns import ParagraphState

#: The date of a sentence not read yet (the engine's marker).
UNSET = object()
#: How far before a person's noun their age may be written ("74-річна жінка").
AGE_REACH = 20
#: The words right before a single object's noun that describe it ("п'ятиповерховий житловий"), no joiner among them.
_DESCRIBED = re.compile(rf"(?:(?!(?:{alternation('kinds', 'joiners')})\s)[\w'’ʼ-]+\s+){{1,3}}$")
#: What may befall a single person named with no number: the kinds of people's fates (``takes_fate_words``).
_FATES = GROUP_KINDS
#: Before one person named with no number, what is counted of them: their body ("тіло чоловіка", "the body of").
_ONE_NAMED_AFTER = [(kind, re.compile(rf"(?<!\w)(?:{'|'.join(patterns)})(?:\s+[\w'’ʼ-]+){{0,2}}\s+$"))
                    for kind, patterns in by_key("kinds", "one_named_after").items()]


#: Between two items of one list: a comma, "and" ("14 apartment buildings, a kindergarten and about 40 cars").
_LIST_GAP = re.compile(rf"\s*(?:,\s*)?(?:(?:{alternation('kinds', 'joiners')})\s+)?")


class ListedClaims:
    """Methods of the engine's reader (``engine._Reader``) for claims a sentence lists."""

    def _single_objects(self, index: int, position: int, sentence: segment.Sentence, state: ParagraphState,
                        made: list[FoundClaim], sentence_date) -> None:
        """Count one for each civilian object named with no number where the sentence says what was done to it
        ("14 homes and a school were damaged": a school)."""
        low = lowered(sentence.text)
        singles = list(SINGLE_OBJECT.finditer(low))
        if singles:
            found = triggers(sentence.text)
            for match in singles:
                kind = self._single_kind(low, match, made, found, OBJECT_KINDS)
                if kind is not None:
                    described = _DESCRIBED.search(low, max(0, match.start() - 40), match.start())
                    qualifiers = kind_qualifiers(kind, low, (described.start() if described else match.start(),
                                                             match.end()))  # "п'ятиповерховий житловий будинок"
                    sentence_date = self._single(index, position, sentence, state, made, sentence_date, kind,
                                                 match.span(), qualifiers, "single_object")

    @staticmethod
    def _more_of_the_same(made: list[FoundClaim]) -> None:
        """Give a count of objects with no noun of its own the type of the one object named just before it in its
        sentence ("зруйновано приватний будинок, ще 4 — пошкоджено": 4 homes)."""
        singles = [claim for claim in made if claim.candidate.rule == "single_object" and claim.candidate.qualifiers]
        for claim in made:
            candidate = claim.candidate
            if candidate.rule != "verb" or candidate.kind not in OBJECT_KINDS or candidate.qualifiers:
                continue
            before = [single for single in singles if single.quantity.end <= claim.quantity.start]
            if before:
                candidate.qualifiers = dict(max(before, key=lambda single: single.quantity.end).candidate.qualifiers)

    def _single_people(self, index: int, position: int, sentence: segment.Sentence, state: ParagraphState,
                       made: list[FoundClaim], sentence_date) -> None:
        """Count one for each person named with no number where a word of their fate stands near ("killing a
        woman", "загинула 74-річна жінка", "среди них 14-летняя девочка"), with the sex and age the words give."""
        text, low = sentence.text, lowered(sentence.text)
        singles = list(SINGLE_PERSON.finditer(low))
        if not singles:
            return
        found = triggers(text)
        speakers = [(start - sentence.start, end - sentence.start) for start, end in state.excluded]
        for match in singles:
            if self._speaks(text, match) or any(s < match.end() and match.start() < e for s, e in speakers):
                continue  # "a woman told us", "— пригадує жінка", "Мешканка Ірпеня … розповідає": who speaks
            if EVERY.search(low, max(0, match.start() - 30), match.start()):
                continue  # "кожна українська дитина": no one person
            kind = self._single_kind(low, match, made, found, _FATES)
            named = next((named for named, before in _ONE_NAMED_AFTER
                          if before.search(low, max(0, match.start() - 30), match.start())), None)
            kind = named if kind is not None and named else kind  # "знайшли тіло чоловіка": a body, not a missing man
            before = [claim for claim in made if claim.quantity.end <= match.start() and claim.candidate.kind in _FATES]
            total = max(before, key=lambda claim: claim.quantity.end) if kind is not None and before and breakdown(
                low[max(0, match.start() - 40) : match.start()]) else None
            if total is not None:  # "killing three, among them a 14-year-old boy, and wounding 11": the count before
                kind = total.candidate.kind
            if kind is None:
                continue
            noun = match.group(0)
            qualifiers = dict(next((said for pattern, said in SINGLE_PEOPLE if pattern.fullmatch(noun)), {}))
            status = total.candidate.qualifiers.get("status") if total is not None else None
            qualifiers.update({"status": status} if status else {})  # "троє мирних жителів, серед них дитина"
            age = AGE.search(low, max(0, match.start() - AGE_REACH), match.end())
            if age is not None and int(age.group(1)) < YOUNG["below"]:
                qualifiers.update(YOUNG["qualifiers"])
            sentence_date = self._single(index, position, sentence, state, made, sentence_date, kind, match.span(),
                                         qualifiers, "single_person")

    @staticmethod
    def _speaks(text: str, match) -> bool:
        """Say whether a reporting verb stands right after or right before a person's noun (who speaks)."""
        before = text[: match.start()].rstrip()
        last = max(before.rfind(" "), before.rfind("\n")) + 1
        return attribution.speaks(text, match.end()) or (bool(before) and attribution.speaks(before, last))

    @staticmethod
    def _single_kind(low: str, match, made: list[FoundClaim], found: list, kinds: frozenset[str]) -> str | None:
        """Return the kind of what befell a thing or person named with no number: the nearest word of ``kinds`` in its
        clause, else in its sentence; None when a claim made already counts it ("1 school", "six of them")."""
        if any(claim.quantity.start <= match.start() < max(claim.noun_end, claim.quantity.end) for claim in made):
            return None
        for claim in reversed(made):  # "damaged 14 apartment buildings, a kindergarten and …": one list, one verb
            end = max(claim.noun_end, claim.quantity.end)
            if claim.candidate.kind in kinds and end <= match.start() and _LIST_GAP.fullmatch(low, end, match.start()):
                return claim.candidate.kind
        span = match.span()
        clause = clause_of(clauses(low), match.start())
        return nearest_trigger(found, span, clause, 10**6, kinds) or nearest_trigger(
            found, span, (0, len(low)), SENTENCE_REACH, kinds)

    def _single(self, index: int, position: int, sentence: segment.Sentence, state: ParagraphState,
                made: list[FoundClaim], sentence_date, kind: str, span: tuple[int, int], qualifiers: dict,
                rule: str):
        """Add a claim of one of ``kind`` named at ``span`` of the sentence; return the sentence's date."""
        start, end = self._quote(sentence, *span)
        candidate = ClaimCandidate(kind=kind, min=1, max=1, approximate=False, quote=self.text[start:end],
                                   start=start, end=end, qualifiers=qualifiers, rule=rule)
        anchor = (sentence.start + span[0], sentence.start + span[1])
        candidate.place = self.places.choose(index, position, anchor, state.excluded, self.previous_excluded)
        candidate.attributed_to = state.speaker or self.document_speaker
        candidate.place = self.places.region_of(candidate.place, sentence.text, candidate.attributed_to)
        said = state.date if state.speaker else self.dates.stated_by(self.document_speaker, index)
        if sentence_date is UNSET:
            sentence_date = self.dates.sentence(sentence.text)
        candidate.date = sentence_date or said
        number = Number(span[0], span[1], 1)
        quantity = Quantity(span[0], span[1], 1, 1, False, number, (number,))
        made.append(FoundClaim(candidate, position, True, sentence_date is not None, quantity, span[1], None))
        return sentence_date

    def _distribute(self, made: list[FoundClaim], index: int, position: int, sentence: segment.Sentence,
                    found: list, number: int, distributed: set[int], state: ParagraphState) -> None:
        """Add the parts of the total just made when a list gives them to places ("six of them in Kherson, two in
        Beryslav, and one each in …"): each a claim of the total's kind and qualifiers at its own place, said by
        the total's speaker on its date; the total keeps the place named before its list."""
        total = made[-1]
        offset = sentence.start
        mentions = [(s - offset, e - offset, m) for s, e, m in self.places.finder.mentions(offset, sentence.end)]
        pieces = distribution.parts(sentence.text, total.quantity, total.noun_end, found[number + 1:], mentions)
        if not pieces:
            return
        total.candidate.place = self._place_of_total(index, position, sentence, total, pieces, state)
        whole = total.candidate
        for shift, piece in enumerate(pieces):
            distributed.add(number + 1 + shift)
            quantity = piece.quantity
            for _, _, mention in piece.places:
                candidate = ClaimCandidate(
                    kind=whole.kind, min=quantity.min, max=quantity.max, approximate=quantity.approximate,
                    quote=whole.quote, start=whole.start, end=whole.end, qualifiers=dict(whole.qualifiers),
                    rule="distribution",
                )
                candidate.place = self.places.json(mention)
                candidate.attributed_to, candidate.date = whole.attributed_to, whole.date
                made.append(FoundClaim(candidate, position, False, total.date_known, quantity, quantity.end, total))

    def _one_each(self, made: list[FoundClaim], sentence: segment.Sentence) -> None:
        """Give a count "each" to every place listed after it: "One person each was killed in Siversk, Chasiv Yar
        and Toretsk", "по одному загиблому — у Краматорську та Слов'янську"."""
        claim = made[-1]
        quantity = claim.quantity
        low = lowered(sentence.text)
        each_after = distribution.EACH_WORD.search(low, quantity.end, max(quantity.end, claim.noun_end) + 6)
        if claim.parent is not None or not (each_after or distribution.EACH_BEFORE.search(low, 0, quantity.start)):
            return
        mentions = self.places.finder.mentions(sentence.start + quantity.end, sentence.end)
        listed = self.places.listed_with(mentions, mentions[0][2]) if mentions else []
        if len(listed) < 2:
            return
        claim.candidate.place = self.places.json(listed[0])
        for mention in listed[1:]:
            candidate = dataclasses.replace(claim.candidate, qualifiers=dict(claim.candidate.qualifiers),
                                            place=self.places.json(mention))
            made.append(FoundClaim(candidate, claim.sentence, False, claim.date_known, quantity, claim.noun_end, None))

    def _distribute_continued(self, position: int, sentence: segment.Sentence, found: list, state: ParagraphState,
                              distributed: set[int]) -> list[FoundClaim]:
        """Add the parts of the last total of this paragraph (or, opening a paragraph, of the one before) when the
        sentence opens with a list giving them to places ("… at least 10 places. | Six of them are in Kherson, two in
        Beryslav, and one each in …"), as ``_distribute`` does; the parts may not exceed the total."""
        earlier = state.claims or (self.previous if position == 0 else [])
        # "Загиблих зафіксовано у Костянтинівці — 9, …": the words before the list name whose total it breaks down
        named = {kind for start, _, kind in triggers(sentence.text) if found and start < found[0].start}
        if named and not any(claim.candidate.kind in named for claim in earlier):
            earlier = self.previous  # "…183 погибли и 1 009 ранены. | … Раненых больше всего в Харьковской — 287"
        total = next((claim for claim in reversed(earlier) if claim.parent is None and claim.total and (
            not named or claim.candidate.kind in named)), None)
        if total is None or not distribution.opens_with_a_number(sentence.text, found):
            return []
        offset = sentence.start
        mentions = [(s - offset, e - offset, m) for s, e, m in self.places.finder.mentions(offset, sentence.end)]
        pieces = distribution.continued(sentence.text, found, mentions)
        if not pieces:
            return []
        whole = total.candidate
        ceiling = whole.max if whole.max is not None else whole.min
        if ceiling is None or sum(piece.quantity.min or 0 for piece in pieces for _ in piece.places) > ceiling:
            return []
        made = []
        for number, piece in enumerate(pieces):
            distributed.add(number)
            quantity = piece.quantity
            for _, _, mention in piece.places:
                candidate = ClaimCandidate(
                    kind=whole.kind, min=quantity.min, max=quantity.max, approximate=quantity.approximate,
                    quote=self.text[offset:sentence.end], start=offset, end=sentence.end,
                    qualifiers=dict(whole.qualifiers), rule="distribution",
                )
                candidate.place = self.places.json(mention)
                candidate.attributed_to, candidate.date = whole.attributed_to, whole.date
                made.append(FoundClaim(candidate, position, False, total.date_known, quantity, quantity.end, total))
        oblasts = [self.places.finder.oblast(m) for piece in pieces for _, _, m in piece.places]
        if oblasts[0] is not None and all(oblast == oblasts[0] for oblast in oblasts) and whole.place is not None and (
                whole.place.get("name") in {c.candidate.place.get("name") for c in made if c.candidate.place}):
            whole.place = oblasts[0]  # "in Kherson Oblast … Six of them are in Kherson": the total is the oblast's
        return made

    def _place_of_total(self, index: int, position: int, sentence: segment.Sentence, total: FoundClaim,
                        pieces: list, state: ParagraphState) -> dict | None:
        """Return the place of a total broken down across places: one named before its list, else the oblast that
        holds every place of the list ("in the region: six in Kherson, two in Beryslav"), else as for any claim."""
        offset = sentence.start
        start = offset + min(pieces[0].quantity.start, pieces[0].places[0][0])
        anchor = (offset + total.quantity.start, offset + total.noun_end)
        before = [m for m in self.places.finder.mentions(offset, start) if m[1] <= start]
        chosen = places.best(before, anchor, self.places.finder, state.excluded[-LOOK_BACK:])
        if chosen is not None and not places.says_region(sentence.text[: start - offset]):
            return self.places.json(chosen)
        oblasts = [self.places.finder.oblast(m) for piece in pieces for _, _, m in piece.places]
        if oblasts[0] is not None and all(oblast == oblasts[0] for oblast in oblasts):
            return oblasts[0]
        if chosen is None and None not in oblasts:
            return places.country(self.places.finder.gazetteer)  # several oblasts: the country holds them all
        if chosen is not None:
            return self.places.json(chosen)
        return self.places.choose(index, position, anchor, state.excluded, self.previous_excluded)

    def _carry_over(self, index: int, paragraph: segment.Paragraph, state: ParagraphState) -> None:
        """Give the claims of a paragraph that names no speaker the speaker of the paragraph just before, when that
        one reported figures and goes on ("… 41 times, the governor said. | In Orikhiv 7 houses were damaged.");
        remember who reported the figures of this one."""
        carried = self._carried_from(index)
        self.carried_to = []
        if carried is not None and state.speaker is None:
            for claim in state.claims:
                if claim.candidate.attributed_to is None:
                    claim.candidate.attributed_to = carried[0]
                    claim.candidate.date = claim.candidate.date or carried[1]
                    self.carried_to.append(claim)  # a paragraph naming who reported them may still follow
        last = state.claims[-1].candidate if state.claims and not paragraph.heading else None
        speaker = last.attributed_to if last is not None else None
        # the date the speaker stated it goes on, not the date of an event in the last claim's own sentence
        said = state.date if speaker is state.speaker else (carried[1] if carried else None)
        self.carried = (speaker, said, index) if speaker is not None and speaker is state.speaker or (
            carried and speaker is carried[0]) else None
        lede = bool(self.headline) and index == len(self.headline)
        if lede and not state.claims and state.speaker is not None and state.speaker.name:
            # a report's lede naming its source with no figures yet: "… влучила в об'єкт у Ковелі, повідомив
            # начальник ОВА Іван Рудницький. | Загинули троє …"
            self.carried = (state.speaker, state.date, index)
