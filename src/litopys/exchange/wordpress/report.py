"""What an import did: outcomes per kind of thing, warnings and failures, each in one line."""

from collections import Counter
from dataclasses import dataclass, field

OUTCOMES = ("created", "updated", "unchanged", "skipped", "failed")


@dataclass
class ImportReport:
    """Outcomes per kind ("post", "comment", "nav_menu_item"…), warnings and one-line failures."""

    source: str
    counts: dict[str, Counter] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def count(self, kind: str, outcome: str) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += 1

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def fail(self, kind: str, label: str, error: Exception) -> None:
        self.count(kind, "failed")
        self.failures.append(" ".join(f"{kind} {label}: {type(error).__name__}: {error}".split()))

    @property
    def failed(self) -> int:
        return self.total("failed")

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())

    def to_dict(self) -> dict:
        return {"source": self.source,
                "counts": {kind: {o: c[o] for o in OUTCOMES} for kind, c in sorted(self.counts.items())},
                "warnings": self.warnings, "failures": self.failures}

    def summary(self) -> str:
        totals = ", ".join(f"{self.total(outcome)} {outcome}" for outcome in OUTCOMES)
        return f"{self.source}: {totals}; {len(self.warnings)} warnings"
