"""Change a claim's status through one door, recording who, when and why, and enforcing the two-person rule.

Every decision — in the review queue, on a source's page, from the demo, a command or the API — is made by
`decide`. A claim is verified by two people: someone who vouches for it first (whoever entered it, or
accepted what extraction found) and a second reviewer. The claim model itself refuses any other way to a
status (see `litopys.incidents.integrity`), and figures changed by a decision are settled here: a published
figure whose number changes gets a public correction, with the decision's reason.
"""

from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from litopys.evidence.access import may_read
from litopys.incidents.integrity import seal
from litopys.incidents.models import Claim, ClaimStatus
from litopys.review.models import Decision

Action = Decision.Action
Status = ClaimStatus
TARGET = {
    Action.VERIFY: Status.VERIFIED,
    Action.DISPUTE: Status.DISPUTED,
    Action.REJECT: Status.REJECTED,
    Action.CORROBORATE: Status.CORROBORATED,
    Action.REOPEN: Status.UNVERIFIED,
}
#: The statuses each decision may be taken from; anything else is refused (and never offered).
ALLOWED_FROM = {
    Action.ACCEPT: {Status.UNVERIFIED, Status.CORROBORATED},
    Action.EDIT: set(Status),
    Action.CORROBORATE: {Status.UNVERIFIED},
    Action.VERIFY: {Status.UNVERIFIED, Status.CORROBORATED},
    Action.DISPUTE: {Status.UNVERIFIED, Status.CORROBORATED, Status.VERIFIED},
    Action.REJECT: {Status.UNVERIFIED, Status.CORROBORATED, Status.VERIFIED, Status.DISPUTED},
    Action.REOPEN: {Status.CORROBORATED, Status.VERIFIED, Status.DISPUTED, Status.REJECTED},
}
NEEDS_REASON = {Action.DISPUTE, Action.REJECT, Action.REOPEN}
#: Decisions only a reviewer takes; accepting and editing are an analyst's work.
REVIEWER_ACTIONS = {Action.VERIFY, Action.DISPUTE, Action.REJECT, Action.REOPEN}
#: Decisions people take from the review screens, in the order they are offered.
OFFERED = (Action.ACCEPT, Action.VERIFY, Action.DISPUTE, Action.REJECT, Action.REOPEN)


def may_take(user, action: str) -> bool:
    """Tell whether a person's role allows this decision (the two-person rule is checked separately)."""
    needed = "review.add_decision" if Action(action) in REVIEWER_ACTIONS else "incidents.change_claim"
    return user.has_perm(needed)


def first_person(claim: Claim):
    """Return the id of who vouches for a claim before a reviewer verifies it: who accepted it, else who
    entered it; None when nobody has (a claim extraction found that nobody accepted yet)."""
    return claim.accepted_by_id or claim.entered_by_id


def may_verify(claim: Claim, user) -> bool:
    """Two people: somebody else must have entered or accepted the claim before this reviewer verifies it."""
    first = first_person(claim)
    return user is not None and first is not None and first != user.pk


def why_not_verify(claim: Claim, user) -> str:
    if first_person(claim) is None:
        return _("Two people verify a claim: someone must accept it first, then another reviewer verifies it.")
    return _("You entered or accepted this claim; another reviewer must verify it.")


def available(claim: Claim, user) -> list[str]:
    """Return the decisions this person may take on this claim now, in the order screens offer them."""
    found = []
    for action in OFFERED:
        if claim.status not in ALLOWED_FROM[action] or not may_take(user, action):
            continue
        if action == Action.VERIFY and not may_verify(claim, user):
            continue
        if action == Action.ACCEPT and claim.accepted_by_id:
            continue
        found.append(action.value)
    return found


def decide(claim: Claim, action: str, user, reason: str = "", changes: dict | None = None) -> Decision:
    """Apply one decision to a claim, record it, and settle the figures it changes."""
    action = Action(action)
    reason = (reason or "").strip()
    if user is not None and not may_read(user, claim.source):
        raise PermissionDenied(_("You may not read this claim's source, so you cannot decide on it."))
    if action in NEEDS_REASON and not reason:
        raise ValidationError(_("Give a reason to %(action)s a claim.") % {"action": action.label})
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        before, touched_before = claim.status, _scope([claim])
        if claim.status not in ALLOWED_FROM[action]:
            raise ValidationError(_("This claim is %(status)s: it cannot be %(action)s.") % {
                "status": claim.get_status_display(), "action": action.label})
        if action == Action.VERIFY and not may_verify(claim, user):
            raise PermissionDenied(why_not_verify(claim, user))
        if action == Action.ACCEPT and claim.accepted_by_id:
            raise ValidationError(_("This claim was already accepted; a second reviewer verifies it."))
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
        if action == Action.VERIFY:
            claim.verified_seal = seal(claim)
        claim._decided = True
        claim.save(update_fields=fields)
        decision = Decision.objects.create(claim=claim, action=action, from_status=before, to_status=claim.status,
                                           user=user, reason=reason, changes=_json(changes or {}))
        if action != Action.CORROBORATE:
            settle(touched_before | _scope([claim]), reason, user)
        return decision


def settle(scope, reason: str, user) -> None:
    """Track the figures a change touched and publish what they now verifiably say (with a correction when a
    published number changes)."""
    from litopys.figures.actions import publish
    from litopys.figures.selectors import claims_queryset, compute_figures

    publish(compute_figures(claims_queryset().filter(scope)), reason, user)


def _scope(claims):
    from litopys.figures.selectors import touched_by

    return touched_by(claims)


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
            if claim.status == Status.UNVERIFIED and claim.min == claim.max == figure.best and not claim.approximate:
                agreeing[view.origin_of.get(claim.pk, "")].append(claim)
        reason = f"{len(figure.best_origins)} independent origins give {figure.best}"
        for group in agreeing.values():
            for claim in group:
                decide(claim, "corroborate", None, reason)
                changed += 1
    return changed


def _json(changes: dict) -> dict:
    return {key: (value.pk if hasattr(value, "pk") else value) for key, value in changes.items()}
