"""Keep the review record in step with claims: corroboration as claims are recorded, and a decision recorded
whenever a change outside review sends a verified claim back to review."""

from django.utils.translation import gettext as _


def corroborate_recorded(sender, source, claims, **kwargs):
    """Corroborate the figures newly recorded claims belong to, and only those."""
    from litopys.figures.selectors import claims_queryset, touched_by
    from litopys.review.actions import corroborate

    if claims:
        corroborate(claims_queryset().filter(touched_by(claims)))


def record_reopening(sender, claim, from_status, changed, **kwargs):
    """A claim somebody vouched for (accepted, corroborated, verified) was changed outside review (the admin's
    form, a history revert, the shell): record who and what as a decision, and count the editor as the first
    of the two people."""
    from simple_history.models import HistoricalRecords

    from litopys.incidents.models import Claim
    from litopys.review.models import Decision

    if getattr(claim, "_decided", False):
        return  # a decision is recorded by review.actions.decide itself
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    user = user if user is not None and user.is_authenticated else None
    fields = ", ".join(str(Claim._meta.get_field(name.removesuffix("_id")).verbose_name) for name in changed)
    Decision.objects.create(
        claim=claim, action=Decision.Action.EDIT, from_status=from_status, to_status=claim.status, user=user,
        reason=_("Changed outside review (%(fields)s): it needs a second reviewer again.") % {"fields": fields},
        changes={"changed": changed})
    if user is not None:
        Claim.objects.filter(pk=claim.pk).update(accepted_by=user)
