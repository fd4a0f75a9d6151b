"""Settle homonyms: a name several settlements share means the one in the oblast the text names nearest."""

from bisect import bisect_left
from collections.abc import Iterable


class OblastContext:
    """Where a text names each oblast, and where it names a settlement that implies one."""

    def __init__(self, named: Iterable[tuple[int, str]] = (), implied: Iterable[tuple[int, str]] = ()) -> None:
        self._groups: list[dict[str, list[int]]] = []
        for mentions in (named, implied):
            positions: dict[str, list[int]] = {}
            for at, code in mentions:
                positions.setdefault(code, []).append(at)
            for found in positions.values():
                found.sort()
            self._groups.append(positions)

    def nearest(self, at: int, codes: Iterable[str | None]) -> str | None:
        """Return which of codes the text names nearest to position at: named oblasts first, then implied ones."""
        for positions in self._groups:
            best: tuple[int, str] | None = None
            for code in codes:
                found = positions.get(code) if code else None
                if not found:
                    continue
                i = bisect_left(found, at)
                distance = min(abs(found[j] - at) for j in (i - 1, i) if 0 <= j < len(found))
                if best is None or distance < best[0]:
                    best = (distance, code)
            if best:
                return best[1]
        return None
