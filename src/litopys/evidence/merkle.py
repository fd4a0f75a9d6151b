"""RFC 6962 Merkle tree hashes over the custody ledger (as Certificate Transparency uses them)."""

import hashlib


def leaf_hash(data: bytes) -> bytes:
    """Return MTH({d}) = SHA-256(0x00 || d)."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Return SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def _largest_power_of_two_below(n: int) -> int:
    k = 1
    while k << 1 < n:
        k <<= 1
    return k


def root_from_leaf_hashes(hashes: list[bytes]) -> bytes:
    """Return the Merkle tree hash of already-hashed leaves (RFC 6962, section 2.1)."""
    if not hashes:
        return hashlib.sha256(b"").digest()
    level = list(hashes)
    # Iterative form of the recursive split at the largest power of two: pair adjacent nodes
    # level by level, carrying an odd last node up unchanged. Both give the same root.
    while len(level) > 1:
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def merkle_root(leaves: list[bytes]) -> bytes:
    """Return the RFC 6962 Merkle tree hash of a list of leaf inputs."""
    return root_from_leaf_hashes([leaf_hash(leaf) for leaf in leaves])


def merkle_root_recursive(leaves: list[bytes]) -> bytes:
    """Return the Merkle tree hash by the RFC's recursive definition (a cross-check for tests)."""
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaf_hash(leaves[0])
    k = _largest_power_of_two_below(n)
    return node_hash(merkle_root_recursive(leaves[:k]), merkle_root_recursive(leaves[k:]))
