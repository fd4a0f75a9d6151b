"""Reconcile claims into figures: a range, a best value, the independent origins behind it, and flags."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from litopys.figures import consistency
from litopys.figures.claims import (
    AUTHORITY_RANK,
    ClaimInput,
    FigureKey,
    Flag,
    Reconciled,
    figure_key,
)
from litopys.figures.origins import assign_origins, voice
from litopys.figures.wording import SourceKind, Wording, say

__all__ = ["ClaimInput", "Reconciled", "Flag", "figure_key", "reconcile"]

def reconcile(claims: Iterable[ClaimInput], origin_overrides: Mapping[int, str] | None = None,
              best_override: Mapping[FigureKey, tuple[int, str]] | None = None) -> list[Reconciled]:
    """Return one figure per cell, kind and qualifiers, in key order.

    ``origin_overrides`` maps claim ids to origin keys staff settled (for instance ``assign_origins`` run
    with their merges and splits); other claims get computed origins. ``best_override`` maps a figure key
    to the value a reviewer chose and the reason they gave.
    """
    claims = list(claims)
    live = [claim for claim in claims if claim.status != "rejected"]
    origins = assign_origins(live)
    origins.update({claim.id: origin_overrides[claim.id] for claim in live if claim.id in (origin_overrides or {})})
    grouped: dict[FigureKey, list[ClaimInput]] = defaultdict(list)
    for claim in claims:
        grouped[claim.key].append(claim)
    figures = []
    interim: set[int] = set()
    for key in sorted(grouped):
        figure = _figure(key, grouped[key], origins, (best_override or {}).get(key))
        interim.update(figure.interim)
        figures.append(figure)
    consistency.breakdown_flags(figures, live, interim)
    consistency.place_breakdown_flags(figures, live, interim)
    return figures


def _figure(key: FigureKey, claims: list[ClaimInput], origins: Mapping[int, str],
            override: tuple[int, str] | None) -> Reconciled:
    cell, kind, qualifiers = key
    live = sorted((claim for claim in claims if claim.status != "rejected"), key=lambda c: c.id)
    voices = {claim.id: voice(origins[claim.id]) for claim in live}
    interim, flags = consistency.superseded(live, voices)
    current = [claim for claim in live if claim.id not in interim]
    exact = [claim for claim in current if claim.exact]
    low, high, range_flags = _range(current, exact)
    flags = consistency.merged(flags + range_flags + consistency.value_flags(current, voices))
    if override is not None:
        best, why, chosen = override[0], Wording("best_by_reviewer", {"reason": override[1]}), None
    else:
        best, why, chosen = _best(exact, voices)
    agreeing = sorted({origins[claim.id] for claim in exact if claim.min == best}) if best is not None else []
    kinds: dict[str, str] = {}
    for claim in sorted(live, key=lambda c: (AUTHORITY_RANK.get(c.source_kind, len(AUTHORITY_RANK)), c.id)):
        kinds.setdefault(origins[claim.id], claim.source_kind)
    return Reconciled(
        cell=cell, kind=kind, qualifiers=dict(qualifiers), min=low, max=high, best=best,
        claims=[claim.id for claim in live], interim=sorted(interim),
        origins=sorted({origins[claim.id] for claim in live}),
        status=_status(current, best, {voice(origin) for origin in agreeing}),
        flags=flags, best_reason=say(why), best_wording=why, best_claim=chosen, best_origins=agreeing,
        origin_kinds=dict(sorted(kinds.items())),
        rejected=sorted(claim.id for claim in claims if claim.status == "rejected"),
        best_by_reviewer=override is not None,
    )


def _range(current: list[ClaimInput], exact: list[ClaimInput]) -> tuple[int | None, int | None, list[Flag]]:
    """Return min and max: exact counts when there are any, else the bounds, else the approximate figures."""
    if exact:
        return min(claim.min for claim in exact), max(claim.min for claim in exact), []
    firm = [claim for claim in current if not claim.approximate]
    hedged = [claim for claim in current if claim.approximate]
    lows = [claim for claim in firm if claim.min is not None]
    highs = [claim for claim in firm if claim.max is not None]
    # The strongest firm bound on each side; a hedged figure speaks only where no firm bound does.
    low = max(lows, key=lambda c: c.min) if lows else None
    high = min(highs, key=lambda c: c.max) if highs else None
    if low is not None and high is not None and low.min > high.max:
        return high.max, low.min, [consistency.bounds_flag(low, high)]
    low_value = low.min if low else min((c.min for c in hedged if c.min is not None), default=None)
    high_value = high.max if high else max((c.max for c in hedged if c.max is not None), default=None)
    if low is not None and high is None and high_value is not None and high_value < low_value:
        high_value = None  # "almost 450" does not cap a firm "at least 460"
    if high is not None and low is None and low_value is not None and low_value > high_value:
        low_value = None
    return low_value, high_value, []


def _best(exact: list[ClaimInput], voices: Mapping[int, str]) -> tuple[int | None, Wording, int | None]:
    """Return the latest exact count from the most authoritative kind of source, why, and the claim chosen."""
    if not exact:
        return None, Wording("no_exact_count"), None
    pool = [claim for claim in exact if claim.status != "disputed"] or exact
    top = min(AUTHORITY_RANK.get(claim.source_kind, len(AUTHORITY_RANK)) for claim in pool)
    pool = [claim for claim in pool if AUTHORITY_RANK.get(claim.source_kind, len(AUTHORITY_RANK)) == top]
    latest = [claim for claim in pool if not any(claim.said_before(other) for other in pool)]
    support: dict[int, set[str]] = defaultdict(set)
    for claim in latest:
        support[claim.min].add(voices[claim.id])
    # Several latest values of equal rank: the one more voices give, then the one entered first.
    best = max(support, key=lambda value: (len(support[value]), -min(c.id for c in latest if c.min == value)))
    chosen = min((claim for claim in latest if claim.min == best), key=lambda c: c.id)
    why = Wording("best_latest", {"best": best, "kind": SourceKind(chosen.source_kind), "who": chosen.voice()})
    return best, why, chosen.id


def _status(current: list[ClaimInput], best: int | None, agreeing: set[str]) -> str:
    """Disputed while any claim is disputed; verified when a reviewer verified a claim giving the best value."""
    if any(claim.status == "disputed" for claim in current):
        return "disputed"
    if best is not None and any(claim.exact and claim.min == best and claim.status == "verified"
                                for claim in current):
        return "verified"
    if best is None and current and all(claim.status == "verified" for claim in current):
        return "verified"
    return "corroborated" if len(agreeing) >= 2 else "unverified"
