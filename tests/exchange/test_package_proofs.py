"""Merkle inclusion proofs for custody entries: every leaf of trees of every size leads to the RFC 6962 root, and
nothing else does."""

import hashlib

from litopys.evidence.merkle import leaf_hash, merkle_root_recursive
from litopys.exchange.packages.proofs import inclusion_path, root_from_path, tree_levels


def entries(n: int) -> list[bytes]:
    return [hashlib.sha256(f"synthetic entry {i}".encode()).digest() for i in range(n)]


def test_every_leaf_of_every_tree_up_to_40_leads_to_the_rfc_root():
    for n in range(1, 41):
        data = entries(n)
        root = merkle_root_recursive(data)
        levels = tree_levels([leaf_hash(d) for d in data])
        assert levels[-1][0] == root
        for index in range(n):
            assert root_from_path(data[index], index, n, inclusion_path(levels, index)) == root, (n, index)


def test_a_proof_fails_for_another_entry_another_position_or_a_changed_step():
    data = entries(13)
    levels = tree_levels([leaf_hash(d) for d in data])
    root = levels[-1][0]
    path = inclusion_path(levels, 5)
    assert root_from_path(data[5], 5, 13, path) == root
    assert root_from_path(data[6], 5, 13, path) != root
    assert root_from_path(data[5], 4, 13, path) != root
    assert root_from_path(data[5], 5, 13, path[:-1]) != root
    changed = [path[0][:-1] + bytes([path[0][-1] ^ 1]), *path[1:]]
    assert root_from_path(data[5], 5, 13, changed) != root
    assert root_from_path(data[5], 13, 13, path) is None
