"""Records into clusters: the model's links, strongest first, under what reviewers decided.

Reviewed decisions win: the records of one reviewed victim are always one cluster, and records of two
different reviewed victims never share one, whatever the model says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Constraints:
    """What reviewers decided: record id → the victim two people confirmed it is."""

    victim_of: dict[int, int] = field(default_factory=dict)
    #: Lists that hold each person once (one body, one row): two of their records are never one person.
    one_row_per_person: set[str] = field(default_factory=set)
    #: record id → its list, needed with `one_row_per_person`.
    list_of: dict[int, str] = field(default_factory=dict)


@dataclass
class ClusterResult:
    number: int
    members: list[int]
    match_probability: float | None
    victim: int | None = None


def cluster(ids: Iterable[int], edges: list[tuple[int, int, float]],
            constraints: Constraints | None = None) -> tuple[list[ClusterResult], set[tuple[int, int]]]:
    """Return the clusters (numbered from 1 by their lowest record id) and the edges inside them."""
    constraints = constraints or Constraints()
    parent: dict[int, int] = {i: i for i in ids}
    victim: dict[int, int | None] = {i: constraints.victim_of.get(i) for i in parent}
    weakest: dict[int, float | None] = dict.fromkeys(parent)
    distinct = constraints.one_row_per_person
    lists: dict[int, frozenset[str]] = {
        i: frozenset({constraints.list_of[i]}) if distinct and constraints.list_of.get(i) in distinct else frozenset()
        for i in parent}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int, probability: float | None) -> None:
        ra, rb = root(a), root(b)
        if ra == rb:
            return
        if ra > rb:
            ra, rb = rb, ra
        parent[rb] = ra
        victim[ra] = victim[ra] if victim[ra] is not None else victim[rb]
        lists[ra] = lists[ra] | lists[rb]
        known = [p for p in (weakest[ra], weakest[rb], probability) if p is not None]
        weakest[ra] = min(known) if known else None

    first_of_victim: dict[int, int] = {}
    for record, person in constraints.victim_of.items():
        if record in parent:
            if person in first_of_victim:
                union(first_of_victim[person], record, None)
            else:
                first_of_victim[person] = record
    for left, right, probability in sorted(edges, key=lambda e: (-e[2], e[0], e[1])):
        ra, rb = root(left), root(right)
        if ra == rb:
            continue
        if victim[ra] is not None and victim[rb] is not None and victim[ra] != victim[rb]:
            continue  # two people reviewers told apart
        if lists[ra] & lists[rb]:
            continue  # two rows of a list that holds each person once
        union(ra, rb, probability)
    groups: dict[int, list[int]] = {}
    for i in parent:
        groups.setdefault(root(i), []).append(i)
    clusters = []
    for number, (head, members) in enumerate(sorted(groups.items(), key=lambda g: min(g[1])), start=1):
        clusters.append(ClusterResult(number, sorted(members), weakest[head] if len(members) > 1 else None,
                                      victim[head]))
    inside = {(left, right) for left, right, _ in edges if root(left) == root(right)}
    return clusters, inside
