"""Keep claim statuses in step with what independent origins say, as sources come in."""

from django.db.models import Q

from litopys.incidents.models import Claim


def corroborate_after_ingest(sender, source, item, created, **kwargs):
    """Corroborate the figures a new source's claims touch, and only those."""
    from litopys.verification.service import claims_queryset, corroborate

    new = list(Claim.objects.filter(source=source).values_list("kind", "place_id", "incident_id", "site_id"))
    if not new:
        return
    touched = Q()
    for kind, place_id, incident_id, site_id in set(new):
        touched |= Q(kind=kind, place_id=place_id, incident_id=incident_id, site_id=site_id)
    corroborate(claims_queryset().filter(touched))
