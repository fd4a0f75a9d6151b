import hashlib

from litopys.evidence.merkle import leaf_hash, merkle_root, merkle_root_recursive, root_from_leaf_hashes

# The reference leaves and tree heads of RFC 6962 implementations (Certificate Transparency).
LEAVES = [bytes.fromhex(h) for h in
          ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]]
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def test_empty_tree_is_hash_of_nothing():
    assert merkle_root([]).hex() == hashlib.sha256(b"").hexdigest()


def test_reference_tree_heads():
    for size in range(1, 9):
        assert merkle_root(LEAVES[:size]).hex() == ROOTS[size - 1], size


def test_iterative_root_matches_recursive_definition():
    leaves = [bytes([i, i * 3 % 256]) for i in range(70)]
    for size in range(71):
        assert merkle_root(leaves[:size]) == merkle_root_recursive(leaves[:size]), size


def test_one_changed_leaf_changes_the_root():
    hashes = [leaf_hash(leaf) for leaf in LEAVES]
    altered = list(hashes)
    altered[5] = leaf_hash(b"tampered")
    assert root_from_leaf_hashes(hashes) != root_from_leaf_hashes(altered)
