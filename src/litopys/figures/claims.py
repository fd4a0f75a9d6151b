"""The plain records reconciliation reads and writes: claims in; flags and figures out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from litopys import vocab
from litopys.figures.wording import Voice, Wording

#: Kind of source -> its rank for choosing a best value (0 is the most authoritative; equal ranks tie), as the
#: source kinds vocabulary orders them (``vocab/source_kinds.yaml`` says why).
AUTHORITY_RANK = {code: entry["authority"] for code, entry in vocab.load("source_kinds").items()}
#: Kinds of source an incident grade counts as official.
OFFICIAL_KINDS = frozenset(code for code, entry in vocab.load("source_kinds").items() if entry.get("official"))

#: The values of each qualifier scheme; parts covering every value of one scheme claim to cover everyone.
SCHEMES: dict[str, tuple[str, ...]] = {
    "sex": ("male", "female", "unknown"),
    "age": ("child", "adult"),
    "status": ("civilian", "military"),
}

FigureKey = tuple[str, str, tuple[tuple[str, str], ...]]



def figure_key(cell: str, kind: str, qualifiers: dict) -> FigureKey:
    """Return the key of the figure a claim belongs to: cell, kind and sorted qualifiers."""
    return cell, kind, tuple(sorted((str(k), str(v)) for k, v in (qualifiers or {}).items()))


@dataclass(frozen=True)
class ClaimInput:
    """One attributed figure as reconciliation sees it, detached from the database."""

    id: int
    kind: str
    min: int | None
    max: int | None
    approximate: bool
    qualifiers: dict
    cell: str
    source_id: int
    source_kind: str
    publisher: str
    speaker: str
    stated_on: date | None
    stated_at: datetime | None = None
    text_digest: str = ""
    status: str = "unverified"
    quote: str = ""
    #: The cell of the place that holds this claim's place (a settlement's oblast, an oblast's country), so that a
    #: total broken down across places ("10 in the region: six in Kherson, …") is checked against its parts.
    within: str = ""
    #: The name of the claim's place, for a sentence about such a breakdown.
    where: str = ""

    @property
    def key(self) -> FigureKey:
        return figure_key(self.cell, self.kind, self.qualifiers)

    @property
    def exact(self) -> bool:
        """An exact count: one value, not hedged with "about" or "almost"."""
        return not self.approximate and self.min is not None and self.min == self.max

    @property
    def lower_bound(self) -> bool:
        """A firm "at least": a minimum and no maximum, not hedged."""
        return not self.approximate and self.min is not None and self.max is None

    @property
    def value(self) -> int | None:
        """The single value of an exact or approximate point figure, else None."""
        return self.min if self.min is not None and self.min == self.max else None

    @property
    def when(self) -> tuple[date, datetime | None]:
        """Return the day it was said and, when known, the moment (naive UTC) for ordering."""
        moment = self.stated_at
        if moment is not None and moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        day = self.stated_on or (moment.date() if moment else date.min)
        return day, moment

    @property
    def order(self) -> tuple:
        """Sort key in the order things were said, as far as it is known; entry order breaks ties."""
        day, moment = self.when
        return day, moment is not None, moment or datetime.min, self.id

    def said_before(self, other: ClaimInput) -> bool | None:
        """Tell whether this claim was said before ``other``; None when the order is not known."""
        (day, moment), (other_day, other_moment) = self.when, other.when
        if day == date.min or other_day == date.min:
            return None
        if day != other_day:
            return day < other_day
        if moment is None or other_moment is None or moment == other_moment:
            return None
        return moment < other_moment

    def voice(self) -> Voice:
        """Return who said it and when, for a sentence: "Ihor Klymenko, 23 September 2022"."""
        return Voice(self.speaker or self.publisher, self.stated_on, self.source_id)


@dataclass
class Flag:
    """A problem or a remark about a figure, in one sentence a reader of the public site understands."""

    code: str
    #: The sentence in English (the JSON contract's); pages word ``wording`` in their reader's language.
    message: str
    #: The claims the sentence is about, so a page can link them.
    claims: list[int] = field(default_factory=list)
    wording: Wording | None = None


@dataclass
class Reconciled:
    """A figure reconciled from its claims: one cell, kind and set of qualifiers, with everything behind it."""

    cell: str
    kind: str
    qualifiers: dict
    min: int | None
    max: int | None
    best: int | None
    claims: list[int]
    interim: list[int]
    origins: list[str]
    status: str
    flags: list[Flag]
    best_reason: str
    #: ``best_reason`` as a template and its facts; ``best_claim`` the claim whose speaker it names.
    best_wording: Wording | None = None
    best_claim: int | None = None
    #: Origins whose current exact value equals ``best``: the ones that corroborate it.
    best_origins: list[str] = field(default_factory=list)
    #: Each origin's most authoritative kind of source among the claims behind this figure.
    origin_kinds: dict[str, str] = field(default_factory=dict)
    #: Rejected claims, kept out of the figure but listed so a page can say they were considered.
    rejected: list[int] = field(default_factory=list)
    #: True when a reviewer set ``best``.
    best_by_reviewer: bool = False

    @property
    def key(self) -> FigureKey:
        return figure_key(self.cell, self.kind, self.qualifiers)

    def has_flag(self, code: str) -> bool:
        return any(flag.code == code for flag in self.flags)
