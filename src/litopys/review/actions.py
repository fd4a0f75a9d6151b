"""Change a claim's status through one door, recording who, when and why; enforce the two-person rule."""

from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from litopys.incidents.models import Claim, ClaimStatus
from litopys.review.models import Decision

Action = Decision.Action
TARGET = {
    Action.VERIFY: ClaimStatus.VERIFIED,
    Action.DISPUTE: ClaimStatus.DISPUTED,
    Action.REJECT: ClaimStatus.REJECTED,
    Action.CORROBORATE: ClaimStatus.CORROBORATED,
    Action.REOPEN: ClaimStatus.UNVERIFIED,
}
NEEDS_REASON = {Action.DISPUTE, Action.REJECT, Action.REOPEN}
#: Decisions only a reviewer takes; accepting and editing are an analyst's work.
REVIEWER_ACTIONS = {Action.VERIFY, Action.DISPUTE, Action.REJECT, Action.REOPEN}


def may_take(user, action: str) -> bool:
    """Tell whether a person's role allows this decision (the two-person rule is checked separately)."""
    needed = "review.add_decision" if Action(action) in REVIEWER_ACTIONS else "incidents.change_claim"
    return user.has_perm(needed)


def may_verify(claim: Claim, user) -> bool:
    """The person who entered or accepted a claim cannot verify it."""
    return user is not None and user.pk not in {claim.entered_by_id, claim.accepted_by_id}


def decide(claim: Claim, action: str, user, reason: str = "", changes: dict | None = None) -> Decision:
    """Apply one decision to a claim and record it."""
    action = Action(action)
    reason = (reason or "").strip()
    if action in NEEDS_REASON and not reason:
        raise ValidationError(_("Give a reason to %(action)s a claim.") % {"action": action.label})
    if action == Action.VERIFY and not may_verify(claim, user):
        raise PermissionDenied(_("You entered or accepted this claim; another reviewer must verify it."))
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        before = claim.status
        fields = ["status", "updated_at"]
        if action == Action.ACCEPT:
            claim.accepted_by = user
            fields.append("accepted_by")
        elif action == Action.EDIT:
            for name, value in (changes or {}).items():
                setattr(claim, name, value)
                fields.append(name)
        else:
            claim.status = TARGET[action]
        claim.save(update_fields=fields)
        return Decision.objects.create(claim=claim, action=action, from_status=before, to_status=claim.status,
                                       user=user, reason=reason, changes=_json(changes or {}))


def _json(changes: dict) -> dict:
    return {key: (value.pk if hasattr(value, "pk") else value) for key, value in changes.items()}


def corroborate(claims=None) -> int:
    """Mark unverified claims corroborated where two or more independent origins agree; return how many.

    ``claims`` is a queryset of claims (all when None); pass ``figures.selectors.touched_by(new claims)`` to
    look only at the figures new claims belong to. Every figure seen gets its stored row.
    """
    from litopys.figures.actions import track
    from litopys.figures.selectors import compute_figures

    changed = 0
    views = compute_figures(claims)
    track(views)
    for view in views:
        figure = view.figure
        if figure.status != "corroborated" or figure.best is None:
            continue
        agreeing = defaultdict(list)
        for claim in view.claims:
            if claim.status == ClaimStatus.UNVERIFIED and claim.min == claim.max == figure.best \
                    and not claim.approximate:
                agreeing[view.origin_of.get(claim.pk, "")].append(claim)
        reason = f"{len(figure.best_origins)} independent origins give {figure.best}"
        for group in agreeing.values():
            for claim in group:
                decide(claim, "corroborate", None, reason)
                changed += 1
    return changed
