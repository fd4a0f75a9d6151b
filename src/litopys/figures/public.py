"""The one public projection of a figure: what a public page, feed, export or API may show of it.

Every public surface — post notes and popovers, incident pages, the map, statistics, the static export and
the API — turns a reconciled figure into a `PublicFigure` here, and nowhere else, so the privacy rules are
applied once:

- only a verified figure is shown at all (an unverified one shows no number, not even in a quote);
- a source is named only when its sensitivity is "public"; the others are counted, never named;
- a figure about an incident that is not published (or a site of one) is not shown at all;
- a verified figure that has changed since (an edited claim, a new source) keeps showing the number readers
  were last shown, saying that a change is being reviewed, until a second reviewer verifies the new one;
  every change of a published number is listed with its date, old and new number and reason;
- a flag's sentence is shown only when every claim it speaks of comes from a public source, since flags
  quote values and speakers; the others are counted;
- the reason for a best value names its speaker only when that speaker's source is public;
- links go only to http(s) addresses, whatever a row holds;
- a quote shows what the source's latest redacted copy shows: redacted words are blacked out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from litopys.evidence.models import Sensitivity
from litopys.evidence.selectors import public_quote, redacted_item_ids
from litopys.figures.localised import LOCALISED, flag_sentence, sentence
from litopys.figures.naming import qualifier_text
from litopys.figures.references import find_figure
from litopys.figures.selectors import FigureView, reviewed_status
from litopys.figures.wording import Wording
from litopys.incidents.models import Claim, ClaimStatus, RecordStatus
from litopys.vocab.choices import label

VERIFIED = ClaimStatus.VERIFIED


@dataclass
class Quote:
    """The exact words a public source gives, and who they are attributed to."""

    text: str
    attributed_to: str = ""
    value: str = ""
    #: The claim's id, so that a dataset's rows link a quote to its figure and source.
    claim: int | None = None


@dataclass
class PublicSource:
    """A public source behind a figure, as a reader may see it."""

    title: str
    url: str
    publisher: str
    published: date | None
    kind: str
    quotes: list[Quote] = field(default_factory=list)
    #: The source's id, so that a dataset's rows link to it; never shown on a page.
    id: int | None = None


@dataclass
class CorrectionNote:
    """A published number that changed, as readers see it: "Corrected on …: was 447, now 448, because …"."""

    at: date
    was: str
    now: str
    reason: str


@dataclass
class PublicFigure:
    """A verified figure as every public surface shows it, in the active language."""

    ref: str
    id: int | None
    kind: str
    label: str
    qualifiers: dict
    min: int | None
    max: int | None
    best: int | None
    status: str
    origins: int
    flags: list[str] = field(default_factory=list)
    withheld_flags: int = 0
    best_reason: str = ""
    sources: list[PublicSource] = field(default_factory=list)
    withheld_sources: int = 0
    #: True while a change waits for a second reviewer: the numbers are the ones last verified.
    under_review: bool = False
    corrections: list[CorrectionNote] = field(default_factory=list)

    @property
    def is_headline(self) -> bool:
        """A top-level figure: the whole count of its kind, not a part of a breakdown."""
        return not self.qualifiers

    @property
    def qualifier_text(self) -> str:
        return qualifier_text(self.qualifiers)

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def range_text(self) -> str:
        return range_text(self.min, self.max)

    @property
    def value(self) -> int | None:
        """The number statistics add: the best value, else the lower bound."""
        return self.best if self.best is not None else self.min

    @property
    def best_text(self) -> str:
        return number(self.best) if self.best is not None else ""

    @property
    def number_text(self) -> str:
        """The number alone, for a sentence that bounds it in its own words: the best value, else the bound."""
        value = next((v for v in (self.best, self.min, self.max) if v is not None), None)
        return number(value) if value is not None else "—"

    @property
    def value_text(self) -> str:
        """The number a sentence shows: the best value, else the range ("at least 1,000")."""
        return self.best_text or self.range_text


def number(value: int) -> str:
    """Write a count as the reader's language does: 1,000 in English, 1 000 in Ukrainian."""
    return LOCALISED.number(value)


def range_text(low: int | None, high: int | None) -> str:
    """Return a figure's range as a reader writes it: 447, 440–450, at least 1,000, at most 20, or —."""
    if low is not None and low == high:
        return number(low)
    if low is not None and high is not None:
        return f"{number(low)}–{number(high)}"
    if low is not None:
        return _("at least %(value)s") % {"value": number(low)}
    if high is not None:
        return _("at most %(value)s") % {"value": number(high)}
    return "—"


def status_label(status: str) -> str:
    try:
        return str(ClaimStatus(status).label)
    except ValueError:
        return status.replace("_", " ")


def web_address(url: str) -> str:
    """Return a URL fit for a link: http(s) only, never javascript: or data: whatever a row holds."""
    return url if (url or "").lower().startswith(("http://", "https://")) else ""


def is_public(claim: Claim) -> bool:
    return claim.source.sensitivity == Sensitivity.PUBLIC


def about_public(view: FigureView) -> bool:
    """Tell whether what a figure is about may be shown: a published incident (a site's too); a place may."""
    incident = view.incident or (view.site.incident if view.site is not None else None)
    return incident is None or incident.status == RecordStatus.PUBLISHED


def showable(view: FigureView) -> bool:
    """Tell whether the public may see a figure: verified now, or verified before and under review again,
    about something public."""
    published = view.row is not None and view.row.published_at is not None
    return (view.figure.status == VERIFIED or published) and about_public(view)


def public_claim_ids(views: Iterable[FigureView]) -> set[int]:
    """Return the claims of these figures whose sources may be named, for checking flags against."""
    return {claim.pk for view in views for claim in view.claims if is_public(claim)}


def project(view: FigureView, public_claims: set[int] | None = None, ref: str = "",
            redacted: set[int] | None = None) -> PublicFigure:
    """Return what the public may see of a verified figure.

    A flag may speak of claims of other figures of its cell (the parts of a breakdown); pass
    ``public_claim_ids(views)`` of all the views computed together to save looking them up, and
    ``redacted_items(views)`` to look up the redacted copies of all their sources at once.
    """
    if view.figure.status != VERIFIED or view.reopened:
        return _as_published(view, ref, redacted)
    figure = view.figure
    rejected = set(figure.rejected)
    live = [claim for claim in view.claims if claim.pk not in rejected]
    public = [claim for claim in live if is_public(claim)]
    flags, withheld = _flags(figure.flags, public_claims)
    return PublicFigure(
        ref=ref or view.key, id=view.row.pk if view.row is not None else None, kind=figure.kind,
        label=label("claim_kinds", figure.kind), qualifiers=dict(figure.qualifiers), min=figure.min,
        max=figure.max, best=figure.best, status=figure.status, origins=len(figure.origins), flags=flags,
        withheld_flags=withheld,
        best_reason=_best_reason(figure, {claim.pk for claim in public}) if figure.best is not None else "",
        sources=_sources(public, redacted),
        withheld_sources=len({claim.source_id for claim in live if not is_public(claim)}),
        corrections=_corrections(view.row))


def _as_published(view: FigureView, ref: str, redacted: set[int] | None = None) -> PublicFigure:
    """The figure as readers were last shown it, while a change waits for a second reviewer: its numbers, and
    the sources of the claims behind them that still say what was verified."""
    row = view.row
    behind = set(row.published_claims)
    kept = [claim for claim in view.claims if claim.pk in behind and reviewed_status(claim) == VERIFIED]
    public = [claim for claim in kept if is_public(claim)]
    return PublicFigure(
        ref=ref or view.key, id=row.pk, kind=row.kind, label=label("claim_kinds", row.kind),
        qualifiers=dict(row.qualifiers), min=row.published_min, max=row.published_max, best=row.published_best,
        status=VERIFIED, origins=len({view.origin_of.get(claim.pk) for claim in kept}) or 1, under_review=True,
        sources=_sources(public, redacted), withheld_sources=len({c.source_id for c in kept if not is_public(c)}),
        corrections=_corrections(row))


def _corrections(row) -> list[CorrectionNote]:
    return [correction_note(correction) for correction in row.corrections.all()] if row is not None else []


def correction_note(correction) -> CorrectionNote:
    """Return a correction as readers see it, numbers written as their language writes them."""
    return CorrectionNote(correction.at.date(),
                          _headline_text(correction.was_min, correction.was_max, correction.was_best),
                          _headline_text(correction.now_min, correction.now_max, correction.now_best),
                          correction.reason)


def _headline_text(low, high, best) -> str:
    return number(best) if best is not None else range_text(low, high)


def public_figure(ref: str) -> PublicFigure | None:
    """Look a post's figure reference up in the record; None unless it names a verified figure."""
    try:
        view = find_figure(ref)
    except ValueError:
        return None
    if view is None or not showable(view):
        return None
    return project(view, ref=ref)


def redacted_items(views: Iterable[FigureView]) -> set[int]:
    """Return the items behind these figures' claims that have a redacted copy, in one query."""
    return redacted_item_ids(claim.source.item_id for view in views for claim in view.claims)


def _sources(claims: list[Claim], redacted: set[int] | None = None) -> list[PublicSource]:
    sources: dict[int, PublicSource] = {}
    if redacted is None:
        redacted = redacted_item_ids(claim.source.item_id for claim in claims)
    for claim in sorted(claims, key=lambda c: (c.source.published or date.min, c.source.title, c.pk)):
        source = claim.source
        shown = sources.setdefault(source.pk, PublicSource(
            title=source.title or source.get_kind_display(), url=web_address(source.url),
            publisher=source.publisher, published=source.published, kind=source.get_kind_display(), id=source.pk))
        words = public_quote(source, claim.quote, claim.start, claim.end) if source.item_id in redacted else claim.quote
        quote = Quote(words,
                      claim.attributed_to.name if claim.attributed_to_id else "", claim.value_text(), claim=claim.pk)
        if claim.quote and all(q.text != quote.text for q in shown.quotes):
            shown.quotes.append(quote)
    return list(sources.values())


def _flags(flags, public_claims: set[int] | None) -> tuple[list[str], int]:
    """Return the sentences of flags that speak of public claims only, and how many were withheld."""
    named = {claim_id for flag in flags for claim_id in flag.claims}
    if public_claims is None:
        public_claims = set(Claim.objects.filter(pk__in=named, source__sensitivity=Sensitivity.PUBLIC)
                            .values_list("pk", flat=True)) if named else set()
    shown = []
    for flag in flags:
        if set(flag.claims) <= public_claims:
            text = flag_sentence(flag)
            if text not in shown:
                shown.append(text)
    return shown, len([flag for flag in flags if not set(flag.claims) <= public_claims])


def _best_reason(figure, public_ids: set[int]) -> str:
    """Say why the best value is best; a speaker from a source that is not public stays unnamed."""
    why = figure.best_wording
    if why is not None and why.template == "best_latest" and figure.best_claim not in public_ids:
        why = Wording("best_latest_unnamed", {key: value for key, value in why.params.items() if key != "who"})
    return sentence(why, figure.best_reason)
