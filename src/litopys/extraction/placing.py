"""Choose the place a claim refers to: its sentence, the sentences before, the section heading,
the paragraph before, the headline; "in the region" ("в області") takes the oblast named last."""

from __future__ import annotations

import re

from . import places
from .breakdowns import DASH_TO
from .items import item_runs
from .lexicon import lowered
from .lexicon.loading import alternation
from .not_places import oblast_after
from .regions import oblast_spoken_for
from .segment import Paragraph, clause_of, clauses

#: How many sentences (and paragraphs) back a place may be found.
LOOK_BACK = 5
#: How many speakers' titles back a place may be found, when nothing else gives one.
TITLES_BACK = 200
#: Between two places of one list: a comma or "and" ("у Малокатеринівці та Новоданилівці", "Izium, Kupiansk").
_LISTED = re.compile(
    rf"\s*(?:,\s*(?:(?:{alternation('kinds', 'joiners')})\s+)?|(?:{alternation('kinds', 'joiners')})\s+)"
    rf"(?:(?:{alternation('places', 'prepositions')})\s+)?", re.I)
#: Words saying a count is the country's when nothing else places it ("19,546 Ukrainian children").
_NATIONAL = re.compile(rf"(?<!\w)(?:{alternation('places', 'national')})(?!\w)", re.I)
#: The kinds of place a list of which is held by their oblast.
_LISTABLE = frozenset({"settlement", "district"})


#: Between a count and the next place: another item of a list ("…, у Запорізькій — 18").
_ITEM_BREAK = re.compile(r"[,;]")
#: A place that labels its line ("🔴 Izium district: …"): nothing but signs before it, a colon after it.
_LABEL = re.compile(r"[\W\d_]*")
_LABEL_END = re.compile(r"\s*:")


class PlaceChooser:
    """Places for the claims of one document, looked up lazily through the gazetteer."""

    def __init__(self, text: str, paragraphs: list[Paragraph], headline: list[Paragraph], gazetteer=None,
                 language: str | None = None):
        self.text = text
        #: The text's language: a place the gazetteer does not know is named in the nominative through it.
        self.language = language
        self.paragraphs = paragraphs
        #: For each paragraph, the list of items it belongs to (first and last paragraph), and which lists name places.
        self.runs = item_runs(paragraphs, text)
        self._lists_of_places: dict[tuple[int, int], bool] = {}
        self.headline = headline
        self.finder = places.PlaceFinder(text, gazetteer, [(p.start, p.end) for p in paragraphs])
        self._fallbacks: dict[tuple[int, int], dict | None] = {}

    def choose(
        self,
        index: int,
        position: int,
        anchor: tuple[int, int],
        excluded: list[tuple[int, int]],
        excluded_before: list[tuple[int, int]],
    ) -> dict | None:
        """Return the JSON place of a claim at ``anchor`` in sentence ``position`` of paragraph ``index``.

        ``excluded`` are the speakers' spans in this paragraph ("Kharkiv governor"), ``excluded_before``
        those of the paragraph before; a place there is no claim's place unless nothing else is found.
        """
        chosen = self.in_sentence(index, position, anchor, excluded)
        if chosen is not None:
            return chosen
        key = (index, position)
        if key not in self._fallbacks:  # the same for every claim of the sentence
            self._fallbacks = {key: self._before(index, position, anchor, excluded, excluded_before)}
        return self._fallbacks[key]

    def right_after(self, start: int, reach: int = 40) -> dict | None:
        """Return the JSON place of the first mention within ``reach`` characters after ``start``, or None."""
        mention = self.mention_after(start, reach)
        return self.json(mention[2]) if mention else None

    def mention_after(self, start: int, reach: int = 40) -> tuple | None:
        """Return the first mention (start, end, mention) within ``reach`` characters after ``start``, or None."""
        mentions = self.finder.mentions(start, min(len(self.text), start + reach))
        return mentions[0] if mentions else None

    def gapped_place(self, start: int, end: int, reach: int = 40) -> dict | None:
        """Return the JSON place of a count whose noun and verb are left out: the place right after it ("and five in
        Myrnohrad"), else the one right before it and its dash ("…, у Харківській — 41")."""
        after = self.mention_after(end, reach)
        if after is not None and not _ITEM_BREAK.search(self.text, end, after[0]):
            return self.json(after[2])
        before = self.finder.mentions(max(0, start - reach), start)
        return self.json(before[-1][2]) if before and DASH_TO.fullmatch(self.text, before[-1][1], start) else None

    def named(self, start: int, end: int) -> bool:
        """Say whether a place is named in ``text[start:end]`` (document offsets)."""
        return start < end and bool(self.finder.mentions(start, end))

    def in_sentence(self, index: int, position: int, anchor: tuple[int, int], excluded: list[tuple[int, int]]
                    ) -> dict | None:
        """Return the JSON place the claim's own sentence gives it (its clause first), or None."""
        claim_sentence = self.paragraphs[index].sentences[position]
        mentions = self.finder.mentions(claim_sentence.start, claim_sentence.end)
        clause = clause_of(clauses(lowered(claim_sentence.text)), anchor[0] - claim_sentence.start)
        clause = (claim_sentence.start + clause[0], claim_sentence.start + clause[1])
        chosen = places.best(mentions, anchor, self.finder, excluded[-LOOK_BACK:], clause)
        if chosen is None:
            return None
        listed = self.listed_with(mentions, chosen)
        if len(listed) >= 2 and all(places.kind_of(mention) in _LISTABLE for mention in listed):
            # a count over several settlements ("обстріляли Малокатеринівку та Новоданилівку") is their oblast's
            oblasts = [self.finder.oblast(mention) for mention in listed]
            if oblasts[0] is not None and all(oblast == oblasts[0] for oblast in oblasts):
                return oblasts[0]
        return self.json(chosen)

    def listed_with(self, mentions: list, chosen) -> list:
        """Return the places listed together with ``chosen`` ("A, B and C"), itself included, in text order."""
        index = next((i for i, mention in enumerate(mentions) if mention[2] is chosen), None)
        if index is None:
            return [chosen]
        first = last = index
        while first > 0 and _LISTED.fullmatch(self.text, mentions[first - 1][1], mentions[first][0]):
            first -= 1
        while last + 1 < len(mentions) and _LISTED.fullmatch(self.text, mentions[last][1], mentions[last + 1][0]):
            last += 1
        return [mention[2] for mention in mentions[first : last + 1]]

    def _before(self, index, position, anchor, excluded, excluded_before) -> dict | None:
        sentences = self.paragraphs[index].sentences
        claim_sentence = sentences[position]
        if places.says_region(claim_sentence.text):
            oblast = self._oblast_before(index, position)
            if oblast is not None:
                return oblast
        if places.says_district(claim_sentence.text):
            district = self._district_before(index, position)
            if district is not None:
                return district
        recent = excluded[-LOOK_BACK:]
        for sentence in reversed(sentences[max(0, position - LOOK_BACK) : position]):
            mentions = [
                m
                for m in self.finder.mentions(sentence.start, sentence.end)
                if not any(s <= m[0] and m[1] <= e for s, e in recent)
            ]
            body = [m for m in mentions if not _LABEL.fullmatch(self.finder.text, sentence.start, m[0]) or not
                    _LABEL_END.match(self.finder.text, m[1])]  # "🔴 Izium district: Borova came under 2 strikes."
            mentions = body if body and len(places.distinct(mentions)) == 2 else mentions
            chosen = places.best(mentions, None, self.finder, recent)
            if chosen is not None and len(places.innermost(mentions)) == 1:
                return self.json(places.innermost(mentions)[0])  # "near Borova, in the Kharkiv region": Borova
            if chosen is not None:
                break  # "most of them in Balakliia and Izium": a list of places says nothing about this claim
        headings_done = body_done = False
        for number in range(index - 1, max(0, index - LOOK_BACK - 1) - 1, -1):
            earlier = self.paragraphs[number]
            if not body_done and self._in_a_list_of_places(number):
                body_done = True  # "▪️ Хотеньскую — 33.": the last item of a list says nothing about what follows
                continue
            if earlier.heading and not headings_done:
                headings_done = True  # the nearest heading names the section's place, if just one
                unique = places.distinct(self.finder.mentions(earlier.start, earlier.end))
                if len(unique) == 1:
                    return self.json(unique[0])
            elif not earlier.heading and not body_done:
                # else the paragraph before goes on about the same place; one naming none ("Попередньо:") is passed
                # over, one listing several ("from Mariupol, Lysychansk and Sievierodonetsk") ends the search
                mentions = self._without_dateline(earlier, self.finder.mentions(earlier.start, earlier.end))
                own = excluded_before[-LOOK_BACK:] if earlier is self.paragraphs[index - 1] else []
                chosen = places.best(mentions, None, self.finder, own)
                body_done = chosen is not None
                if chosen is not None and not _several(mentions, chosen):
                    return self.json(chosen)
        mentions = [m for p in self.headline if p.end <= anchor[0] for m in self.finder.mentions(p.start, p.end)]
        unique = places.distinct(mentions) or places.countries(mentions)  # "death toll in Ukraine tops 9,000"
        if len(unique) == 1:
            return self.json(unique[0])
        # Last resort: the place in a speaker's title ("the Kharkiv governor said 3,000 km² were freed"), the
        # last one named so far. Only the titles are read: reading the paragraph up to each claim took time
        # growing with the square of a paragraph's length.
        countries = []
        for first, last in reversed(excluded[-TITLES_BACK:]):
            titles = self.finder.mentions(first, last)
            countries += [m for m in titles if places.is_country(m[2])]
            titles = [m for m in titles if not places.is_country(m[2])]
            if titles:  # "the head of the Kharkiv RMA … in the region": its oblast
                region = places.says_region(claim_sentence.text) and self.finder.oblast(titles[-1][2])
                return region or self.json(titles[-1][2])
        if countries:  # "the UN Monitoring Mission in Ukraine said 183 civilians were killed": the country's
            return self.json(countries[0][2])
        if _NATIONAL.search(claim_sentence.text):
            return places.country(self.finder.gazetteer)  # "19,546 Ukrainian children deported": the country's
        return None

    def _without_dateline(self, paragraph: Paragraph, mentions: list) -> list:
        """Drop a dateline from a paragraph's mentions when others follow: "ХАРКІВ, 4 жовтня. У Куп'янській громаді
        …" is about Kupiansk, "VINNYTSIA, Ukraine, Nov 21 (Wire) -" about what it names next."""
        if len(mentions) < 2 or mentions[0][0] - paragraph.start > 2:
            return mentions
        if len(mentions) == 2 and oblast_after(self.text, mentions[0][1], mentions[1][0], mentions[1][2]):
            return mentions  # "ОЛИШЕВКА (Черниговская область). …": the oblast only says where the dateline is
        written = self.text[mentions[0][0]:mentions[0][1]]
        return mentions[1:] if written.isupper() and len(written) > 3 else mentions

    def _in_a_list_of_places(self, number: int) -> bool:
        """Say whether paragraph ``number`` is an item of a list (paragraphs opening with a bullet) whose items
        name several places of one kind ("▪️ Белопольскую громаду — 52;\n▪️ Краснопольскую — 41;")."""
        run = self.runs[number]
        if run is None or run[0] == run[1]:
            return False
        if run not in self._lists_of_places:  # read once per list, not once per item
            mentions = self.finder.mentions(self.paragraphs[run[0]].start, self.paragraphs[run[1]].end)
            self._lists_of_places[run] = any(_several(mentions, mention[2]) for mention in mentions)
        return self._lists_of_places[run]

    def region_of(self, place: dict | None, sentence: str, speaker) -> dict | None:
        """Return ``place``, or, when a sentence says "the region" and no place was found for it, the oblast its
        speaker speaks for ("Начальник Харківської ОВА: … по населених пунктах області": Kharkiv Oblast)."""
        if place is not None or not places.says_region(sentence):
            return place
        oblast = oblast_spoken_for(speaker)
        found = [p for p in self.finder.gazetteer.lookup(oblast) if p.kind == "oblast"] if oblast else []
        return {"name": found[0].name, "geonames_id": found[0].geonames_id, "admin1": found[0].name} if found else None

    def json(self, mention) -> dict | None:
        """Return the JSON place of a mention, an unknown place named in the nominative."""
        return places.to_dict(mention, self.language)

    def oblast_near(self, index: int, position: int) -> dict | None:
        """Return the oblast of a sentence or, failing that, of the text just before it."""
        return self._oblast_before(index, position + 1)

    def _district_before(self, index: int, position: int) -> dict | None:
        """Return the district named nearest before a sentence, a few paragraphs back."""
        for start, end in self._spans_before(index, position):
            for _, _, mention in reversed(self.finder.mentions(start, end)):
                if places.is_district(mention):
                    return self.json(mention)
        return None

    def _spans_before(self, index: int, position: int) -> list[tuple[int, int]]:
        """Return the spans of the sentences before one and of the paragraphs before, nearest first."""
        sentences = self.paragraphs[index].sentences[max(0, position - LOOK_BACK) : position]
        spans = [(s.start, s.end) for s in reversed(sentences)]
        return spans + [(p.start, p.end) for p in reversed(self.paragraphs[max(0, index - LOOK_BACK - 1) : index])]

    def _oblast_before(self, index: int, position: int) -> dict | None:
        """Return the oblast named (or implied by a settlement) nearest before a sentence, a few paragraphs back."""
        for start, end in self._spans_before(index, position):
            for _, _, mention in reversed(self.finder.mentions(start, end)):
                oblast = self.finder.oblast(mention)
                if oblast is not None:
                    return oblast
        return None


def _several(mentions: list, chosen) -> bool:
    """Say whether a paragraph lists several places of the chosen one's kind ("Mariupol, Lysychansk and
    Sievierodonetsk"); a town and a district, or an oblast, named with it are no list."""
    kind = places.kind_of(chosen)
    return sum(places.kind_of(m) == kind for m in places.distinct(mentions)) > 1
