"""Group claims into independent origins: sources that relay one statement count once."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from litopys.figures.claims import ClaimInput
from litopys.names import person_key, romanise, same_person

#: Shingle Jaccard similarity at which two quotes count as one text relayed.
SIMILAR_TEXT = 0.8
#: Words per shingle, and the fewest shingles a quote needs before it is compared at all: short quotes such
#: as "447 bodies" are alike in every article and prove no relaying.
SHINGLE_WORDS = 3
MIN_SHINGLES = 3

_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_PRIORITY = {"speaker": 0, "publisher": 1, "source": 2}


def _display_rank(name: str) -> tuple:
    # The clearest form of a name names the key: given name and surname rather than a title or a lone
    # surname; a Ukrainian spelling (in the national romanisation) before a Latin one, which may follow
    # Russian spelling ("Igor Klimenko"), before other Cyrillic.
    words = romanise(name).split()
    full = [word for word in words if len(word) > 1]
    script = 0 if _UKRAINIAN_ONLY.search(name) else (2 if _CYRILLIC_LETTER.search(name) else 1)
    return len(full) < 2, len(words) - len(full), len(words), script, " ".join(words)


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    """Return the word shingles of a quote, or nothing when it is too short to compare."""
    words = re.findall(r"\w+", text.casefold())
    found = frozenset(tuple(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))
    return found if len(found) >= MIN_SHINGLES else frozenset()


class _Groups:
    """Union-find over claim positions."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

    def join_all(self, members: Iterable[int]) -> None:
        members = list(members)
        for other in members[1:]:
            self.join(members[0], other)


def assign_origins(claims: Iterable[ClaimInput], merges: Iterable[tuple[str, str]] = (),
                   splits: Iterable[int] = ()) -> dict[int, str]:
    """Return each claim's origin key; claims with one key relay one statement and count once.

    Claims share an origin when they have the same speaker on the same day; the same publisher on the
    same day when no speaker is named; the same text digest or near-identical quotes; or when one source
    gives them with the same attribution. A source in ``splits`` is its own origin ("source:<id>").
    ``merges`` joins two origins, each named by its key or by "source:<id>" of a source in it; a merge
    naming no current origin is ignored, since the claims it joined may have been rejected or removed.
    """
    claims = list(claims)
    split = set(splits)
    groups = _Groups(len(claims))
    base = [f"source:{claim.source_id}" for claim in claims]
    speaking = _speaker_keys(claims, split)
    for i, claim in enumerate(claims):
        if i in speaking:
            base[i] = speaking[i]
        elif claim.source_id not in split and romanise(claim.publisher):
            base[i] = f"publisher:{romanise(claim.publisher)}:{_day(claim)}"
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(base):
        by_key[key].append(i)
    for members in by_key.values():
        groups.join_all(members)
    _join_within_sources(claims, split, speaking, groups)
    _join_relayed_texts([i for i, claim in enumerate(claims) if claim.source_id not in split], claims, groups)
    _join_merges(merges, claims, base, groups)
    keys = _keys(groups, base)
    return {claim.id: keys[i] for i, claim in enumerate(claims)}


def _day(claim: ClaimInput) -> str:
    return claim.stated_on.isoformat() if claim.stated_on else "undated"


def _speaker_keys(claims: list[ClaimInput], split: set[int]) -> dict[int, str]:
    """Key claims with a speaker by day and speaker, one spelling (the clearest) standing for all."""
    by_day: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        if romanise(claim.speaker) and claim.source_id not in split:
            by_day[_day(claim)].append(i)
    keys = {}
    for day, members in by_day.items():
        names = sorted({claims[i].speaker.strip() for i in members}, key=_display_rank)
        clusters = _Groups(len(names))
        for a in range(len(names)):
            for b in range(a + 1, len(names)):
                if same_person(names[a], names[b]):
                    clusters.join(a, b)
        shown: dict[int, str] = {}
        for n in range(len(names)):  # clearest first, so each cluster shows its clearest spelling
            shown.setdefault(clusters.find(n), names[n])
        index = {name: n for n, name in enumerate(names)}
        for i in members:
            keys[i] = f"speaker:{person_key(shown[clusters.find(index[claims[i].speaker.strip()])])}:{day}"
    return keys


def _join_within_sources(claims: list[ClaimInput], split: set[int], speaking: dict[int, str],
                         groups: _Groups) -> None:
    """Join one source's claims with one attribution; its own voice joins a speaker whose value it repeats."""
    by_source: dict[int, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        by_source[claim.source_id].append(i)
    for source_id, members in by_source.items():
        if source_id in split:
            groups.join_all(members)
            continue
        own = [i for i in members if i not in speaking]
        groups.join_all(own)
        quoted = [i for i in members if i in speaking]
        for a in quoted:
            for b in quoted:
                if a < b and same_person(claims[a].speaker, claims[b].speaker):
                    groups.join(a, b)
            for i in own:
                if claims[i].exact and claims[a].exact and (claims[i].key, claims[i].min) == (
                        claims[a].key, claims[a].min):
                    groups.join(i, a)


def _join_relayed_texts(comparable: list[int], claims: list[ClaimInput], groups: _Groups) -> None:
    """Join claims with equal text digests or near-identical quotes."""
    by_digest: dict[str, list[int]] = defaultdict(list)
    texts: dict[frozenset, list[int]] = defaultdict(list)
    for i in comparable:
        if claims[i].text_digest:
            by_digest[claims[i].text_digest].append(i)
        found = shingles(claims[i].quote)
        if found:
            texts[found].append(i)
    for members in [*by_digest.values(), *texts.values()]:
        groups.join_all(members)
    # Compare only quotes that share a shingle, counting shared shingles through an inverted index.
    distinct = list(texts)
    holders: dict[tuple, list[int]] = defaultdict(list)
    for n, found in enumerate(distinct):
        for shingle in found:
            holders[shingle].append(n)
    for n, found in enumerate(distinct):
        shared: dict[int, int] = defaultdict(int)
        for shingle in found:
            for other in holders[shingle]:
                if other > n:
                    shared[other] += 1
        for other, common in shared.items():
            if common / (len(found) + len(distinct[other]) - common) >= SIMILAR_TEXT:
                groups.join(texts[found][0], texts[distinct[other]][0])


def _join_merges(merges: Iterable[tuple[str, str]], claims: list[ClaimInput], base: list[str],
                 groups: _Groups) -> None:
    """Apply staff merges; each side names an origin key, a member's own key, or "source:<id>"."""
    named: dict[str, set[int]] = defaultdict(set)
    for i, key in _keys(groups, base).items():
        named[key].add(i)
        named[base[i]].add(i)
        named[f"source:{claims[i].source_id}"].add(i)
    for left, right in merges:
        if named.get(left) and named.get(right):
            groups.join_all(sorted(named[left]) + sorted(named[right]))


def voice(origin: str) -> str:
    """Return who speaks in an origin, without the day: "speaker:ihor klymenko:2022-09-23" → "speaker:ihor klymenko".

    One voice's statements on different days are different origins, yet never independent of each other:
    a later one replaces an earlier one, and they do not corroborate each other.
    """
    prefix, _, rest = origin.partition(":")
    if prefix in ("speaker", "publisher") and ":" in rest:
        name, _, day = rest.rpartition(":")
        if day == "undated" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            return f"{prefix}:{name}"
    return origin


def _keys(groups: _Groups, base: list[str]) -> dict[int, str]:
    """Name each group by its most specific member key: a speaker, else a publisher, else a source."""
    members: dict[int, list[str]] = defaultdict(list)
    for i, key in enumerate(base):
        members[groups.find(i)].append(key)
    chosen = {root: min(keys, key=lambda key: (_PRIORITY[key.split(":", 1)[0]], key))
              for root, keys in members.items()}
    return {i: chosen[groups.find(i)] for i in range(len(base))}
