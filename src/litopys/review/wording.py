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
