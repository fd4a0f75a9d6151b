"""Choose the place a claim refers to from the gazetteer's mentions.

The gazetteer (``litopys.places.gazetteer``) finds place names in text: ``find(text)`` returns
mentions with ``start``, ``end``, ``text``, ``name`` and ``place`` (``None`` for a named place it does
not know, e.g. a village). Mentions are looked up per sentence, only where a claim needs them.
"""

from __future__ import annotations

import bisect
import functools
import re

from litopys.places.citydistricts import as_city
from litopys.places.hromadas import heading_before

from .lexicon.loading import alternation, each, letters
from .not_places import city_district, oblast_after, quoted_name, shouted_village
from .unknown_places import unknown_name

_PREPOSITION = re.compile(
    rf"(?<!\w)(?:{alternation('places', 'prepositions')})\s+(?:(?:{alternation('definite_articles')})\s+)?"
    r"(?:[\w'’-]+\s+)?$",
    re.I,
)
#: A name right after these is a street or a square, not a place: "вулиця Жовтнева", "Yablunska Street";
#: nor is a country whose law is cited: "ст. 438 УК Украины", "Criminal Code of Ukraine", or whose army is named
#: ("servicemen of the Armed Forces of Ukraine": no claim's place).
_STREET = re.compile(rf"(?<!\w)(?:{alternation('places', 'not_a_place_after')})\s*$", re.I)
#: ... and so is a name right before these: "Kupiansk Street", "Сумська вулиця".
_STREET_AFTER = re.compile(rf"\s+(?:{alternation('places', 'street_after')})(?!\w)", re.I)


def default_gazetteer():
    """Return the project's gazetteer (loaded once)."""
    from litopys.places.gazetteer import Gazetteer

    return Gazetteer.default()


#: Paragraphs longer than this are looked up a sentence at a time.
BLOCK_LIMIT = 20_000
#: How many looked-up paragraphs (or sentences) are remembered.
CACHE_SIZE = 256


class PlaceFinder:
    """Look up place mentions in a document, a paragraph at a time, lazily and once each."""

    def __init__(self, text: str, gazetteer=None, blocks: list[tuple[int, int]] | None = None):
        self.text = text
        self._gazetteer = gazetteer
        self._cache: dict[tuple[int, int], list] = {}
        #: Whether the words around a mention make it a street's, and whether "in/near/at" precede it.
        self._around: dict[int, tuple[bool, bool]] = {}
        #: The JSON place of each oblast, by the name settlements give as their ``admin1``.
        self._oblasts: dict[str, dict | None] = {}
        #: Paragraph spans: a sentence's mentions come from its paragraph's, found once.
        self._blocks = sorted(blocks or [])
        self._starts = [start for start, _ in self._blocks]

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def mentions(self, start: int, end: int) -> list:
        """Return the mentions in ``text[start:end]`` with document offsets, as (start, end, mention)."""
        block = self._block(start, end)
        if block is not None and block != (start, end) and block[1] - block[0] <= BLOCK_LIMIT:
            found = self._scan(*block)
            first, last = bisect.bisect_left(found, (start,)), bisect.bisect_left(found, (end,))
            return [m for m in found[first:last] if m[1] <= end]
        return self._scan(start, end)

    def _scan(self, start: int, end: int) -> list:
        key = (start, end)
        if key not in self._cache:
            if len(self._cache) >= CACHE_SIZE:  # a long document: forget the paragraphs far behind
                for old in list(self._cache)[: CACHE_SIZE // 2]:
                    del self._cache[old]
                self._around.clear()
            lead = heading_before(self.text, start)  # "громади:\n▪️ Білопільська — 16": read with the heading
            base = lead if lead >= 0 else start
            block = self.text[base:end]
            everything = self.gazetteer.find(block)
            found = [m for i, m in enumerate(everything) if base + m.start >= start and not city_district(
                self.text, base, m) and not quoted_name(self.text, base, m) and not (shouted_village(m) and not (
                    i + 1 < len(everything) and oblast_after(block, m.end, everything[i + 1].start,
                                                             everything[i + 1])))]
            found = [as_city(self.text, base, m, self.gazetteer) for m in found]  # "у Приморському районі" of Odesa
            self._cache[key] = [(base + m.start, base + m.end, m) for m in found]
        return self._cache[key]

    def oblast(self, mention) -> dict | None:
        """Return the JSON place of the oblast a mention lies in (``oblast_of``), looked up once per oblast."""
        place = getattr(mention, "place", None) or getattr(mention, "centre", None)
        if place is None or getattr(place, "kind", "") != "settlement" or not place.admin1:
            return oblast_of(mention, self.gazetteer)
        if place.admin1 not in self._oblasts:
            self._oblasts[place.admin1] = oblast_of(mention, self.gazetteer)
        found = self._oblasts[place.admin1]
        return dict(found) if found else None

    def around(self, start: int, end: int) -> tuple[bool, bool]:
        """Say whether a mention is part of a street's name, and whether "in/near/at" precede it."""
        found = self._around.get(start)
        if found is None:
            text = self.text
            street = _STREET.search(text, max(0, start - 20), start) is not None or _STREET_AFTER.match(text, end)
            prepositional = _PREPOSITION.search(text, max(0, start - 40), start) is not None
            found = self._around[start] = (bool(street), prepositional)
        return found

    def _block(self, start: int, end: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self._starts, start) - 1
        if index >= 0 and self._blocks[index][1] >= end:
            return self._blocks[index]
        return None


def is_country(mention) -> bool:
    place = getattr(mention, "place", None)
    return place is not None and getattr(place, "kind", "") == "country"


def best(
    mentions: list,
    anchor: tuple[int, int] | None,
    finder: PlaceFinder,
    excluded: list[tuple[int, int]],
    clause: tuple[int, int] = (0, 0),
):
    """Pick the mention a claim at ``anchor`` refers to: one in the claim's ``clause`` first, then the nearest
    after "in/near/at", settlements before districts before oblasts.

    Without an anchor (a sentence before the claim's), the last suitable mention wins.
    """
    around = finder.around
    candidates = []
    for mention in mentions:
        start, end = mention[0], mention[1]
        if around(start, end)[0]:
            continue  # a street
        for first, last in excluded:
            if first <= start and end <= last:
                break  # in a speaker's title
        else:
            candidates.append(mention)
    if not candidates:
        return None

    def score(item):
        start, end, mention = item
        if anchor is None:
            distance = -start
        else:
            distance = start - anchor[1] if start >= anchor[1] else anchor[0] - end
        elsewhere = not clause[0] <= start < clause[1]  # "dead in the Kupiansk district rose to 52, | the total
        # for the Kharkiv region to 1,000": each count takes the place of its own clause
        return (is_country(mention), elsewhere, not around(start, end)[1], _RANK.get(_kind(mention), 0), distance)

    return min(candidates, key=score)[2]


_RANK = {"settlement": 0, "district": 1, "oblast": 2, "country": 3}
#: "The region" without its name: "since the liberation of the region", "в області погибли", "по области"; each
#: language's words before it, then its noun.
_REGION_WORDS = [
    f"(?:{'|'.join(found['before'])}) (?:{'|'.join(found['nouns'])})" for _, found in each("places", "region")
]
_REGION = re.compile(rf"(?<!\w)(?:{'|'.join(_REGION_WORDS) or '(?!)'})(?!\w)", re.I)


#: "The district" without its name: "among the dead in the district", "у цьому районі". "В районі Ізюма" is
#: "near Izium", so a district word followed by a name is not one.
_DISTRICT = re.compile(
    rf"(?<!\w)(?:{alternation('places', 'district')})(?!\w)(?!\s+(?-i:[{letters('upper')}]))",
    re.I,
)


def kind_of(mention) -> str:
    """Return a mention's kind: settlement, district, oblast or country."""
    return _kind(mention)


def _kind(mention) -> str:
    place = getattr(mention, "place", None)
    if place is None:
        return "district" if getattr(mention, "centre", None) is not None else "settlement"
    return getattr(place, "kind", "settlement")


@functools.lru_cache(maxsize=64)
def says_region(sentence: str) -> bool:
    """Say whether a sentence refers to "the region" without naming it ("в області погибли 9 жителей")."""
    return _REGION.search(sentence) is not None


@functools.lru_cache(maxsize=64)
def says_district(sentence: str) -> bool:
    """Say whether a sentence refers to "the district" without naming it ("among the dead in the district")."""
    return _DISTRICT.search(sentence) is not None


def is_district(mention) -> bool:
    return getattr(mention, "place", None) is None and getattr(mention, "centre", None) is not None


def oblast_of(mention, gazetteer) -> dict | None:
    """Return the JSON place of the oblast a mentioned settlement lies in, if the gazetteer can say."""
    place = getattr(mention, "place", None) or getattr(mention, "centre", None)  # a district: its centre's
    if place is None or getattr(place, "kind", "") == "country":
        return None
    if getattr(place, "kind", "") == "oblast":
        return to_dict(mention)
    lookup = getattr(gazetteer, "lookup", None)
    if not place.admin1 or lookup is None:
        return None
    for candidate in lookup(place.admin1):
        if getattr(candidate, "kind", "") == "oblast":
            return {"name": candidate.name, "geonames_id": candidate.geonames_id, "admin1": candidate.name}
    return None


def to_dict(mention, language: str | None = None) -> dict | None:
    """Return the JSON form of a mention's place: {"name", "geonames_id", "admin1"}.

    A place the gazetteer does not know is named in the nominative and the national transliteration, as the
    gazetteer names the places it knows ("у селі Ягідному" gives "Yahidne"), when ``language`` (the text's) or the
    name's own letters name a language read with an analyser; else as written.
    """
    if mention is None:
        return None
    place = getattr(mention, "place", None)
    if place is None:
        name = getattr(mention, "name", None) or mention.text
        centre = getattr(mention, "centre", None)  # a district: no place of the gazetteer, but in its centre's oblast
        if centre is None and language is not None:
            name = unknown_name(name, language)
        return {"name": name, "geonames_id": None, "admin1": getattr(centre, "admin1", None) or None}
    admin1 = place.name if getattr(place, "kind", "") == "oblast" else getattr(place, "admin1", None)
    return {"name": place.name, "geonames_id": place.geonames_id, "admin1": admin1 or None}


def distinct(mentions: list, countries: bool = False) -> list:
    """Return one mention per distinct place, countries dropped unless ``countries``."""
    seen, result = set(), []
    for _, _, mention in mentions:
        if is_country(mention) and not countries:
            continue
        key = _key(mention)
        if key not in seen:
            seen.add(key)
            result.append(mention)
    return result


def innermost(mentions: list) -> list:
    """Return ``distinct`` mentions less an oblast another of them lies in: "near Borova, in the Kharkiv region" is
    Borova."""
    unique = distinct(mentions)
    if len(unique) < 2:
        return unique
    inside = {_admin1(m) for m in unique if _kind(m) != "oblast"}
    return [m for m in unique if _kind(m) != "oblast" or getattr(m.place, "name", None) not in inside]


def _admin1(mention) -> str | None:
    place = getattr(mention, "place", None) or getattr(mention, "centre", None)
    return getattr(place, "admin1", None)


def countries(mentions: list) -> list:
    """Return one mention per distinct country."""
    return distinct([m for m in mentions if is_country(m[2])], countries=True)


def _key(mention):
    place = getattr(mention, "place", None)
    return place.geonames_id if place is not None else (getattr(mention, "name", None) or mention.text).lower()


def country(gazetteer) -> dict | None:
    """Return the JSON place of the country the gazetteer covers, if it has one."""
    lookup = getattr(gazetteer, "places", None)
    for place in lookup() if lookup else ():
        if getattr(place, "kind", "") == "country":
            return {"name": place.name, "geonames_id": place.geonames_id, "admin1": None}
    return None
