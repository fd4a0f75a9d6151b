"""Find the place names in a text: known names in any inflected form, and unknown ones a cue word introduces."""

import re
from dataclasses import dataclass

from litopys.names import FIRST_NAMES
from litopys.places import elided
from litopys.places import hromadas as hromada_words
from litopys.places.lexicon import AREA_WORDS, LOWERCASE_WORDS, WORD, Lexicon, is_latin_word

_CAPITAL = "A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ"
# The capital comes first and the look-behind (no letter before it) second, so that ``re`` scans for capitals
# in C instead of trying the pattern at every character.
_CAPITALISED = re.compile(rf"[{_CAPITAL}](?<![^\W\d_'’ʼ].)[^\W\d_]*(?:['’ʼ`][^\W\d_]+)*")
_ANY_WORD = re.compile(rf"(?<![^\W\d_'’ʼ]){WORD.pattern}")
# What may stand between the words of one name: spaces, one line break, or a hyphen.
_NEXT_WORD = re.compile(rf"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*|[-‐])({WORD.pattern})")
_COORDINATOR = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:(?:and|or|та|і|й|и|або|или)[ \t\u00a0]+)?")
#: A figure in parentheses after an oblast's adjective, before the area word they share.
_FIGURE = re.compile(r"[ \t\u00a0]*\([^()\n]{1,40}\)")
_REGION_OF = re.compile(r"(?i)\b(?:region|oblast|province)\s+of\s+(?:the\s+)?$")
# Words that introduce a settlement by kind: "village of Hrakove", "в селі Гракове", "поселок Шевченково".
# English ones are matched in lowercase (or opening a sentence) so that "City Hall" names no place.
_CUE = re.compile(
    r"(?:\b(?:[Vv]illage|[Ss]ettlement|[Hh]amlet)(?:[ \t\u00a0]+of)?|\b[Tt]own[ \t\u00a0]+of)[ \t\u00a0]+$"
    r"|(?i:(?<![^\W\d_])(?:сел(?:о|а|і|у|е|ом)|селищ(?:е|а|і|у|ем)|смт|пгт|пос[её]л(?:ок|ка|ке|ку|ком)"
    r"|деревн(?:я|і|и|е|ю|ею)|хут(?:ір|ор|ора|орі|оре|ору))\.?[ \t\u00a0]+$)"
    r"|(?i:(?<![^\W\d_])(?:с|сел|пос)\.[ \t\u00a0]*$)"
)
# After a name, a district word makes it a district: "Чугуївського району", "Izium district".
_DISTRICT = elided.DISTRICT
# Before a name, a street word makes it a street's: "вулиці Жовтневій", "ул. Ленина", "площа Свободи".
_STREET_BEFORE = re.compile(
    r"(?i:(?<![^\W\d_])(?:вулиц(?:я|і|ю|ею)|вул\.|улиц(?:а|е|у|ы|ей)|ул\.|проспект(?:у|і|е|а|ом)?|просп\.|пр-т"
    r"|провул(?:ок|ку|ка|ком)|пров\.|переул(?:ок|ке|ка|ком)|пер\.|площ(?:а|і|у|ею|адь|ади|адью)|пл\.|бульвар(?:у|і|е|а)?"
    r"|б-р|street|avenue))[ \t\u00a0]*$"
)
# After a name, these make it a street's: "Kyiv Street", "Shevchenko Avenue".
_STREET_AFTER = re.compile(r"[ \t\u00a0]+(?:(?:Street|Avenue|Lane|Boulevard|вулиц[яіюе]|улиц[аеуы])\b|St\.|Ave\.)")
_SAME_LINE_NEXT_WORD = re.compile(rf"(?:[ \t\u00a0]+|[-‐])({WORD.pattern})")
# Every cue or street word above holds one of these (in lowercase): a text without any needs no look for them.
_CUE_HINTS = ("сел", "с.", "пос", "смт", "пгт", "хут", "деревн", "village", "settlement", "hamlet", "town")
_STREET_HINTS = (
    "вул", "улиц", "ул.", "просп", "пр-т", "пров", "переул", "пер.", "площ", "пл.", "бульв", "б-р", "street", "avenue",
)
_CUE_WINDOW = 30
# The words a cue can end with.
_CUE_ENDS = tuple(
    "village settlement hamlet of село села селі селу селе селом селище селища селищі селищу селищем смт пгт поселок"
    " поселка поселке поселку поселком посёлок посёлка посёлке посёлку посёлком деревня деревні деревни деревне"
    " деревню деревнею хутір хутор хутора хуторі хуторе хутору с сел пос".split()
)
_LONGEST_UNKNOWN = 3


@dataclass
class Match:
    """Where a name was found, and the lexicon entries it may be (none for an unknown place)."""

    start: int
    end: int
    entries: tuple[int, ...]
    cued: bool = False
    unknown: str = ""
    #: A district named after the place(s) of entries: "Чугуївський район", "Kupiansk district".
    district: bool = False
    #: A hromada named by the adjective of its centre, the place of entries: "Лиманська громада".
    hromada: bool = False


def _has(low: str, hints: tuple[str, ...]) -> bool:
    for hint in hints:
        if hint in low:
            return True
    return False


def _cued(text: str, start: int) -> bool:
    before = text[max(0, start - _CUE_WINDOW) : start].rstrip(" \t\u00a0\n").lower()
    if not before.removesuffix(".").endswith(_CUE_ENDS):
        return False  # the word before is no cue word: no need to try the pattern
    return bool(_CUE.search(text, max(0, start - _CUE_WINDOW), start))


def _name_end(lexicon: Lexicon, text: str, words: tuple[str, ...], at: int, capitals: bool) -> int:
    """Return where the rest of a name's words end after position at, or -1 when they are not there."""
    for word in words:
        following = _NEXT_WORD.match(text, at)
        if not following:
            return -1
        written = following.group(1)
        if capitals and word not in LOWERCASE_WORDS and not written[0].isupper():
            return -1
        if word not in lexicon.words(written):
            return -1
        at = following.end()
    return at


def _longest(lexicon: Lexicon, text: str, found: tuple[str, ...], end: int, capitals: bool) -> tuple[int, list[int]]:
    """Return the end and entries of the longest names that start with a word of found, or (-1, [])."""
    best, entries = -1, []
    for word in found:
        for words, entry in lexicon.names.get(word, ()):
            stop = end if len(words) == 1 else _name_end(lexicon, text, words[1:], end, capitals)
            if stop > best:
                best, entries = stop, [entry]
            elif stop == best >= 0:
                entries.append(entry)
    return best, entries


def _hromada(lexicon: Lexicon, text: str, matches: list[Match], start: int, end: int) -> Match | None:
    """Return the hromada an adjective at start..end names, if a hromada word or a list of hromadas makes it one."""
    stop = hromada_words.named_after(text, end)
    if not stop:
        previous = matches[-1] if matches else None
        stop = end if hromada_words.listed(text, start, end, previous.end if previous else 0,
                                           bool(previous and previous.hromada)) else 0
    entries = lexicon.hromada(text[start:end]) if stop else ()
    return Match(start, stop, entries, hromada=True) if entries else None


def _chain(lexicon: Lexicon, text: str, first: re.Match, capitals: bool) -> list[Match]:
    """Match "Kharkiv and Donetsk regions", "Харківської та Донецької областей": oblasts sharing one area word."""
    links, token = [first], first
    while True:
        after = token.end()
        figure = _FIGURE.match(text, after)  # "в Донецкой (46), Харьковской (28) и Запорожской (19) областях"
        after = figure.end() if figure else after
        gap = _COORDINATOR.match(text, after)
        following = _NEXT_WORD.match(text, after)
        if following and any(w in AREA_WORDS for w in lexicon.words(following.group(1))):
            if len(links) < 2:
                return []
            ends = [link.end() for link in links[:-1]] + [token.end() if figure else following.end()]
            return [Match(link.start(), stop, (lexicon.area_heads[_head(lexicon, link.group())],))
                    for link, stop in zip(links, ends, strict=True)]
        token = _CAPITALISED.match(text, gap.end()) if capitals else _ANY_WORD.match(text, gap.end())
        if not gap.group().strip() or not token or not _head(lexicon, token.group()):
            return []
        links.append(token)


def _head(lexicon: Lexicon, written: str) -> str:
    return lexicon.area_head(lexicon.words(written))


def _person(text: str, first: re.Match) -> bool:
    """Say whether the words a cue introduces name a person: "Староста села Валентина Кириченко" (a first name, then
    a capitalised word) is the village's head, no village."""
    following = _SAME_LINE_NEXT_WORD.match(text, first.end())
    return first.group() in FIRST_NAMES and following is not None and following.group(1)[:1].isupper()


def _unknown(lexicon: Lexicon, text: str, first: re.Match, capitals: bool) -> Match:
    """Return an unknown place named by up to three capitalised words, stopping before a known phrase."""
    end = first.end()
    for _ in range(_LONGEST_UNKNOWN - 1):
        following = _SAME_LINE_NEXT_WORD.match(text, end)
        if not following or not following.group(1)[0].isupper():
            break
        if _DISTRICT.match(text, following.end()) or hromada_words.HROMADA_AFTER.match(text, following.end()):
            break  # "в селі Циркуни Харківського району", "у селі Гусарівка Балаклійської громади"
        found = lexicon.words(following.group(1))
        if found and _longest(lexicon, text, found, following.end(), capitals)[0] > following.end():
            break  # "в селі Гракове Харківської області"
        end = following.end()
    return Match(first.start(), end, (), cued=True, unknown=text[first.start():end])


def scan(lexicon: Lexicon, text: str, capitals: bool = True, common: frozenset[int] = frozenset()) -> list[Match]:
    """Return the names in a text, in order and not overlapping, the longest where two compete.

    Names must start with a capital letter unless capitals is false; the entries in common (names that are
    also common words) count only after a cue word ("село Перемога").
    """
    matches: list[Match] = []
    covered = 0
    tokens = _CAPITALISED if capitals else _ANY_WORD
    low = text.lower() if capitals else ""
    cues, streets = capitals and _has(low, _CUE_HINTS), capitals and _has(low, _STREET_HINTS)
    hromadas = capitals and _has(low, hromada_words.HINTS)
    words, area_head = lexicon.words, lexicon.area_head
    for token in tokens.finditer(text):
        start, end = token.span()
        if start < covered:
            continue
        written = token.group()
        if capitals and len(written) <= 3 and written.isupper():
            continue  # abbreviations: ЗСУ, ISW
        if streets and _STREET_BEFORE.search(text, max(0, start - _CUE_WINDOW), start):
            covered = _name_of_street_end(text, end)  # "вулиці Жовтневій", "вул. Героїв Праці": no place
            continue
        hromada = hromadas and _hromada(lexicon, text, matches, start, end)
        if hromada:
            matches.append(hromada)
            covered = hromada.end
            continue  # "у Лиманській громаді", "громади: Білопільська — 16": their centres
        if capitals and _DISTRICT.match(text, end) and lexicon.district(written):
            district = _DISTRICT.match(text, end)
            matches.append(Match(start, district.end(), lexicon.district(written), district=True))
            covered = district.end()
            continue  # "Чугуївський район", "Kupianskyi district"
        if capitals and lexicon.district(written) and (elided.after_a_district(text, matches, end, start)
                                                       or elided.listed_district(lexicon, text, end)):
            matches.append(Match(start, end, lexicon.district(written), district=True))
            covered = end
            continue  # "в Новгород-Северском районе (214) и Черниговском (87)"
        found = words(written)
        area = () if found or not capitals else lexicon.area(written)
        if area:
            matches.append(Match(start, end, area, district=True))
            covered = end
            continue  # "на Ізюмщині": the district of Izium; "на Харківщині" is the oblast's, found above
        if not found and not cues:
            continue  # names no place, and no cue word makes it one
        stop, entries = _longest(lexicon, text, found, end, capitals) if found else (-1, [])
        if stop <= end and found and area_head(found):
            chain = _chain(lexicon, text, token, capitals)
            if chain:
                matches += chain
                covered = chain[-1].end
                continue
            region = _REGION_OF.search(text, max(0, start - 40), start) if stop == end else None
            if region:
                matches.append(Match(region.start(), end, (lexicon.area_heads[area_head(found)],)))
                covered = end
                continue
            oblast = lexicon.area_heads[area_head(found)]
            if not is_latin_word(written) and elided.after_an_oblast(lexicon, text, matches, start):
                matches.append(Match(start, end, (oblast,)))  # "из Херсонской области — 4 300, из Донецкой — 3 800"
                covered = end
                continue
        district = capitals and entries and _DISTRICT.match(text, stop)
        if district:
            matches.append(Match(start, district.end(), tuple(entries), district=True))  # "Kupiansk district"
            covered = district.end()
            continue
        cued = cues and _cued(text, start) and not _person(text, token)
        if cued:
            unknown = _unknown(lexicon, text, token, capitals)
            if unknown.end > max(stop, end):  # "в селі Верхня Гракова Балка": more than the known "Верхня"
                matches.append(unknown)
                covered = unknown.end
                continue
        if entries:
            if not cued:
                entries = [entry for entry in entries if entry not in common]
                if not entries or stop == end and _DISTRICT.match(text, end):
                    continue
            if capitals and _STREET_AFTER.match(text, stop):
                covered = stop
                continue  # "Kyiv Street"
            matches.append(Match(start, stop, tuple(entries), cued=cued))
            covered = stop
        elif cued:
            matches.append(_unknown(lexicon, text, token, capitals))
            covered = matches[-1].end
    return matches


_QUALIFYING_GAP = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*")
_OF_GAP = re.compile(r"[ \t\u00a0]+(?:of[ \t\u00a0]+(?:the[ \t\u00a0]+)?)?")


#: Between a settlement and the area that says where it is: "Борова на Ізюмщині", "Гракове на Харківщині".
_IN_AREA_GAP = re.compile(r"[ \t\u00a0]+(?:на|в|у|во)[ \t\u00a0]+")


def in_area(text: str, end: int, start: int) -> bool:
    """Say whether only "на"/"в" stands between a settlement and an area: "Борова на Ізюмщині"."""
    return _IN_AREA_GAP.fullmatch(text, end, start) is not None


def qualifies(text: str, end: int, start: int, of: bool = False) -> bool:
    """Say whether only spaces or a comma (or, with ``of``, "of the") stand between two names."""
    return (_OF_GAP if of else _QUALIFYING_GAP).fullmatch(text, end, start) is not None


def _name_of_street_end(text: str, end: int) -> int:
    """Return where a street's name that starts with a word ending at end ends: its capitalised words."""
    for _ in range(_LONGEST_UNKNOWN - 1):
        following = _SAME_LINE_NEXT_WORD.match(text, end)
        if not following or not following.group(1)[0].isupper():
            break
        end = following.end()
    return end
