"""Fill a post's directives from the current record: figures with their notes, incident cards, media.

Each directive's HTML is cached under the record generation and the language, so a claim verified,
rejected or re-attributed anywhere shows on every page at the next request, and nothing else is
recomputed. A post's assembled body is cached the same way, keyed also by when the post was saved.
"""

import hashlib
from dataclasses import dataclass

import nh3
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language

from litopys.chronicle import rendering
from litopys.chronicle.bounds import says_bound
from litopys.chronicle.models import Media
from litopys.figures.public import public_figure
from litopys.incidents.models import Incident, RecordStatus
from litopys.sitecache import generations

#: Stands for a note's number in cached figure HTML; the number depends on where the figure sits in a post.
NOTE_NUMBER = "__litopys_note__"
#: Stands for the id of a figure's first mention, the place its note links back to.
REF_ID = "__litopys_ref_id__"
#: How long cached pieces live; the generation in their key retires them sooner.
TIMEOUT = 24 * 3600


@dataclass
class Piece:
    """A directive's HTML in the text and, for figures, the note that goes at the end."""

    html: str
    note: str = ""
    #: For figures: the inline HTML when the post's own words already bound the number ("at least {{figure}}").
    bare: str = ""


def render_figure(argument: str) -> Piece:
    context = {"figure": public_figure(argument), "n": NOTE_NUMBER, "ref_id": REF_ID}
    return Piece(render_to_string("chronicle/directives/figure.html", context),
                 render_to_string("chronicle/directives/figure_note.html", context),
                 render_to_string("chronicle/directives/figure.html", {**context, "bare": True}))


def render_incident(argument: str) -> Piece:
    incident = (Incident.objects.filter(slug=argument.strip(), status=RecordStatus.PUBLISHED)
                .select_related("place").first())
    if incident is None:
        return Piece("")
    return Piece(render_to_string("chronicle/directives/incident.html", {"incident": incident}))


def render_media(argument: str) -> Piece:
    media = Media.objects.filter(pk=argument.strip()).first() if argument.strip().isdigit() else None
    if media is None or not media.file:
        return Piece("")
    return Piece(render_to_string("chronicle/directives/media.html", {"media": media}))


RENDERERS = {"figure": render_figure, "incident": render_incident, "media": render_media}


def piece(name: str, argument: str, generation: int | None = None) -> Piece:
    """Return a directive's HTML, from the cache when the record has not changed since it was rendered."""
    generation = generation if generation is not None else generations.record_generation()
    digest = hashlib.sha256(f"{name} {argument}".encode()).hexdigest()[:32]
    key = f"chronicle:directive:{generation}:{get_language()}:{digest}"
    found = cache.get(key)
    if found is None:
        found = RENDERERS[name](argument)
        cache.set(key, found, TIMEOUT)
    return found


@dataclass
class Body:
    """A post's body as a reader sees it, with the notes of its figures."""

    html: str
    notes: list[tuple[int, str]]


def assemble(body_html: str, generation: int | None = None, language: str = "") -> Body:
    """Fill every placeholder of a rendered body in the post's language; number the figure notes in reading
    order. A figure right after a bound word of that language ("at least") shows its number alone."""
    generation = generation if generation is not None else generations.record_generation()
    language = language or get_language() or "en"
    numbers: dict[str, int] = {}
    notes: list[tuple[int, str]] = []

    def render(name: str, argument: str, before: str) -> str:
        found = piece(name, argument, generation)
        if name != "figure":
            return found.html
        first = argument not in numbers
        n = numbers.setdefault(argument, len(numbers) + 1)
        if first:
            notes.append((n, found.note.replace(NOTE_NUMBER, str(n))))
        inline = found.bare if found.bare and says_bound(before, language) else found.html
        return inline.replace(REF_ID, f' id="fig-ref-{n}"' if first else "").replace(NOTE_NUMBER, str(n))

    # The stored body was sanitised when it was rendered; cleaning again guards against rows written by
    # other means (imports, the shell). Placeholders survive it: they are allowed markup.
    clean = nh3.clean(body_html or "", tags=rendering.ALLOWED_TAGS, attributes=rendering.ALLOWED_ATTRIBUTES,
                      link_rel="noopener nofollow", url_schemes={"http", "https", "mailto"})
    with translation.override(language):
        return Body(rendering.fill(clean, render), notes)


def post_body(post) -> Body:
    """Return a post's assembled body, cached until the post or the record changes."""
    generation = generations.record_generation()
    stamp = post.updated_at.timestamp() if post.updated_at else 0
    key = f"chronicle:body:{generation}:{post.language}:{post.pk}:{stamp}"
    found = cache.get(key)
    if found is None:
        found = assemble(post.body_html, generation, post.language)
        cache.set(key, found, TIMEOUT)
    return found
