"""Find hromadas (territorial communities) named by their adjective: "у Лиманській міській громаді", "Старосалтовская
община", "громади: Білопільська — 16, Краснопільська — 5".

A hromada is labelled as its centre (tests/data/extraction/LABELLING.md), and its adjective is made from the
centre's name like a district's (districts.hromada_adjectives); this module only says where the text makes the
adjective a hromada's: a hromada word after it, after the next adjectives it is listed with, or a list of
hromadas it is an item of.
"""

import re

_GAP = r"[ \t\u00a0]+"
# After an adjective, the words that make it a hromada's: "міської територіальної громади", "ОТГ", "community".
# "громадськ" (civic) and "громадян" (citizens) are other words.
HROMADA_AFTER = re.compile(
    rf"(?i){_GAP}(?:(?:міськ|селищн|сільськ|городск|поселков|сельск|urban|rural|village|settlement|city|town)\w*{_GAP})?"
    rf"(?:(?:територіальн|территориальн|об'єднан|объединенн|territorial)\w*{_GAP})?"
    r"(?:громад(?!ськ|ян)\w*|общин\w*|о?тг|hromadas?|communit(?:y|ies))\b"
)
# The next adjective of a list sharing one hromada word: "Лиманська, Святогірська та Сіверська громади".
_NEXT_IN_LIST = re.compile(rf"(?:[ \t\u00a0]*,[ \t\u00a0]*|{_GAP}(?:та|і|й|и|and){_GAP})[^\W\d_][\w'’ʼ-]*")
_LONGEST_LIST = 6
# A list of hromadas: the heading ("Обстрілів зазнали громади:") within this many characters before an item.
_LIST_REACH = 300
_HEADING = re.compile(
    r"(?i)(?:громад(?!ськ|ян)\w*|общин\w*|hromadas|communities)(?:[^.!?:\n]{0,40}:|[.:]?[ \t\u00a0]*\n)"
)
_HEADING_HINTS = ("громад", "общин", "hromadas", "communities")
#: Words a text names hromadas with, in lowercase: no hromada is looked for in a text without one.
HINTS = ("громад", "общин", "hromad", "communit", "тг")
# An item opens a line (after a bullet of a few characters) or follows another item with a comma or "та" …
_BULLET = 5
_ITEM_FOLLOWS = re.compile(rf"^(?:[ \t\u00a0]*,[ \t\u00a0]*|{_GAP}(?:та|і|й|и|and){_GAP})$")
# … and is closed by a dash, a colon, a comma or "та"/"и" before the next item.
_ITEM_CLOSES = re.compile(rf"[ \t\u00a0]*(?:[—–:(]|-[ \t\u00a0]|,|{_GAP}(?:та|і|й|и|and){_GAP}[^\W\d_])")


def named_after(text: str, end: int, word: re.Pattern = HROMADA_AFTER) -> int:
    """Return where the mention of a hromada whose adjective ends at end ends: after the hromada word that follows
    it, or at end when the word follows the next adjectives listed with it ("Лиманська та Святогірська громади");
    0 when no hromada word follows. A district's with its ``word``: "у Бучанському та Фастівському районах"."""
    position = end
    for _ in range(_LONGEST_LIST):
        found = word.match(text, position)
        if found:
            return found.end() if position == end else end
        following = _NEXT_IN_LIST.match(text, position)
        if not following:
            return 0
        position = following.end()
    return 0


def listed(text: str, start: int, end: int, previous_end: int, previous_hromada: bool) -> bool:
    """Say whether an adjective at start..end is an item of a list of hromadas: under a heading naming hromadas
    ("Обстрілів зазнали громади:\\n▪️ Білопільська — 16"), or right after another such item ("Хотінська,
    Миропільська та Юнаківська — по 3 атаки")."""
    if not _ITEM_CLOSES.match(text, end):
        return False
    if previous_hromada and _ITEM_FOLLOWS.match(text[previous_end:start]):
        return True
    bullet = text[text.rfind("\n", 0, start) + 1:start]
    if len(bullet) > _BULLET or any(character.isalnum() for character in bullet):
        return False
    return bool(_HEADING.search(text, max(0, start - _LIST_REACH), start))


def heading_before(text: str, start: int) -> int:
    """Return where the heading of a list of hromadas starts when it stands within reach before start (a list's
    item, a paragraph of its own, is then read with it), else -1."""
    opening = max(0, start - _LIST_REACH)
    low = text[opening:start].lower()
    if not any(hint in low for hint in _HEADING_HINTS):
        return -1  # most paragraphs: no regular expression run over the text before them
    headings = [found.start() for found in _HEADING.finditer(text, opening, start)]
    return headings[-1] if headings else -1
