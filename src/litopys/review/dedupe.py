"""Merge sources recorded twice for the same bytes and the same facts (before ingest recognised them), and the
claims extracted from each copy: one source, one set of claims, every decision kept.

A duplicate claim — same kind, numbers, qualifiers and words at the same place in the same item — is merged
into the one kept: its decisions move to it, then the duplicate row goes (its history stays). A claim of a
duplicate source with no twin moves to the kept source. This is the only path that removes a claim.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models, transaction

from litopys.evidence import custody
from litopys.evidence.models import CustodyAction, Source
from litopys.incidents.models import Claim, OpinionSpan
from litopys.review.models import Decision

SAME_FACTS = ("item_id", "parent_id", "kind", "title", "publisher", "author", "url", "published", "sensitivity",
              "collected_by", "notes", "file_name")
SAME_CLAIM = ("kind", "min", "max", "approximate", "start", "end")


@dataclass
class Merge:
    kept: int
    merged: list[int]
    claims_merged: int = 0
    claims_moved: int = 0
    decisions_moved: int = 0


@dataclass
class Report:
    merges: list[Merge] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"sources_merged": sum(len(m.merged) for m in self.merges),
                "claims_merged": sum(m.claims_merged for m in self.merges),
                "claims_moved": sum(m.claims_moved for m in self.merges),
                "decisions_moved": sum(m.decisions_moved for m in self.merges),
                "merges": [m.__dict__ for m in self.merges]}


def duplicate_groups() -> list[list[Source]]:
    """Return groups of sources with the same bytes and the same facts, oldest first."""
    groups: dict[tuple, list[Source]] = defaultdict(list)
    for source in Source.objects.order_by("pk"):
        groups[tuple(getattr(source, name) for name in SAME_FACTS)].append(source)
    return [members for members in groups.values() if len(members) > 1]


def dedupe(actor: str = "litopys dedupe", dry_run: bool = False) -> Report:
    report = Report()
    for members in duplicate_groups():
        kept, others = members[0], members[1:]
        merge = Merge(kept.pk, [source.pk for source in others])
        report.merges.append(merge)
        if dry_run:
            merge.claims_merged = Claim.objects.filter(source__in=others).count()
            continue
        with transaction.atomic():
            _merge(kept, others, merge)
            custody.record(CustodyAction.COLLECTED, actor, kept.item.sha256, source=kept.pk,
                           merged_duplicate_sources=merge.merged)
    return report


def _merge(kept: Source, others: list[Source], merge: Merge) -> None:
    twins = {_signature(claim): claim for claim in kept.claims.all()}
    for claim in Claim.objects.filter(source__in=others).order_by("pk"):
        twin = twins.get(_signature(claim))
        if twin is None:
            Claim.objects.filter(pk=claim.pk).update(source=kept)
            merge.claims_moved += 1
            continue
        merge.decisions_moved += Decision.objects.filter(claim=claim).update(claim=twin)
        models.QuerySet.delete(Claim.objects.filter(pk=claim.pk))  # an exact twin: the kept claim stands for it
        merge.claims_merged += 1
    OpinionSpan.objects.filter(source__in=others).delete()
    Source.objects.filter(parent__in=others).update(parent=kept)
    Source.objects.filter(pk__in=[source.pk for source in others]).delete()


def _signature(claim: Claim) -> tuple:
    return (*(getattr(claim, name) for name in SAME_CLAIM), tuple(sorted((claim.qualifiers or {}).items())),
            claim.quote)
