"""What extraction returns: claim candidates and opinion spans, and their JSON form."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .ruleset import RULESET, RULESET_VERSION
from .speakers import Speaker

__all__ = ["RULESET", "RULESET_VERSION", "ClaimCandidate", "ExtractionResult", "OpinionSpan"]


@dataclass
class ClaimCandidate:
    """A number a text states about a kind of harm, with who said it, where, when, and the exact words."""

    kind: str
    min: int | float | None
    max: int | float | None
    approximate: bool
    quote: str
    start: int
    end: int
    qualifiers: dict[str, str] = field(default_factory=dict)
    #: {"name", "geonames_id", "admin1"}, or None when the text names no place for the claim.
    place: dict | None = None
    attributed_to: Speaker | None = None
    date: datetime.date | None = None
    #: Which rule found the kind ("noun", "named_before", "verb", "breakdown", ...); not part of the JSON.
    rule: str = field(default="", compare=False)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "min": self.min,
            "max": self.max,
            "approximate": self.approximate,
            "qualifiers": dict(self.qualifiers),
            "place": dict(self.place) if self.place else None,
            "attributed_to": self.attributed_to.to_dict() if self.attributed_to else None,
            "date": self.date.isoformat() if self.date else None,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class OpinionSpan:
    """A stretch of evaluative or rhetorical text; it yields no claims."""

    start: int
    end: int

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end}


@dataclass
class ExtractionResult:
    language: str
    claims: list[ClaimCandidate] = field(default_factory=list)
    opinions: list[OpinionSpan] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "language": self.language,
            "claims": [claim.to_dict() for claim in self.claims],
            "opinions": [opinion.to_dict() for opinion in self.opinions],
        }
