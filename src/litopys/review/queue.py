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
from litopys.incidents import actions as incidents
from litopys.incidents.models import Claim, ClaimStatus, IncidentSuggestion, SuggestionStatus
from litopys.incidents.selectors import readable_claims
from litopys.review import actions as review
from litopys.review.wording import origin_text, outcome, suggestion_evidence, view_title
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
        if request.POST.get("suggestion"):
            decide_suggestion(request)
        else:
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
        "suggestions": suggestions(request.user),
        "incident_types": [(code, label("incident_types", code)) for code in vocab.codes("incident_types")],
    })


def suggestions(user) -> list[dict]:
    """Return the open incident suggestions whose every claim this person may read, with their evidence."""
    if not user.has_perm("incidents.view_incidentsuggestion"):
        return []
    found = []
    for suggestion in (IncidentSuggestion.objects.filter(status=SuggestionStatus.OPEN)
                       .select_related("place", "incident").prefetch_related("claims")[:50]):
        members = list(suggestion.claims.all())
        readable = readable_claims(user, Claim.objects.filter(pk__in=[c.pk for c in members]))
        if not members or readable.count() != len(members):
            continue  # a confidential source's claim: not shown to someone who may not read it
        claims = (readable.select_related("source", "attributed_to", "place").order_by("stated_on", "pk"))
        found.append({"suggestion": suggestion, "evidence": suggestion_evidence(suggestion), "claims": claims})
    return found


def decide_suggestion(request) -> None:
    """Accept (as proposed or edited) or reject one incident suggestion."""
    suggestion = get_object_or_404(IncidentSuggestion, pk=request.POST.get("suggestion"))
    members = [c.pk for c in suggestion.claims.all()]
    if readable_claims(request.user, Claim.objects.filter(pk__in=members)).count() != len(members):
        raise PermissionDenied
    action = request.POST.get("action", "")
    try:
        if action == "accept":
            incident = incidents.accept_suggestion(
                suggestion, request.user, title=request.POST.get("title", "").strip(),
                type=request.POST.get("type", "") if request.POST.get("type") in vocab.codes("incident_types") else "",
                start=_day(request.POST.get("start")), end=_day(request.POST.get("end")),
                claims=request.POST.getlist("claims") or None, reason=request.POST.get("reason", ""))
            messages.success(request, _("Incident “%(title)s” holds %(count)d claims now; it is a draft until an "
                                        "editor publishes it.") % {"title": incident.title,
                                                                   "count": incident.claims.count()})
        elif action == "reject":
            incidents.reject_suggestion(suggestion, request.user, request.POST.get("reason", ""))
            messages.success(request, _("Suggestion rejected: its claims stay as they are."))
        else:
            raise ValidationError(_("Accept or reject the suggestion."))
    except (PermissionDenied, ValidationError, ValueError) as exc:
        messages.error(request, _("Suggestion #%(id)d: %(problem)s") % {
            "id": suggestion.pk, "problem": " ".join(getattr(exc, "messages", [str(exc)]))})


def _day(value):
    from datetime import date

    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise ValidationError(_("A day is written as YYYY-MM-DD, e.g. 2022-09-23.")) from None


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
