"""Every change to what shapes a figure, through one function each: tracking a figure, a reviewer's best value,
and staff's merges and splits of origins. Views, the admin, commands and signal handlers all call these."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from litopys.figures.models import BestValue, Correction, Figure, OriginMerge, OriginSplit
from litopys.figures.selectors import FigureView, figure_of_row, reviewed_status
from litopys.incidents.models import ClaimStatus


def track(views: list[FigureView]) -> list[Figure]:
    """Give every figure in ``views`` its stored row (created the first time it is seen); return the rows."""
    missing = [view for view in views if view.row is None]
    if missing:
        existing = Figure.objects.in_bulk([view.key for view in missing], field_name="key")
        for view in missing:
            view.row = existing.get(view.key)
            if view.row is None:
                view.row, _created = Figure.objects.get_or_create(key=view.key, defaults=_fields(view))
    return [view.row for view in views]


def publish(views: list[FigureView], reason: str, user) -> list[Correction]:
    """Keep what readers are shown in step with what is verified now; return the corrections this made.

    A figure verified for the first time is published as it stands. A published figure that is verified
    again with another number gets a public correction (was, now, why), and the reason must be given. A
    figure that is not verified now keeps its last published number: a change waits for a second reviewer.
    """
    corrections = []
    for view, row in zip(views, track(views), strict=True):
        figure = view.figure
        if figure.status != ClaimStatus.VERIFIED or view.reopened:
            continue
        now = (figure.min, figure.max, figure.best)
        was = (row.published_min, row.published_max, row.published_best)
        if row.published_at is not None and headline(*now) != headline(*was):
            if not (reason or "").strip():
                raise ValidationError(_("This changes a published figure (%(was)s → %(now)s): give the reason "
                                        "readers will see with the correction.") % {
                    "was": row.published_best if row.published_best is not None else row.published_min,
                    "now": figure.best if figure.best is not None else figure.min})
            corrections.append(Correction.objects.create(
                figure=row, was_min=row.published_min, was_max=row.published_max, was_best=row.published_best,
                now_min=figure.min, now_max=figure.max, now_best=figure.best, reason=reason.strip(), user=user))
        row.published_min, row.published_max, row.published_best = now
        row.published_at = timezone.now()
        row.published_claims = sorted(claim.pk for claim in view.claims
                                      if claim.pk in figure.claims and reviewed_status(claim) == ClaimStatus.VERIFIED)
        row.save(update_fields=["published_min", "published_max", "published_best", "published_at",
                                "published_claims"])
    return corrections


def headline(low, high, best) -> tuple:
    """The number readers rely on: the best value, or the range when there is none. A range that widens around
    an unchanged best value (another source verified) is no correction."""
    return ("best", best) if best is not None else ("range", low, high)


def _fields(view: FigureView) -> dict:
    cell = view.figure.cell
    scheme, _sep, value = cell.partition(":")
    sample = view.claims[0] if view.claims else None
    return {
        "incident_id": int(value) if scheme == "incident" else None,
        "site_id": int(value) if scheme == "site" else None,
        "place_id": int(value) if scheme == "place" else None,
        "place_name": (sample.place_name if sample is not None else value) if scheme == "named" else "",
        "kind": view.figure.kind, "qualifiers": dict(view.figure.qualifiers),
    }


def set_best_value(figure: Figure, value: int, reason: str, user) -> BestValue:
    """Record a reviewer's choice of a figure's best value; the reason is shown to readers."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why this value is the best one: readers see the reason."))
    if value is None or value < 0:
        raise ValidationError(_("A best value is a count: a whole number, 0 or more."))
    with transaction.atomic():
        chosen, _created = BestValue.objects.update_or_create(
            figure=figure, defaults={"value": value, "reason": reason, "user": user})
        publish([figure_of_row(figure)], reason, user)
    return chosen


def merge_origins(first: str, second: str, reason: str, user) -> OriginMerge:
    """Record that two origins relay one statement and count once."""
    if not (reason or "").strip():
        raise ValidationError(_("Say why these origins are one."))
    return OriginMerge.objects.create(first=first.strip(), second=second.strip(), reason=reason.strip(), user=user)


def split_origin(source, reason: str, user) -> OriginSplit:
    """Record that a source is an origin of its own, whatever it resembles."""
    if not (reason or "").strip():
        raise ValidationError(_("Say why this source is an origin of its own."))
    split, _created = OriginSplit.objects.update_or_create(source=source,
                                                           defaults={"reason": reason.strip(), "user": user})
    return split


