"""Index place names word by word, so that a text's words lead to the places they may name."""

import re

from litopys.places.morphology import StemIndex
from litopys.places.translit import fold, fold_latin

WORD = re.compile(r"[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*")
# Words a place name may carry in lowercase: "Kharkiv region", "Харківської області", "Republic of Crimea".
AREA_WORDS = frozenset({"область", "обл", "oblast", "region", "province", "oblasts", "regions", "provinces"})
LOWERCASE_WORDS = AREA_WORDS | {"of"}
_POSSESSIVE = ("'s", "’s", "ʼs")
#: How many written forms the lexicon remembers the words of before it starts afresh.
_MEMO_LIMIT = 200_000


def is_latin_word(word: str) -> bool:
    """Tell whether a word is written in the Latin script (the lexicon's other half is Cyrillic)."""
    return word[0] < "\u0400"


def name_words(name: str) -> tuple[str, ...]:
    """Return the lookup keys of a name's words: "Kryvyi Rih" → ("kryvyi", "rih")."""
    return tuple(w.replace("'", "") if w < "\u0400" else w for w in WORD.findall(fold(name)))


class Lexicon:
    """Names of places as sequences of nominative words, and the word forms that lead to them."""

    def __init__(self) -> None:
        self.cyrillic = StemIndex()
        self.latin: set[str] = set(AREA_WORDS)
        # first word → [(all words, entry)], longest first; an entry is a list of (place index, rank)
        self.names: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self.entries: list[list[tuple[int, int]]] = []
        self._entry_of: dict[tuple[str, ...], int] = {}
        self._words_of: dict[str, tuple[str, ...]] = {}
        # "харківська", "kharkiv": words that name an oblast when an area word follows, for "X and Y regions"
        self.area_heads: dict[str, int] = {}
        self._written: dict[str, tuple[str, ...]] = {}
        # District adjectives ("чугуївський", "kupianskyi") → the entry of the settlements they are made from
        self.districts: dict[str, int] = {}
        self._district_forms = StemIndex()
        self._district_written: dict[str, tuple[int, ...]] = {}
        # Hromadas' adjectives ("лиманська", "lymanska") → the entry of their centres, who name them in labels
        self.hromadas: dict[str, int] = {}
        self._hromada_forms = StemIndex()
        # The areas of districts ("ізюмщина": the district of Izium) → the entry of their centres
        self.areas: dict[str, int] = {}
        self._area_forms = StemIndex()
        for word in AREA_WORDS:
            if not is_latin_word(word):
                self.cyrillic.add(word)

    def add(self, name: str, place: int, rank: int) -> None:
        """Index one name of a place."""
        words = self._words_of.get(name)
        if words is None:
            words = self._words_of[name] = name_words(name)
        if not words:
            return
        entry = self._entry_of.get(words)
        if entry is None:
            entry = self._entry_of[words] = len(self.entries)
            self.entries.append([])
            heads = self.names.setdefault(words[0], [])
            heads.append((words, entry))
            heads.sort(key=lambda head: -len(head[0]))
            for word in words:
                if is_latin_word(word):
                    self.latin.add(word)
                else:
                    self.cyrillic.add(word)
            if len(words) == 2 and words[1] in AREA_WORDS:
                self.area_heads.setdefault(words[0], entry)
        self._written.clear()
        self._add_to(entry, place, rank)

    def add_district(self, adjective: str, place: int, rank: int) -> None:
        """Index the folded adjective that names the district a place is the centre of ("чугуївський")."""
        entry = self.districts.get(adjective)
        if entry is None:
            entry = self.districts[adjective] = len(self.entries)
            self.entries.append([])
            if not is_latin_word(adjective):
                self._district_forms.add(adjective)
            self._district_written.clear()
        self._add_to(entry, place, rank)

    def add_hromada(self, adjective: str, place: int, rank: int) -> None:
        """Index the folded feminine adjective that names the hromada a place is the centre of ("лиманська")."""
        entry = self.hromadas.get(adjective)
        if entry is None:
            entry = self.hromadas[adjective] = len(self.entries)
            self.entries.append([])
            if not is_latin_word(adjective):
                self._hromada_forms.add(adjective)
        self._add_to(entry, place, rank)

    def hromada(self, written: str) -> tuple[int, ...]:
        """Return the entries of the hromada adjectives a written word may be a form of ("Лиманської")."""
        if is_latin_word(written):
            keys: tuple[str, ...] = (fold_latin(written),)
        else:
            keys = self._hromada_forms.nominatives(fold(written))
        return tuple(self.hromadas[key] for key in keys if key in self.hromadas)

    def add_area(self, noun: str, place: int, rank: int) -> None:
        """Index the folded Cyrillic noun naming the area of the district a place is the centre of ("ізюмщина")."""
        entry = self.areas.get(noun)
        if entry is None:
            entry = self.areas[noun] = len(self.entries)
            self.entries.append([])
            self._area_forms.add(noun)
        self._add_to(entry, place, rank)

    def area(self, written: str) -> tuple[int, ...]:
        """Return the entries of the district areas a written word may be a form of ("Ізюмщині", "Изюмщине")."""
        if is_latin_word(written):
            return ()
        return tuple(self.areas[key] for key in self._area_forms.nominatives(fold(written)) if key in self.areas)

    def _add_to(self, entry: int, place: int, rank: int) -> None:
        candidates = self.entries[entry]
        for i, (known, known_rank) in enumerate(candidates):
            if known == place:
                candidates[i] = (place, min(rank, known_rank))
                return
        candidates.append((place, rank))

    def words(self, written: str) -> tuple[str, ...]:
        """Return the nominative words a written word may be a form of."""
        found = self._written.get(written)
        if found is None:
            if len(self._written) > _MEMO_LIMIT:
                self._written.clear()
            found = self._written[written] = self._words(written)
        return found

    def district(self, written: str) -> tuple[int, ...]:
        """Return the entries of the district adjectives a written word may be a form of ("Чугуївського")."""
        found = self._district_written.get(written)
        if found is None:
            if len(self._district_written) > _MEMO_LIMIT:
                self._district_written.clear()
            if is_latin_word(written):
                keys: tuple[str, ...] = (fold_latin(written),)
            else:
                keys = self._district_forms.nominatives(fold(written))
            found = tuple(self.districts[key] for key in keys if key in self.districts)
            self._district_written[written] = found
        return found

    def area_head(self, words: tuple[str, ...]) -> str:
        """Return the word of words that names an oblast when an area word follows ("харківська"), or ""."""
        for word in words:
            if word in self.area_heads:
                return word
        return ""

    def _words(self, written: str) -> tuple[str, ...]:
        if is_latin_word(written):
            key = fold_latin(written)
            if key in self.latin:
                return (key,)
            if written.endswith(_POSSESSIVE) and key[:-1] in self.latin:
                return (key[:-1],)
            return ()
        return self.cyrillic.nominatives(fold(written))
