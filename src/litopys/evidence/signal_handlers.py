"""Seal what must be sealed as soon as it is in the vault."""

from django.dispatch import receiver

from litopys.evidence.signals import source_ingested


@receiver(source_ingested, dispatch_uid="litopys.evidence.seal_on_ingest")
def seal_on_ingest(sender, source, item, created, **kwargs):
    """Seal a confidential source's item, and the copies the processors made of it, once they are processed."""
    from litopys.evidence.actions import seal_family
    from litopys.evidence.ingest import SourceFacts, actor_name

    seal_family(item, actor_name(SourceFacts(collected_by=source.collected_by)))
