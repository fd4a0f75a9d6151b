"""Keep claim statuses in step with what independent origins say, as claims are recorded."""


def corroborate_recorded(sender, source, claims, **kwargs):
    """Corroborate the figures newly recorded claims belong to, and only those."""
    from litopys.figures.selectors import claims_queryset, touched_by
    from litopys.review.actions import corroborate

    if claims:
        corroborate(claims_queryset().filter(touched_by(claims)))
