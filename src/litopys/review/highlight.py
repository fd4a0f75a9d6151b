"""Cut a text into segments marked with the claims and opinion spans that cover them."""

from dataclasses import dataclass, field


@dataclass
class Segment:
    text: str
    start: int
    claims: list[int] = field(default_factory=list)
    opinion: bool = False


def segments(text: str, claims: list[tuple[int, int, int]], opinions: list[tuple[int, int]]) -> list[Segment]:
    """Return consecutive segments of text; claims are (id, start, end), opinions (start, end)."""
    cuts = {0, len(text)}
    for _, start, end in claims:
        cuts.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    for start, end in opinions:
        cuts.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    points = sorted(cuts)
    out = []
    for left, right in zip(points, points[1:], strict=False):
        if left == right:
            continue
        covering = [cid for cid, start, end in claims if start <= left and right <= end]
        opinion = any(start <= left and right <= end for start, end in opinions)
        out.append(Segment(text[left:right], left, covering, opinion))
    return out
