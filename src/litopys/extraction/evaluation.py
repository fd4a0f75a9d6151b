"""Score extraction against hand-labelled texts: precision, recall and F1 per language.

A claim matches an expected one when kind, min, max and qualifiers agree; place, speaker and date
are scored apart, over the matched claims (a date only where the label has the key). Used by
``bench/extraction.py`` and the tests.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .engine import extract


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    place_right: int = 0
    speaker_right: int = 0
    #: Matched claims whose expected claim has a ``date`` key, and those of them given that date.
    dates_labelled: int = 0
    date_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def place_accuracy(self) -> float:
        return self.place_right / self.true_positives if self.true_positives else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.true_positives if self.true_positives else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.date_right / self.dates_labelled if self.dates_labelled else 1.0


def load(folder: Path) -> dict[str, dict]:
    """Return {text id: {"text", "published", "claims"}} for the labelled texts in ``folder``."""
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    cases = {}
    for name, entry in expected.items():
        published = entry.get("published")
        if isinstance(published, str):
            published = datetime.date.fromisoformat(published)
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        cases[name] = {"text": text, "published": published, "claims": entry.get("claims") or []}
    return cases


def _key(claim: dict) -> tuple:
    return (claim["kind"], claim["min"], claim["max"], tuple(sorted((claim.get("qualifiers") or {}).items())))


def _iso(value) -> str | None:
    """A labelled date as the JSON gives it: YAML reads ``2022-09-23`` as a date, a quoted one as text."""
    return value.isoformat() if isinstance(value, datetime.date) else value


def score(folder: Path, gazetteer=None) -> dict[str, Score]:
    """Extract every labelled text in ``folder`` and return a score per language (the file name's prefix)."""
    scores: dict[str, Score] = {}
    for name, case in load(folder).items():
        language = name.split("-")[0]
        total = scores.setdefault(language, Score())
        result = extract(case["text"], published=case["published"], gazetteer=gazetteer).to_dict()
        found = list(result["claims"])
        for wanted in case["claims"]:
            match = next((c for c in found if _key(c) == _key(wanted)), None)
            if match is None:
                total.false_negatives += 1
                total.misses.append(f"{name}: missed {_key(wanted)}")
                continue
            found.remove(match)
            total.true_positives += 1
            place = (match["place"] or {}).get("name")
            speaker = (match["attributed_to"] or {}).get("name")
            total.place_right += place == wanted.get("place")
            total.speaker_right += speaker == wanted.get("speaker")
            if place != wanted.get("place"):
                total.misses.append(f"{name}: place {place!r} for {_key(wanted)}, expected {wanted.get('place')!r}")
            if speaker != wanted.get("speaker"):
                total.misses.append(f"{name}: speaker {speaker!r}, expected {wanted.get('speaker')!r}")
            if "date" in wanted:
                expected_date = _iso(wanted["date"])
                total.dates_labelled += 1
                total.date_right += match["date"] == expected_date
                if match["date"] != expected_date:
                    miss = f"{name}: date {match['date']!r} for {_key(wanted)}, expected {expected_date!r}"
                    total.misses.append(miss)
        for extra in found:
            total.false_positives += 1
            total.misses.append(f"{name}: extra {_key(extra)} from {extra['quote'][:70]!r}")
    return scores
