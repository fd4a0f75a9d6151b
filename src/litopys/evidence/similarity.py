"""Find images that look alike by the Hamming distance of their perceptual hashes."""


def hamming(a: str, b: str) -> int:
    """Count the bits in which two perceptual hashes (`phash:<hex>`) differ; near-duplicates differ in few."""
    algorithm_a, _, hex_a = a.rpartition(":")
    algorithm_b, _, hex_b = b.rpartition(":")
    if algorithm_a != algorithm_b or len(hex_a) != len(hex_b):
        raise ValueError(f"cannot compare {a!r} with {b!r}: different algorithms or lengths")
    try:
        return (int(hex_a, 16) ^ int(hex_b, 16)).bit_count()
    except ValueError:
        raise ValueError(f"not a hexadecimal hash: {a!r} or {b!r}") from None


def near_duplicates(hashes: list[tuple[str, str]], distance: int) -> list[tuple[str, str, int]]:
    """Return (a, b, distance) for every pair of (key, hash) within distance, closest first."""
    pairs = []
    for i, (key_a, a) in enumerate(hashes):
        for key_b, b in hashes[i + 1:]:
            d = hamming(a, b)
            if d <= distance:
                pairs.append((key_a, key_b, d))
    return sorted(pairs, key=lambda p: (p[2], p[0], p[1]))
