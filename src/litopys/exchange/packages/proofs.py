"""Merkle inclusion proofs (RFC 6962, section 2.1.1; verified as RFC 9162, section 2.1.3.2 says).

A proof shows that one custody entry is the ``index``-th leaf of the ledger a checkpoint signed, from the
entry hash and a few sibling hashes, without the rest of the ledger. Pure: no database, so that
``litopys verify-package`` checks a package anywhere.
"""

from __future__ import annotations

from litopys.evidence.merkle import leaf_hash, node_hash


def tree_levels(leaves: list[bytes]) -> list[list[bytes]]:
    """Return every level of the tree over already-hashed leaves, the leaves first and the root last.

    Pairing neighbours level by level and carrying an odd last node up unchanged builds the same tree as the
    RFC's split at the largest power of two (`litopys.evidence.merkle` relies on the same fact).
    """
    levels = [list(leaves)]
    while len(levels[-1]) > 1:
        level = levels[-1]
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        levels.append(paired)
    return levels


def inclusion_path(levels: list[list[bytes]], index: int) -> list[bytes]:
    """Return the audit path of leaf ``index``: the sibling hashes from the leaf up to the root."""
    if not 0 <= index < len(levels[0]):
        raise ValueError(f"leaf {index} is outside a tree of {len(levels[0])} leaves")
    path = []
    for level in levels[:-1]:
        sibling = index ^ 1
        if sibling < len(level):
            path.append(level[sibling])
        index //= 2
    return path


def root_from_path(entry_digest: bytes, index: int, tree_size: int, path: list[bytes]) -> bytes | None:
    """Return the root a proof leads to from an entry (its raw SHA-256), or None when the proof cannot fit a
    tree of ``tree_size`` leaves at ``index``."""
    if not 0 <= index < tree_size:
        return None
    fn, sn = index, tree_size - 1
    result = leaf_hash(entry_digest)
    for sibling in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            result = node_hash(sibling, result)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            result = node_hash(result, sibling)
        fn >>= 1
        sn >>= 1
    return result if sn == 0 else None
