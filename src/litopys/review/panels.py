"""The review app's panels on the staff home: work waiting for a decision, and what was decided lately."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.core.staff import Panel
from litopys.incidents.integrity import sealed
from litopys.incidents.models import Claim, ClaimStatus
from litopys.incidents.selectors import readable_claims
from litopys.review.models import Decision

PENDING = (ClaimStatus.UNVERIFIED, ClaimStatus.CORROBORATED)


def queue_panel(request):
    """Claims waiting for review, those waiting for a second reviewer, and claims changed outside review."""
    user = request.user
    if not user.has_perm("incidents.view_claim"):
        return None
    waiting = readable_claims(user).filter(status__in=PENDING)
    second = waiting.filter(accepted_by__isnull=False).exclude(accepted_by=user).count()
    broken = [claim for claim in readable_claims(user).filter(status=ClaimStatus.VERIFIED).only(
        *[f.attname for f in Claim._meta.concrete_fields]) if not sealed(claim)]
    rows = []
    if second:
        rows.append((ngettext("%(n)d claim accepted by someone else waits for your verification",
                              "%(n)d claims accepted by someone else wait for your verification", second)
                     % {"n": second}, reverse("review:queue")))
    for claim in broken[:5]:
        rows.append((_("Claim %(id)d was changed outside the application after it was verified: it counts as "
                       "needing review") % {"id": claim.pk}, reverse("admin:incidents_claim_change", args=[claim.pk])))
    count = waiting.count()
    return Panel(
        title=_("Review"),
        summary=ngettext("%(n)d claim needs review.", "%(n)d claims need review.", count) % {"n": count},
        link=reverse("review:queue"), link_label=_("Open the review queue"), rows=rows,
        urgent=bool(count or broken), order=10)


def recent_panel(request):
    """The latest decisions, in words."""
    if not request.user.has_perm("review.view_decision") and not request.user.has_perm("incidents.view_claim"):
        return None
    rows = []
    decisions = Decision.objects.filter(claim__in=readable_claims(request.user).values("pk"))
    for decision in decisions.select_related("claim", "user").order_by("-at", "-pk")[:8]:
        who = decision.user.get_full_name() or decision.user.get_username() if decision.user else _("Litopys")
        rows.append((_("%(who)s: %(action)s — claim %(id)d, %(claim)s") % {
            "who": who, "action": decision.get_action_display(), "id": decision.claim_id,
            "claim": decision.claim}, reverse("review:source-claims", args=[decision.claim.source_id])
            + f"#claim-{decision.claim_id}"))
    if not rows:
        return None
    return Panel(title=_("Recent decisions"), rows=rows, link=reverse("admin:review_decision_changelist"),
                 link_label=_("All decisions"), order=40)
