"""What a reader may learn about a figure: its range, status, origins, flags and its public sources.

Only sources whose sensitivity is "public" are named; the others are counted. A figure that is not
verified shows no number at all, not even in its note: its quotes would give the number away.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _

from litopys.evidence.models import Sensitivity
from litopys.figures.localised import flag_sentence, sentence
from litopys.figures.selectors import FigureView, find_figure
from litopys.figures.wording import Wording
from litopys.incidents.models import Claim, ClaimStatus
from litopys.vocab.choices import label


@dataclass
class PublicSource:
    """One claim behind a figure, from a source that may be named."""

    title: str
    url: str
    publisher: str
    published: date | None
    kind: str
    quote: str
    attributed_to: str
    value: str


@dataclass
class FigureNote:
    """A figure as a public page shows it; ``shown`` is False when its number must stay hidden."""

    ref: str
    shown: bool
    value: str = "—"
    range: str = ""
    kind: str = ""
    status: str = ""
    origins: int = 0
    flags: list[str] = field(default_factory=list)
    withheld_flags: int = 0
    best_reason: str = ""
    sources: list[PublicSource] = field(default_factory=list)
    hidden_sources: int = 0


def web_address(url: str) -> str:
    """Return a URL fit for a link: http(s) only, never javascript: or data: whatever a row holds."""
    return url if (url or "").lower().startswith(("http://", "https://")) else ""


def number(value: int) -> str:
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def range_text(low: int | None, high: int | None) -> str:
    """Return a figure's range as a reader writes it: 447, 440–450, at least 1,000, at most 20."""
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
        return status


def figure_note(ref: str) -> FigureNote:
    """Look a reference up in the record and return what a public page may show of it."""
    try:
        view = find_figure(ref)
    except ValueError:
        view = None
    if view is None or view.figure.status != ClaimStatus.VERIFIED:
        return FigureNote(ref=ref, shown=False)
    return _verified_note(ref, view)


def _verified_note(ref: str, view: FigureView) -> FigureNote:
    figure = view.figure
    live = [claim for claim in view.claims if claim.pk in set(figure.claims)]
    public = [claim for claim in live if claim.source.sensitivity == Sensitivity.PUBLIC]
    hidden = {claim.source_id for claim in live if claim.source.sensitivity != Sensitivity.PUBLIC}
    shown_flags, withheld = _flags(figure.flags)
    range_value = range_text(figure.min, figure.max)
    public_ids = {claim.pk for claim in public}
    return FigureNote(
        ref=ref, shown=True,
        value=number(figure.best) if figure.best is not None else range_value,
        range=range_value, kind=label("claim_kinds", figure.kind), status=status_label(figure.status),
        origins=len(figure.origins), flags=shown_flags, withheld_flags=withheld,
        best_reason=_best_reason(figure, public_ids) if figure.best is not None else "",
        sources=[_public_source(claim) for claim in sorted(public, key=_source_order)],
        hidden_sources=len(hidden),
    )


def _source_order(claim: Claim):
    return claim.source.published or date.min, claim.source.title, claim.pk


def _public_source(claim: Claim) -> PublicSource:
    source = claim.source
    return PublicSource(
        title=source.title or source.get_kind_display(), url=web_address(source.url), publisher=source.publisher,
        published=source.published, kind=source.get_kind_display(), quote=claim.quote,
        attributed_to=claim.attributed_to.name if claim.attributed_to_id else "", value=claim.value_text())


def _flags(flags) -> tuple[list[str], int]:
    """Return the sentences of flags that name public sources only, in the reader's language, and how many
    were withheld."""
    ids = {claim_id for flag in flags for claim_id in flag.claims}
    public = set(Claim.objects.filter(pk__in=ids, source__sensitivity=Sensitivity.PUBLIC)
                 .values_list("pk", flat=True)) if ids else set()
    shown = [flag_sentence(flag) for flag in flags if set(flag.claims) <= public]
    return shown, len(flags) - len(shown)


def _best_reason(figure, public_ids: set[int]) -> str:
    """Say why the best value is best; a speaker from a source that is not public stays unnamed."""
    why = figure.best_wording
    if why is not None and why.template == "best_latest" and figure.best_claim not in public_ids:
        why = Wording("best_latest_unnamed", {key: value for key, value in why.params.items() if key != "who"})
    return sentence(why, figure.best_reason)
