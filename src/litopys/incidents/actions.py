"""Changes to the documented record: claims and opinion spans stored from what extraction finds, actors
created as they first speak."""

import re
from datetime import date

from django.db import transaction
from django.db.models import Q

from litopys.incidents.models import Actor, ActorKind, Claim, OpinionSpan
from litopys.names import person_key

_OFFICIAL = re.compile(r"head|chief|minister|prosecutor|governor|mayor|deputy|commander|police|council|"
                       r"голова|начальник|міністр|прокурор|мер|депутат|глава|министр", re.IGNORECASE)
_INSTITUTION = re.compile(r"police|office|ministry|service|council|administration|prosecutor|"
                          r"поліці|офіс|міністерств|служб|рада|адміністрац|полиция|министерств|прокуратур",
                          re.IGNORECASE)


def actor_for(speaker: dict | None) -> Actor | None:
    """Return the actor a claim is attributed to, creating it the first time it speaks."""
    if not speaker or not speaker.get("name"):
        return None
    name = speaker["name"].strip()[:300]
    position = (speaker.get("role") or "").strip()[:300]
    institution = bool(_INSTITUTION.search(name)) and len(name.split()) > 1 and not position
    actor = Actor.objects.filter(name=name).first()
    if actor is None and not institution:
        # The same person in another script or spelling: Ігор Клименко is Ihor Klymenko.
        key = person_key(name)
        actor = Actor.objects.filter(kind=ActorKind.PERSON, match_key=key).order_by("pk").first() if key else None
        if actor is not None and name not in actor.names:
            actor.names = [*actor.names, name]
            actor.save(update_fields=["names"])
    if actor is None:
        actor = Actor.objects.create(
            name=name, kind=ActorKind.ORGANISATION if institution else ActorKind.PERSON, position=position,
            role="institution" if institution else ("official" if _OFFICIAL.search(position) else ""))
    elif position and not actor.position:
        actor.position = position
        actor.save(update_fields=["position"])
    return actor


def enter_claim(source, user, text: str, data: dict, span: tuple[int, int]) -> Claim:
    """Record a claim a person found in a source's text — the words at ``span``, with the values of the new-claim
    form (``data``) — as theirs (`person:<username>`): a second person verifies it. The staff page and the API
    both call this."""
    qualifiers = {key: data[key] for key in ("sex", "age", "status") if data.get(key)}
    return Claim.objects.create(
        source=source, kind=data["kind"], min=data["min"], max=data["max"], approximate=data["approximate"],
        qualifiers=qualifiers, attributed_to=actor_for({"name": data["speaker"]}) if data.get("speaker") else None,
        stated_on=source.published, quote=text[span[0]:span[1]], start=span[0], end=span[1],
        extracted_by=f"person:{user.get_username()}", entered_by=user)


def place_for(place: dict | None):
    if not place or not place.get("geonames_id"):
        return None
    from litopys.places.loading import ensure_place

    return ensure_place(place["geonames_id"])


def parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def record_claims(source, text: str, language: str = "auto") -> list[Claim]:
    """Run extraction on a source's text and store its claims, unless it already has some."""
    from litopys.extraction import RULESET, RULESET_VERSION, extract

    if not text.strip() or source.claims.exists():
        return []
    found = extract(text, language=language or "auto", published=source.published).to_dict()
    extracted_by = f"{RULESET} {RULESET_VERSION}"
    claims = []
    with transaction.atomic():
        for data in found["claims"]:
            place = data.get("place") or {}
            refers_to = parse_date(data.get("date"))
            claims.append(Claim.objects.create(
                source=source, kind=data["kind"], min=data["min"], max=data["max"],
                approximate=data["approximate"], qualifiers=data.get("qualifiers") or {},
                place=place_for(place), place_name=(place.get("name") or "")[:200],
                attributed_to=actor_for(data.get("attributed_to")),
                stated_on=source.published or refers_to, refers_to=refers_to,
                quote=data["quote"], start=data["start"], end=data["end"], extracted_by=extracted_by))
        OpinionSpan.objects.bulk_create(
            OpinionSpan(source=source, start=span["start"], end=span["end"]) for span in found["opinions"])
    return claims


def on_source_ingested(sender, source, item, created, **kwargs):
    """Extract claims from every text-bearing source as it comes in, then tell who reconciles them."""
    from litopys.extraction.language import LANGUAGES
    from litopys.incidents.signals import claims_recorded

    if item.text:
        # A text the language detector took for a language extraction has no rules for (a short English note
        # read as Polish) is still read: extraction then decides between the languages it knows.
        language = item.language if item.language in LANGUAGES else "auto"
        claims = record_claims(source, item.text, language)
        claims_recorded.send(sender=Claim, source=source, claims=claims)
        if claims:
            suggest_incidents(claims)


def _place_key(place_id, place_name: str) -> str:
    if place_id:
        return f"place:{place_id}"
    return f"named:{place_name.strip().lower()}" if place_name.strip() else ""


def suggest_incidents(claims=None) -> list:
    """Propose incidents for the claims of no incident: claims from different sources about one kind of event, place
    and week (``incidents.grouping``), as new incidents or additions to recorded ones, for review.

    With ``claims`` (just recorded), only their places are looked at. An open suggestion that the same claims and
    more now form is brought up to date; claims a reviewer rejected as a group are not proposed again as that group.
    """
    from litopys.incidents.grouping import ClaimFact, IncidentFact, group
    from litopys.incidents.models import Claim, ClaimStatus, Incident, IncidentSuggestion, SuggestionStatus

    pool = Claim.objects.filter(incident=None, site=None).exclude(status=ClaimStatus.REJECTED)
    if claims is not None:
        places = {c.place_id for c in claims if c.place_id}
        names = {c.place_name for c in claims if not c.place_id and c.place_name}
        pool = pool.filter(Q(place_id__in=places) | Q(place=None, place_name__in=names))
    facts = [ClaimFact(c.pk, c.kind, _place_key(c.place_id, c.place_name), str(c.place or c.place_name),
                       c.refers_to or c.stated_on, c.source_id) for c in pool.select_related("place")]
    incidents = [IncidentFact(i.pk, i.type, _place_key(i.place_id, ""), i.start_date, i.end_date)
                 for i in Incident.objects.exclude(place=None)]
    made = []
    with transaction.atomic():
        for grouping in group(facts, incidents):
            wanted = set(grouping.claims)
            earlier = [s for s in IncidentSuggestion.objects.filter(claims__in=wanted).distinct()
                       if s.incident_id == grouping.incident]
            if any(s.status != SuggestionStatus.OPEN and wanted <= set(s.claims.values_list("pk", flat=True))
                   for s in earlier):
                continue  # decided already
            suggestion = next((s for s in earlier if s.status == SuggestionStatus.OPEN), None)
            if suggestion is None:
                first = pool.filter(pk=grouping.claims[0]).first()
                suggestion = IncidentSuggestion(place=first.place if first else None)
            suggestion.type, suggestion.incident_id = grouping.event, grouping.incident
            suggestion.place_name = grouping.place_name[:200]
            suggestion.start_date, suggestion.end_date = grouping.start, grouping.end
            suggestion.evidence = grouping.evidence
            suggestion.save()
            suggestion.claims.set(grouping.claims)
            made.append(suggestion)
    return made


def accept_suggestion(suggestion, user, *, title: str = "", type: str = "", start=None, end=None,
                      claims=None, reason: str = ""):
    """Accept an incident suggestion, as proposed or edited: create the incident (a draft), or take the recorded
    one it adds to, and attach the chosen claims (all, unless ``claims`` names some of them) one by one, so that
    each change is recorded; return the incident. A claim already verified goes back to review, since the incident
    decides which figure it counts in."""
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.utils import timezone
    from django.utils.text import slugify
    from django.utils.translation import gettext as _

    from litopys.incidents.models import Incident, IncidentSuggestion, SuggestionStatus
    from litopys.vocab.choices import label

    if not user.has_perm("incidents.change_incidentsuggestion"):
        raise PermissionDenied(_("Only an analyst or a reviewer can decide on an incident suggestion."))
    with transaction.atomic():
        suggestion = IncidentSuggestion.objects.select_for_update().get(pk=suggestion.pk)
        if suggestion.status != SuggestionStatus.OPEN:
            raise ValidationError(_("This suggestion was already decided."))
        members = list(suggestion.claims.all())
        if claims is not None:
            chosen = {int(pk) for pk in claims}
            members = [claim for claim in members if claim.pk in chosen]
        if not members:
            raise ValidationError(_("Choose at least one claim for the incident."))
        incident = suggestion.incident
        if incident is None:
            kind = type or suggestion.type
            where = str(suggestion.place) if suggestion.place_id else suggestion.place_name
            title = (title or f"{label('incident_types', kind)}, {where}, {suggestion.start_date:%Y-%m-%d}")[:300]
            start, end = start or suggestion.start_date, end or suggestion.end_date
            if end and start and end < start:
                raise ValidationError(_("The last day comes before the first day."))
            incident = Incident.objects.create(
                title=title, slug=_unique_slug(slugify(title)[:100] or "incident"), type=kind,
                place=suggestion.place, start_date=start, end_date=end if end != start else None,
                description=reason)
        for claim in members:
            claim.incident = incident
            claim.save(update_fields=["incident", "updated_at"])
        suggestion.status, suggestion.decided_by, suggestion.decided_at = SuggestionStatus.ACCEPTED, user, \
            timezone.now()
        suggestion.incident, suggestion.reason = incident, reason
        suggestion.save()
    return incident


def reject_suggestion(suggestion, user, reason: str) -> None:
    """Reject an incident suggestion with a reason; its claims stay as they are and are not proposed again as one."""
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.utils import timezone
    from django.utils.translation import gettext as _

    from litopys.incidents.models import IncidentSuggestion, SuggestionStatus

    if not user.has_perm("incidents.change_incidentsuggestion"):
        raise PermissionDenied(_("Only an analyst or a reviewer can decide on an incident suggestion."))
    if not reason.strip():
        raise ValidationError(_("Say why the claims are not one incident."))
    with transaction.atomic():
        suggestion = IncidentSuggestion.objects.select_for_update().get(pk=suggestion.pk)
        if suggestion.status != SuggestionStatus.OPEN:
            raise ValidationError(_("This suggestion was already decided."))
        suggestion.status, suggestion.decided_by, suggestion.decided_at = SuggestionStatus.REJECTED, user, \
            timezone.now()
        suggestion.reason = reason.strip()
        suggestion.save()


def _unique_slug(base: str) -> str:
    from litopys.incidents.models import Incident

    slug, n = base, 2
    while Incident.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
