"""Check claims and figures against each other: supersession, conflicts, bounds, breakdowns of a total."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from litopys.figures.claims import SCHEMES, ClaimInput, Flag, Reconciled
from litopys.figures.wording import Bound, Placed, Valued, Wording, group_of, people, say

CONFLICT = "conflict"
PARTS_EXCEED_TOTAL = "parts_exceed_total"
PARTS_DO_NOT_ADD_UP = "parts_do_not_add_up"
OVERLAPPING_CATEGORIES = "overlapping_categories"
INTERIM_SUPERSEDED = "interim_superseded"
BOUND_ABOVE_TOTAL = "bound_above_total"

class OverlappingCategories(ValueError):
    """Parts that may count the same people were about to be added together."""


def flag(code: str, claims: Iterable[int] = (), template: str | None = None, **params) -> Flag:
    """Return a flag whose sentence is its template (``wording.TEMPLATES``) filled with ``params``."""
    wording = Wording(template or code, params)
    return Flag(code, say(wording), sorted(set(claims)), wording)


def merged(flags: Iterable[Flag]) -> list[Flag]:
    """Return flags with identical sentences merged into one that points at all their claims."""
    by_sentence: dict[tuple[str, str], Flag] = {}
    for found in flags:
        kept = by_sentence.setdefault((found.code, found.message),
                                      Flag(found.code, found.message, [], found.wording))
        kept.claims = sorted(set(kept.claims) | set(found.claims))
    return list(by_sentence.values())


def superseded(claims: list[ClaimInput], voices: Mapping[int, str]) -> tuple[set[int], list[Flag]]:
    """Return the claims a later exact figure from the same voice replaced, with a flag for each.

    ``voices`` maps claim ids to origins without their day (``origins.voice``): a speaker's count of Friday
    replaces their count of Thursday.
    """
    by_voice: dict[str, list[ClaimInput]] = defaultdict(list)
    for claim in claims:
        by_voice[voices[claim.id]].append(claim)
    interim: set[int] = set()
    flags = []
    for members in by_voice.values():
        exact = [claim for claim in members if claim.exact]
        latest = [claim for claim in exact if not any(claim.said_before(other) for other in exact)]
        for claim in sorted(members, key=lambda c: c.id):
            if claim.approximate:
                continue  # "almost 450" never conflicts with a count, so nothing replaces it
            for newer in latest:
                if claim.said_before(newer) and not _admits(claim, newer.min):
                    interim.add(claim.id)
                    flags.append(flag(INTERIM_SUPERSEDED, [claim.id, newer.id], old=Bound(claim.min, claim.max),
                                      new=newer.min, who=claim.voice()))
                    break
    return interim, flags


def value_flags(current: list[ClaimInput], origins: Mapping[int, str]) -> list[Flag]:
    """Flag current claims of one figure that disagree: different exact values, or a bound above a count.

    ``origins`` maps claim ids to independent origins; pass voices, so one speaker's two days are one.
    """
    flags = []
    exact = [claim for claim in current if claim.exact]
    values_of: dict[str, set[int]] = defaultdict(set)
    for claim in exact:
        values_of[origins[claim.id]].add(claim.min)
    for origin, values in sorted(values_of.items()):
        if len(values) > 1:
            members = [claim for claim in exact if origins[claim.id] == origin]
            flags.append(flag(CONFLICT, [c.id for c in members], "conflict_in_origin",
                              who=members[0].voice(), values=sorted(values)))
    if len({claim.min for claim in exact}) > 1 and len(values_of) > 1:
        by_value: dict[int, list[ClaimInput]] = defaultdict(list)
        for claim in exact:
            by_value[claim.min].append(claim)
        values = [Valued(value, _who(by_value[value], origins)) for value in sorted(by_value)]
        flags.append(flag(CONFLICT, [c.id for c in exact], values=values, count=len(values_of)))
    for bound in (claim for claim in current if claim.lower_bound):
        below = [claim for claim in exact if claim.min < bound.min and origins[claim.id] != origins[bound.id]]
        for total in sorted({claim.min for claim in below}):
            behind = [claim for claim in below if claim.min == total]
            flags.append(flag(BOUND_ABOVE_TOTAL, [bound.id] + [c.id for c in behind], bound=bound.min,
                              bound_who=bound.voice(), total=total, total_who=_who(behind, origins)))
    return flags


def bounds_flag(low: ClaimInput, high: ClaimInput) -> Flag:
    """Flag an "at least" above an "at most" when no exact count settles the range."""
    return flag(CONFLICT, [low.id, high.id], "conflict_bounds", low=low.min, low_who=low.voice(),
                high=high.max, high_who=high.voice())


def breakdown_flags(figures: list[Reconciled], claims: list[ClaimInput], interim: set[int]) -> None:
    """Check each source's parts of a total against that total, and add the flags to the total's figure.

    A breakdown is what one source gives for one cell and kind: exact parts (claims with qualifiers) and,
    when it states one, its own total; otherwise the total figure's best value stands for the total.
    """
    totals = {(figure.cell, figure.kind): figure for figure in figures if not figure.qualifiers}
    statements: dict[tuple, list[ClaimInput]] = defaultdict(list)
    for claim in claims:
        if claim.exact and claim.id not in interim and claim.status != "rejected":
            statements[(claim.cell, claim.kind, claim.source_id)].append(claim)
    for (cell, kind, _source), members in sorted(statements.items()):
        figure = totals.get((cell, kind))
        latest: dict = {}
        for claim in sorted(members, key=lambda c: c.order):
            latest[claim.key] = claim
        own_total = latest.pop((cell, kind, ()), None)
        parts = list(latest.values())
        total = own_total.min if own_total else (figure.best if figure else None)
        if not parts or total is None or figure is None:
            continue
        figure.flags = merged(figure.flags + _check(parts, total, own_total))


def place_breakdown_flags(figures: list[Reconciled], claims: list[ClaimInput], interim: set[int]) -> None:
    """Check each source's total against its parts at the places it holds, and add the flags to the total's figure.

    "At least 10 torture chambers in the region: six in Kherson, two in Beryslav, one each in Bilozerka and
    Chornobaivka": the parts are the same source's exact claims of the total's kind and qualifiers whose place lies
    in the total's. They exceed an exact total, or fall short of any total when stated in its own words (the list
    claims to cover it).
    """
    by_key = {figure.key: figure for figure in figures}
    live = [c for c in claims if c.id not in interim and c.status != "rejected" and c.min is not None]
    parts_of: dict[tuple, list[ClaimInput]] = defaultdict(list)
    for claim in live:
        if claim.within and claim.exact:
            parts_of[(claim.within, claim.kind, _frozen(claim.qualifiers), claim.source_id)].append(claim)
    for total in sorted(live, key=lambda c: c.id):
        parts = parts_of.get((total.cell, total.kind, _frozen(total.qualifiers), total.source_id), [])
        figure = by_key.get(total.key)
        if not parts or figure is None or total.approximate:
            continue
        latest: dict[str, ClaimInput] = {}
        for claim in sorted(parts, key=lambda c: c.order):
            latest[claim.cell] = claim
        parts = sorted(latest.values(), key=lambda c: (-c.min, c.where))
        counted = sum(part.min for part in parts)
        ids = [total.id] + [part.id for part in parts]
        listed = tuple(Placed(part.min, part.where or part.cell) for part in parts)
        said = {"who": total.voice(), "parts": listed, "sum": counted}
        if total.exact and counted > total.min:
            found = flag(PARTS_EXCEED_TOTAL, ids, "place_parts_exceed_total", total=total.min, **said)
        elif counted < total.min and len(parts) > 1 and all(part.quote == total.quote for part in parts):
            found = flag(PARTS_DO_NOT_ADD_UP, ids, "place_parts_do_not_add_up", total=total.min,
                         rest=total.min - counted, **said)
        else:
            continue
        figure.flags = merged(figure.flags + [found])


def _frozen(qualifiers: Mapping) -> tuple:
    return tuple(sorted((qualifiers or {}).items()))


def _check(parts: list[ClaimInput], total: int, own_total: ClaimInput | None) -> list[Flag]:
    counted = sum(part.min for part in parts)
    ids = [part.id for part in parts] + ([own_total.id] if own_total else [])
    who = parts[0].voice()
    listed = tuple(group_of(claim.min, claim.qualifiers) for claim in sorted(parts, key=lambda c: -c.min))
    if counted == total:
        return []  # a list that adds up exactly is read as disjoint parts, whatever schemes it mixes
    if counted > total:
        pair = _overlapping_pair([(part.qualifiers, part.min) for part in parts])
        if pair:
            (inner, inner_n), (outer, outer_n) = pair
            return [flag(OVERLAPPING_CATEGORIES, ids, who=who, inner=group_of(inner_n, inner),
                         outer=group_of(outer_n, outer))]
        return [flag(PARTS_EXCEED_TOTAL, ids, who=who, parts=listed, sum=counted, total=total)]
    if _complete(parts):
        return [flag(PARTS_DO_NOT_ADD_UP, ids, who=who, parts=listed, sum=counted, total=total,
                     rest=total - counted)]
    return []  # a partial breakdown ("the sex of the others is not yet established") is no fault


def _complete(parts: list[ClaimInput]) -> bool:
    """Tell whether the parts name every value of one scheme, and so claim to cover everyone."""
    return any(set(values) <= {part.qualifiers.get(scheme) for part in parts} for scheme, values in SCHEMES.items())


def may_overlap(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    """Tell whether two categories can count the same people: women and civilians can, women and men cannot."""
    if any(a[scheme] != b[scheme] for scheme in a.keys() & b.keys()):
        return False
    # Children are not servicemen: the one cross-scheme pair that is disjoint by definition.
    pairs = {(a.get("age"), b.get("status")), (b.get("age"), a.get("status"))}
    return ("child", "military") not in pairs


def _overlapping_pair(parts: list[tuple[Mapping, int]]):
    # Report the narrower category inside the broader one: "5 children ... among the 425 civilians".
    ordered = sorted(parts, key=lambda part: (part[0].get("status") == "civilian", part[1]))
    for i, inner in enumerate(ordered):
        for outer in ordered[i + 1:]:
            if may_overlap(inner[0], outer[0]):
                return inner, outer
    return None


def safe_total(parts: Iterable) -> int:
    """Add parts of a total, refusing categories that may count the same people (children among civilians).

    Each part is a ``(qualifiers, value)`` pair or a Reconciled (its best value counts).
    """
    pairs = []
    for part in parts:
        qualifiers, value = (part.qualifiers, part.best) if isinstance(part, Reconciled) else part
        if value is None:
            raise ValueError(f"the part {people(group_of(0, qualifiers)).removeprefix('0 ')} has no value to add")
        pairs.append((dict(qualifiers), value))
    pair = _overlapping_pair(pairs)
    if pair:
        (inner, inner_n), (outer, outer_n) = pair
        raise OverlappingCategories(f"{people(group_of(inner_n, inner))} may already be counted among the "
                                    f"{people(group_of(outer_n, outer))}; add parts of one scheme only")
    return sum(value for _, value in pairs)


def _who(claims: list[ClaimInput], origins: Mapping[int, str]) -> tuple:
    """Return the voices behind claims, one per origin."""
    first = {}
    for claim in sorted(claims, key=lambda c: c.id):
        first.setdefault(origins[claim.id], claim)
    return tuple(claim.voice() for claim in first.values())


def _admits(claim: ClaimInput, value: int) -> bool:
    return (claim.min is None or claim.min <= value) and (claim.max is None or value <= claim.max)
