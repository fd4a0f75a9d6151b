"""How each kind of claim behaves, read from the kinds vocabulary (``vocab/claim_kinds.yaml``).

The rules name no kind for these decisions: what takes qualifiers, what counts people, what a count may
be part of all come from the vocabulary's ``unit``, ``counts_people`` and ``part_of``.
"""

from __future__ import annotations

from litopys import vocab

_KINDS = vocab.load("claim_kinds")

#: Kinds that count places or areas, not people: no qualifiers.
SITE_KINDS = frozenset(code for code, entry in _KINDS.items() if not entry.get("counts_people"))
#: Kinds that count people (not bodies, places or areas): a group named by what happened to it.
GROUP_KINDS = frozenset(code for code, entry in _KINDS.items() if entry.get("unit") == "people")
#: Kinds a count of each kind may break down, itself first: "среди погибших" of "447 тел".
TOTAL_KINDS: dict[str, tuple[str, ...]] = {
    code: (code, *entry["part_of"]) for code, entry in _KINDS.items() if entry.get("part_of")
}


def totals_of(kind: str) -> tuple[str, ...]:
    """Return the kinds a count of ``kind`` may be a part of, ``kind`` itself first."""
    return TOTAL_KINDS.get(kind, (kind,))


def part_of(kind: str, total: str) -> bool:
    """Say whether a count of ``kind`` is part of a count of another kind ``total`` (the dead of bodies)."""
    return total != kind and total in totals_of(kind)
