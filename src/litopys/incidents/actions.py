"""Changes to the documented record: claims and opinion spans stored from what extraction finds, actors
created as they first speak."""

import re
from datetime import date

from django.db import transaction

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
