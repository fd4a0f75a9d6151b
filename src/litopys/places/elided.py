"""Adjectives that name an oblast or a district without their own area word: the word was said before ("из
Херсонской области — 4 300, из Донецкой — 3 800") or is shared with the next adjectives ("у Бучанському та
Фастівському районах")."""

import re

from litopys.places import hromadas

#: After a name, a district word makes it a district: "Чугуївського району", "Izium district".
DISTRICT = re.compile(r"(?i)[ \t\u00a0]+(?:район\w*|raions?|rayons?|districts?)\b")
#: How far after an oblast (a district) named with its area word another's adjective alone still names one.
_ELIDED_REACH = 80
_SENTENCE_END = re.compile(r"[.!?]\s")
_AREA_WORD_AFTER = re.compile(r"(?i)[ \t\u00a0]+(?:област\w*|обл\.|oblast|regions?|provinces?)")
_LAST_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*$")


def after_an_oblast(lexicon, text: str, matches: list, start: int) -> bool:
    """Say whether an oblast named with its area word stands just before, in the same sentence, so that an oblast's
    adjective alone names an oblast too: "из Херсонской области — 4 300, из Донецкой — более 3 800"."""
    if not matches or start - matches[-1].end > _ELIDED_REACH or _SENTENCE_END.search(text, matches[-1].end, start):
        return False
    return bool(set(matches[-1].entries) & set(lexicon.area_heads.values()))


def after_a_district(text: str, matches: list, end: int, start: int) -> bool:
    """Say whether a district named with its district word stands just before in the sentence: "в Новгород-Северском
    районе (214) и Черниговском (87)"; not an oblast's adjective before its area word ("Харьковской области")."""
    return bool(matches) and matches[-1].district and start - matches[-1].end <= _ELIDED_REACH and not \
        _SENTENCE_END.search(text, matches[-1].end, start) and not _AREA_WORD_AFTER.match(text, end)


def listed_district(lexicon, text: str, end: int) -> bool:
    """Say whether an adjective ending at ``end`` is listed before another district's that has the district word,
    which they share: "у Бучанському та Фастівському районах"; not before a city's districts ("в Киевском и
    Салтовском районах" of Kharkiv: Saltivskyi is no raion)."""
    if not hromadas.named_after(text, end, DISTRICT):
        return False
    word = DISTRICT.search(text, end)
    last = _LAST_WORD.search(text, end, word.start())
    return last is not None and bool(lexicon.district(last.group()))
