"""Every change to what shapes a figure, through one function each: tracking a figure, a reviewer's best value,
and staff's merges and splits of origins. Views, the admin, commands and signal handlers all call these."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from litopys.figures.models import BestValue, Figure, OriginMerge, OriginSplit
from litopys.figures.selectors import FigureView


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


