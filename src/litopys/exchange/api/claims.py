"""Claims and review decisions for staff. A claim is read only with its source; decisions go through
`review.actions.decide`, which enforces the two-person rule and the source-access rule; claims are added as on
the source's staff page (the words must be in the source's text)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import ValidationError

from litopys.evidence import access
from litopys.exchange.api import auth
from litopys.exchange.api.paging import PageQuery, page_schema, paginate
from litopys.exchange.api.schemas import MAX_ID, Error, Input, PlaceRef, answers, codes, place_ref, require
from litopys.incidents.actions import enter_claim
from litopys.incidents.models import Claim, ClaimStatus
from litopys.review import actions as review
from litopys.review.forms import NewClaimForm
from litopys.review.models import Decision
from litopys.review.staff import locate

router = Router(tags=["staff: claims and decisions"], auth=auth.read)


class ClaimOut(Schema):
    id: int
    source: int
    kind: str
    min: int | None
    max: int | None
    approximate: bool
    qualifiers: dict[str, str]
    place: PlaceRef | None
    place_name: str
    incident: str | None = Field(description="The incident's slug.")
    site: int | None
    attributed_to: str | None
    stated_on: date | None
    refers_to: date | None
    quote: str
    start: int
    end: int
    extracted_by: str
    status: str
    entered_by: str | None
    accepted_by: str | None
    available_decisions: list[str] = Field(description="The decisions you may take on this claim now.")
    created_at: datetime
    updated_at: datetime


class NewClaim(Input):
    source: int = Field(ge=1, le=MAX_ID)
    quote: str = Field(min_length=1, max_length=5000, description="The exact words, as they are in the text.")
    start: int | None = Field(None, ge=0, description="Where the words start in the text (else the first match).")
    end: int | None = Field(None, ge=0)
    kind: codes("claim_kinds")  # type: ignore[valid-type]
    min: int | None = Field(None, ge=0, le=10**12)
    max: int | None = Field(None, ge=0, le=10**12)
    approximate: bool = False
    sex: Literal["male", "female", "unknown"] | None = None
    age: Literal["child", "adult"] | None = None
    status: Literal["civilian", "military"] | None = None
    speaker: str | None = Field(None, max_length=300, description="Who the source attributes the words to.")


class DecisionIn(Input):
    action: Literal["accept", "verify", "dispute", "reject", "reopen"]
    reason: str = Field("", max_length=2000, description="Needed to dispute, reject or reopen.")


class DecisionOut(Schema):
    id: int
    claim: int
    action: str
    from_status: str
    to_status: str
    user: str | None
    at: datetime
    reason: str


class ClaimFilters(Input):
    status: ClaimStatus = None
    kind: codes("claim_kinds") = None  # type: ignore[valid-type]
    source: int = Field(None, ge=1, le=MAX_ID)
    incident: str = Field(None, max_length=120, description="An incident's slug.")


class DecisionFilters(Input):
    claim: int = Field(None, ge=1, le=MAX_ID)
    action: Decision.Action = None


ClaimPage = page_schema("ClaimPage", ClaimOut)
DecisionPage = page_schema("DecisionPage", DecisionOut)


def readable_claims(request):
    return Claim.objects.filter(source__in=access.readable_sources(request.user)).select_related(
        "place", "incident", "attributed_to", "entered_by", "accepted_by")


def claim_data(claim: Claim, user) -> dict:
    return {
        "id": claim.pk, "source": claim.source_id, "kind": claim.kind, "min": claim.min, "max": claim.max,
        "approximate": claim.approximate, "qualifiers": {k: str(v) for k, v in (claim.qualifiers or {}).items()},
        "place": place_ref(claim.place), "place_name": claim.place_name,
        "incident": claim.incident.slug if claim.incident_id else None, "site": claim.site_id,
        "attributed_to": claim.attributed_to.name if claim.attributed_to_id else None,
        "stated_on": claim.stated_on, "refers_to": claim.refers_to, "quote": claim.quote, "start": claim.start,
        "end": claim.end, "extracted_by": claim.extracted_by, "status": claim.status,
        "entered_by": claim.entered_by.get_username() if claim.entered_by_id else None,
        "accepted_by": claim.accepted_by.get_username() if claim.accepted_by_id else None,
        "available_decisions": review.available(claim, user), "created_at": claim.created_at,
        "updated_at": claim.updated_at,
    }


def decision_data(decision: Decision) -> dict:
    return {"id": decision.pk, "claim": decision.claim_id, "action": decision.action,
            "from_status": decision.from_status, "to_status": decision.to_status,
            "user": decision.user.get_username() if decision.user_id else None, "at": decision.at,
            "reason": decision.reason}


@router.get("/claims", response=answers(ClaimPage), summary="Claims of sources you may read")
def list_claims(request, filters: Query[ClaimFilters], page: Query[PageQuery]):
    require(request, "incidents.view_claim")
    claims = readable_claims(request)
    if filters.status:
        claims = claims.filter(status=filters.status)
    if filters.kind:
        claims = claims.filter(kind=filters.kind)
    if filters.source:
        claims = claims.filter(source_id=filters.source)
    if filters.incident:
        claims = claims.filter(incident__slug=filters.incident)
    return paginate(request, claims, page, lambda claim: claim_data(claim, request.user))


@router.get("/claims/{claim_id}", response=answers(ClaimOut), summary="One claim")
def get_claim(request, claim_id: int):
    require(request, "incidents.view_claim")
    return claim_data(get_object_or_404(readable_claims(request), pk=claim_id), request.user)


@router.post("/claims", auth=auth.write, response=answers(ClaimOut, status=201, _409=Error), summary="Add a claim")
def add_claim(request, data: NewClaim):
    """Add a claim found in a source's text, as yours (`person:<you>`); a second person must verify it."""
    require(request, "incidents.view_claim", "incidents.change_claim")
    source = get_object_or_404(access.readable_sources(request.user).select_related("item"), pk=data.source)
    form = NewClaimForm({key: value for key, value in data.dict().items() if value is not None and key != "source"})
    if not form.is_valid():
        raise ValidationError([{"loc": ("body", "data", field), "msg": " ".join(problems)}
                               for field, problems in form.errors.items()])
    clean, text = form.cleaned_data, source.item.text or ""
    span = locate(text, clean["quote"], clean.get("start"), clean.get("end"))
    if span is None:  # a conflict with the source's text, not a malformed request
        raise DjangoValidationError(_("These words are not in the text of source %(id)d; copy them exactly.")
                                    % {"id": source.pk})
    claim = enter_claim(source, request.user, text, clean, span)
    return Status(201, claim_data(claim, request.user))


@router.get("/claims/{claim_id}/decisions", response=answers(list[DecisionOut]), summary="A claim's decisions")
def claim_decisions(request, claim_id: int):
    require(request, "incidents.view_claim", "review.view_decision")
    claim = get_object_or_404(readable_claims(request), pk=claim_id)
    return [decision_data(d) for d in claim.decisions.select_related("user")]


@router.post("/claims/{claim_id}/decisions", auth=auth.write, response=answers(DecisionOut, status=201, _409=Error),
             summary="Decide on a claim")
def decide(request, claim_id: int, data: DecisionIn):
    """Accept, verify, dispute, reject or reopen a claim, as on the staff site: two people verify a claim (whoever
    entered or accepted it cannot), and nobody decides on a claim whose source they may not read."""
    claim = get_object_or_404(readable_claims(request), pk=claim_id)
    if not review.may_take(request.user, data.action):
        raise PermissionDenied(_("Your role does not allow you to %(action)s a claim.") % {"action": data.action})
    decision = review.decide(claim, data.action, request.user, data.reason)
    return Status(201, decision_data(decision))


@router.get("/decisions", response=answers(DecisionPage), summary="Review decisions")
def list_decisions(request, filters: Query[DecisionFilters], page: Query[PageQuery]):
    require(request, "review.view_decision")
    decisions = Decision.objects.filter(claim__source__in=access.readable_sources(request.user)).select_related("user")
    if filters.claim:
        decisions = decisions.filter(claim_id=filters.claim)
    if filters.action:
        decisions = decisions.filter(action=filters.action)
    return paginate(request, decisions, page, decision_data)
