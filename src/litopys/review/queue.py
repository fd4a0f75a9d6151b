"""The review queue: pending claims with their words in context, conflicts side by side, one-key decisions."""

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from litopys import vocab
from litopys.figures.localised import flag_sentence
from litopys.figures.selectors import claims_queryset, compute_figures, touched_by
from litopys.incidents.models import Claim, ClaimStatus
from litopys.incidents.selectors import readable_claims
from litopys.review import actions as review
from litopys.review.wording import origin_text, outcome, view_title
from litopys.vocab.choices import label

CONTEXT_CHARS = 160
PENDING = [ClaimStatus.UNVERIFIED, ClaimStatus.CORROBORATED]
CONFLICT_CODES = {"conflict", "bound_above_total", "parts_exceed_total", "parts_do_not_add_up",
                  "overlapping_categories"}


def in_context(claim: Claim) -> tuple[str, str, str]:
    """Return the text before, the quote, and the text after, as the source has them."""
    text = claim.source.item.text or ""
    if not text or claim.end > len(text):
        return "", claim.quote, ""
    before = text[max(0, claim.start - CONTEXT_CHARS):claim.start]
    after = text[claim.end:claim.end + CONTEXT_CHARS]
    return ("…" + before if claim.start > CONTEXT_CHARS else before), text[claim.start:claim.end], \
        (after + "…" if claim.end + CONTEXT_CHARS < len(text) else after)


def conflicts(claims: list[Claim]) -> list[dict]:
    """Return the figures touched by these claims that carry a conflict-like flag, claims grouped by origin."""
    if not claims:
        return []
    touched = touched_by(claims)
    out = []
    for view in compute_figures(claims_queryset().filter(touched)):
        flags = [flag_sentence(f) for f in view.figure.flags if f.code in CONFLICT_CODES]
        if not flags:
            continue
        origins: dict[str, list[Claim]] = {}
        for claim in view.claims:
            origins.setdefault(view.origin_of.get(claim.pk, "?"), []).append(claim)
        out.append({"view": view, "title": view_title(view), "flags": flags,
                    "origins": [(origin_text(key, members), members) for key, members in sorted(origins.items())]})
    return out


@staff_member_required
def queue(request):
    """List claims awaiting review; POST applies one decision and comes back to the same place."""
    if not request.user.has_perm("incidents.change_claim"):
        raise PermissionDenied
    if request.method == "POST":
        decide(request)
        return redirect(request.get_full_path())
    claims = (readable_claims(request.user).filter(status__in=request.GET.getlist("status") or PENDING)
              .select_related("source__item", "attributed_to", "place__admin1", "incident", "site")
              .order_by("kind", "place_id", "pk"))
    kind = request.GET.get("kind")
    if kind:
        claims = claims.filter(kind=kind)
    page = Paginator(claims, 25).get_page(request.GET.get("page"))
    rows = [{"claim": c, "context": in_context(c), "actions": review.available(c, request.user),
             "why_not_verify": "" if review.may_verify(c, request.user) else review.why_not_verify(c, request.user)}
            for c in page.object_list]
    return render(request, "review/queue.html", {
        **admin.site.each_context(request),
        "title": _("Review queue"),
        "rows": rows, "page": page, "kind": kind or "",
        "kinds": [(code, label("claim_kinds", code)) for code in vocab.codes("claim_kinds")],
        "conflicts": conflicts(list(page.object_list)),
    })


def decide(request) -> None:
    claim = get_object_or_404(readable_claims(request.user), pk=request.POST.get("claim"))
    action = request.POST.get("action", "")
    try:
        if not review.may_take(request.user, action):
            raise PermissionDenied(_("Only a reviewer can %(action)s a claim.") % {"action": action})
        review.decide(claim, action, request.user, request.POST.get("reason", ""))
    except (PermissionDenied, ValidationError, ValueError) as exc:
        messages.error(request, _("Claim #%(id)d: %(problem)s") % {
            "id": claim.pk, "problem": " ".join(getattr(exc, "messages", [str(exc)]))})
        return
    messages.success(request, outcome(claim.pk, action))
