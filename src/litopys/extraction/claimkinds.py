"""How each kind of claim behaves, read from the kinds vocabulary (``vocab/claim_kinds.yaml``).

The rules name no kind: what takes qualifiers, what a count may be part of, which group a part takes its fate
from, what places and signs count all come from the vocabulary's fields (its header says what each means).
"""

from __future__ import annotations

from litopys import vocab

_KINDS = vocab.load("claim_kinds")

#: Kinds that count places or areas, not people: no qualifiers.
SITE_KINDS = frozenset(code for code, entry in _KINDS.items() if not entry.get("counts_people"))
#: Kinds whose noun names a group a part may be taken from ("three of the detainees"): the part takes its fate.
GROUP_KINDS = frozenset(code for code, entry in _KINDS.items() if entry.get("takes_fate_words"))
#: Kinds whose noun names people in a state a further fate may befall ("четверых задержанных пытали").
STATE_KINDS = frozenset(code for code, entry in _KINDS.items() if entry.get("a_state"))
#: What befell people -> the kind counting places where it was done ("11 places … where detainees were tortured").
PLACE_OF: dict[str, str] = {fate: code for code, entry in _KINDS.items() for fate in entry.get("place_of", ())}
#: A kind -> the kinds whose count, followed by its words right after the noun, counts it ("30 bodies bore signs of
#: torture"): tortured.
SIGNS_ON: dict[str, frozenset[str]] = {
    code: frozenset(entry["signs_on"]) for code, entry in _KINDS.items() if entry.get("signs_on")
}
#: Kinds that count civilian objects: the words of what was done to them decide which ("damaged", "destroyed").
OBJECT_KINDS = frozenset(code for code, entry in _KINDS.items() if entry.get("counts_objects"))
#: Kinds a count of casualties adds up ("150 civilian casualties: 46 killed and 104 injured").
CASUALTY_KINDS = frozenset(code for code, entry in _KINDS.items() if entry.get("casualties"))
#: Kinds that count people or bodies: a count of people takes only their words ("killed", not "shelled").
PEOPLE_KINDS = frozenset(code for code, entry in _KINDS.items() if entry.get("counts_people"))
#: A kind that counts no people -> its qualifiers and where each is read ("noun" or "sentence").
KIND_QUALIFIERS: dict[str, dict[str, str]] = {
    code: dict(entry["qualifiers"]) for code, entry in _KINDS.items() if entry.get("qualifiers")
}
#: Kinds a count of each kind may break down, itself first: "среди погибших" of "447 тел".
TOTAL_KINDS: dict[str, tuple[str, ...]] = {
    code: (code, *entry["part_of"]) for code, entry in _KINDS.items() if entry.get("part_of")
}


def totals_of(kind: str) -> tuple[str, ...]:
    """Return the kinds a count of ``kind`` may be a part of, ``kind`` itself first."""
    return TOTAL_KINDS.get(kind, (kind,))


def parts_of(total: str) -> frozenset[str]:
    """Return the kinds whose count may be part of a count of ``total`` (the dead of bodies)."""
    return frozenset(code for code in _KINDS if part_of(code, total))


def part_of(kind: str, total: str) -> bool:
    """Say whether a count of ``kind`` is part of a count of another kind ``total`` (the dead of bodies)."""
    return total != kind and total in totals_of(kind)
