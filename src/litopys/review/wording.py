"""How the review screens say things: outcomes of decisions, origins and figures in words, never codes."""

from django.utils import formats
from django.utils.translation import gettext as _

from litopys.figures.naming import about_text, kind_text
from litopys.review.models import Decision

Action = Decision.Action


def outcome(claim_id: int, action: str) -> str:
    """Say what a decision did, and what comes next."""
    sentences = {
        Action.ACCEPT: _("Claim %(id)d accepted; it needs a second reviewer to be verified."),
        Action.VERIFY: _("Claim %(id)d verified: two people have checked it."),
        Action.DISPUTE: _("Claim %(id)d disputed: its figure shows as disputed until a reviewer settles it."),
        Action.REJECT: _("Claim %(id)d rejected: it no longer counts in any figure."),
        Action.REOPEN: _("Claim %(id)d reopened: it needs review again."),
        Action.EDIT: _("Claim %(id)d changed."),
        Action.CORROBORATE: _("Claim %(id)d corroborated."),
    }
    return sentences.get(action, _("Claim %(id)d changed.")) % {"id": claim_id}


def origin_text(key: str, claims) -> str:
    """Name an independent origin by the voice behind it: "Ihor Klymenko, 23 September 2022", a publisher, a
    source — never its internal key."""
    sample = claims[0] if claims else None
    scheme = key.split(":", 1)[0]
    if sample is None:
        return _("an origin")
    day = sample.stated_on or sample.source.published
    when = f", {formats.date_format(day, 'j E Y')}" if day else ""
    if scheme == "speaker" and sample.attributed_to_id:
        return f"{sample.attributed_to.name}{when}"
    if scheme == "publisher" and sample.source.publisher:
        return f"{sample.source.publisher}{when}"
    return str(sample.source)


def view_title(view) -> str:
    """Name a reconciled figure: "Bodies found — women, Mass burial site near Izium"."""
    figure = view.figure
    about = about_text(view.incident, view.site, view.place, view.claims[0].place_name if view.claims else "")
    return f"{kind_text(figure.kind, figure.qualifiers)}, {about}"


def extracted_text(claim) -> str:
    """Say who found a claim: the extraction rules (with their version), or the person who entered it."""
    if claim.extracted_by.startswith("person:"):
        return _("entered by %(name)s") % {"name": claim.extracted_by.removeprefix("person:")}
    return _("found by the extraction rules (%(version)s)") % {"version": claim.extracted_by}


def suggestion_evidence(suggestion) -> list[str]:
    """Say why a suggestion's claims go together, a sentence per reason: the event, the place, the days, the
    sources, and the recorded incident they would be added to."""
    from datetime import date

    from litopys.vocab.choices import label

    facts = suggestion.evidence or {}
    start = date.fromisoformat(facts["start"]) if facts.get("start") else suggestion.start_date
    end = date.fromisoformat(facts["end"]) if facts.get("end") else suggestion.end_date
    kinds = ", ".join(label("claim_kinds", kind) for kind in facts.get("kinds", []))
    said = [
        _("The same kind of event: %(event)s (%(kinds)s).") % {
            "event": label("incident_types", suggestion.type), "kinds": kinds},
        _("The same place: %(place)s.") % {"place": suggestion.place or suggestion.place_name},
        _("Within %(window)s days: from %(start)s to %(end)s.") % {
            "window": facts.get("window", "?"), "start": formats.date_format(start, "j E Y"),
            "end": formats.date_format(end, "j E Y")},
        _("%(claims)s claims from %(sources)s different sources.") % {
            "claims": facts.get("claims", suggestion.claims.count()), "sources": facts.get("sources", "?")},
    ]
    if suggestion.incident_id:
        said.append(_("An incident of this kind is already recorded there and then: “%(title)s”; the claims would "
                      "be added to it.") % {"title": suggestion.incident.title})
    return said
