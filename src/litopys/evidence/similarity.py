"""Find images that look alike by the Hamming distance of their perceptual hashes."""


def hamming_hex(a: str, b: str) -> int:
    """Return the number of differing bits between two hex hashes (an optional 'phash:' prefix is ignored)."""
    return bin(int(a.split(":")[-1], 16) ^ int(b.split(":")[-1], 16)).count("1")


def near_duplicates(hashes: list[tuple[str, str]], distance: int) -> list[tuple[str, str, int]]:
    """Return (a, b, distance) for every pair within distance, closest first."""
    values = [(key, int(h.split(":")[-1], 16)) for key, h in hashes]
    pairs = []
    for i, (key_a, a) in enumerate(values):
        for key_b, b in values[i + 1:]:
            d = (a ^ b).bit_count()
            if d <= distance:
                pairs.append((key_a, key_b, d))
    return sorted(pairs, key=lambda p: (p[2], p[0], p[1]))
