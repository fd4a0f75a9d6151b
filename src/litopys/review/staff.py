"""Staff screen: a source's text with its claims highlighted, to accept, reject, attach or add claims."""

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from litopys.evidence.access import readable_sources
from litopys.evidence.models import Source
from litopys.incidents.actions import enter_claim
from litopys.incidents.models import Claim
from litopys.review import actions as review
from litopys.review.forms import AttachForm, DecisionForm, NewClaimForm
from litopys.review.highlight import segments
from litopys.review.wording import outcome


def source_text(source: Source) -> str:
    return source.item.text or ""


@staff_member_required
def source_claims(request, pk: int):
    """Show a source's text with claims highlighted and opinion spans shaded; handle staff actions."""
    source = get_object_or_404(readable_sources(request.user, Source.objects.select_related("item")), pk=pk)
    if not request.user.has_perm("incidents.view_claim"):
        raise PermissionDenied
    text = source_text(source)
    new_form = NewClaimForm()
    if request.method == "POST":
        if not request.user.has_perm("incidents.change_claim"):
            raise PermissionDenied
        op = request.POST.get("op")
        if op == "decide":
            handle_decision(request, source)
            return redirect(request.path)
        if op == "attach":
            handle_attach(request, source)
            return redirect(request.path)
        if op == "add":
            new_form = NewClaimForm(request.POST)
            if add_claim(request, source, text, new_form):
                return redirect(request.path)
    claims = list(source.claims.select_related("attributed_to", "place__admin1", "incident", "site", "accepted_by",
                                               "entered_by"))
    for claim in claims:  # only the decisions this person may take on each claim now are offered
        claim.available = review.available(claim, request.user)
    spans = [(c.pk, c.start, c.end) for c in claims]
    opinions = list(source.opinion_spans.values_list("start", "end"))
    context = {
        **admin.site.each_context(request),
        "title": _("Claims in %(source)s") % {"source": source},
        "source": source,
        "segments": segments(text, spans, opinions),
        "claims": claims,
        "decision_form": DecisionForm(),
        "attach_form": AttachForm(),
        "new_form": new_form,
        "opinion_count": len(opinions),
    }
    return render(request, "review/source_claims.html", context)


def handle_decision(request, source: Source) -> None:
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That decision could not be read; try again."))
        return
    claim = get_object_or_404(Claim, pk=form.cleaned_data["claim"], source=source)
    action = form.cleaned_data["action"]
    try:
        if not review.may_take(request.user, action):
            raise PermissionDenied(_("Only a reviewer can %(action)s a claim.") % {"action": action})
        review.decide(claim, action, request.user, form.cleaned_data["reason"])
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return
    messages.success(request, outcome(claim.pk, form.cleaned_data["action"]))


def handle_attach(request, source: Source) -> None:
    form = AttachForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an incident or a site."))
        return
    claim = get_object_or_404(Claim, pk=form.cleaned_data["claim"], source=source)
    changes = {"incident": form.cleaned_data["incident"], "site": form.cleaned_data["site"]}
    review.decide(claim, "edit", request.user, _("attached"), changes=changes)
    messages.success(request, _("Claim #%(id)d attached.") % {"id": claim.pk})


def locate(text: str, quote: str, start, end) -> tuple[int, int] | None:
    """Return the span of the selected words: the offsets given, else the first exact match."""
    if start is not None and end is not None and 0 <= start < end <= len(text) and text[start:end] == quote:
        return start, end
    found = text.find(quote)
    return (found, found + len(quote)) if found >= 0 else None


def add_claim(request, source: Source, text: str, form: NewClaimForm) -> bool:
    if not form.is_valid():
        return False
    data = form.cleaned_data
    span = locate(text, data["quote"], data.get("start"), data.get("end"))
    if span is None:
        form.add_error("quote", _("These words are not in the source's text; select them in the text."))
        return False
    claim = enter_claim(source, request.user, text, data, span)
    messages.success(request, _("Claim #%(id)d added.") % {"id": claim.pk})
    return True
