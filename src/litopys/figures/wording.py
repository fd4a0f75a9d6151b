"""The sentences that explain a figure, kept as a template and its facts, to be worded in each reader's language.

Reconciliation has no Django, so it cannot translate. It keeps each sentence as a `Wording`: the key of
a template and the facts that fill it (numbers, who said what and when, categories of people). `say()`
words it with a `Words` object: `ENGLISH` here (for the JSON contract and the tests), or the Django
side's, which translates the same templates with gettext (`figures.localised`). The templates
are written as calls of ``words.gettext`` and ``words.ngettext`` so that `make messages` finds them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from litopys import vocab

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


class English:
    """Words for English sentences: templates as written, dates as 23 September 2022, plain numbers."""

    language = "en"

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural

    def date(self, day: date) -> str:
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"

    def number(self, value: int) -> str:
        return str(value)


ENGLISH = English()


@dataclass(frozen=True)
class Voice:
    """Who said something and when: a speaker or publisher, else only the source's number."""

    name: str = ""
    day: date | None = None
    source_id: int | None = None


@dataclass(frozen=True)
class Part:
    """A number of people of one category: 215 women, 5 civilian children."""

    n: int
    qualifiers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Placed:
    """A part of a total at a place: 6 in Kherson."""

    n: int
    where: str


@dataclass(frozen=True)
class Bound:
    """A claim's value as a reader says it: at least 460, at most 450, 436 to 447."""

    low: int | None
    high: int | None


@dataclass(frozen=True)
class Valued:
    """One value and the voices that give it: 21 (Kharkiv Regional Military Administration, 23 September 2022)."""

    value: int
    voices: tuple[Voice, ...]


@dataclass(frozen=True)
class SourceKind:
    """A kind of source, named in a sentence: an official statement, an article."""

    kind: str


@dataclass
class Wording:
    """A sentence to be worded: a template key and the facts that fill it."""

    template: str
    params: dict = field(default_factory=dict)


def group_of(n: int, qualifiers: Mapping[str, str]) -> Part:
    """Return a number of people of the category the qualifiers name."""
    return Part(n, tuple(sorted(qualifiers.items())))


# Templates: key → the template in the reader's words, given the params (a plural needs its count).
TEMPLATES: dict[str, Callable] = {
    "interim_superseded": lambda w, p: w.gettext(
        "An earlier figure of %(old)s from the same origin (%(who)s) was replaced by a later one of %(new)s."),
    "conflict": lambda w, p: w.ngettext(
        "%(count)s independent origin gives different values: %(values)s.",
        "%(count)s independent origins give different values: %(values)s.", p["count"]),
    "conflict_in_origin": lambda w, p: w.gettext(
        "One origin (%(who)s) gives different values, %(values)s, and the order in which it gave them is not "
        "known."),
    "conflict_bounds": lambda w, p: w.gettext(
        "Sources disagree: one says at least %(low)s (%(low_who)s), another at most %(high)s (%(high_who)s)."),
    "bound_above_total": lambda w, p: w.gettext(
        "One source says at least %(bound)s (%(bound_who)s), more than the exact count of %(total)s given by "
        "another origin (%(total_who)s)."),
    "parts_exceed_total": lambda w, p: w.gettext(
        "The parts given by %(who)s (%(parts)s) add up to %(sum)s, more than the total of %(total)s."),
    "parts_do_not_add_up": lambda w, p: w.gettext(
        "The parts given by %(who)s (%(parts)s) add up to %(sum)s, not %(total)s: %(rest)s of the total are not "
        "broken down, although the categories should cover everyone."),
    "place_parts_exceed_total": lambda w, p: w.gettext(
        "The parts given by %(who)s by place (%(parts)s) add up to %(sum)s, more than the total of %(total)s."),
    "place_parts_do_not_add_up": lambda w, p: w.gettext(
        "The parts given by %(who)s by place (%(parts)s) add up to %(sum)s, not %(total)s: %(rest)s of the total "
        "are at no place named."),
    "overlapping_categories": lambda w, p: w.gettext(
        "The parts given by %(who)s are not added up: the %(inner)s may already be counted among the %(outer)s."),
    "no_exact_count": lambda w, p: w.gettext(
        "No source gives an exact count, so there is no best value; the range shows what is known."),
    "best_latest": lambda w, p: w.gettext(
        "%(best)s is the latest exact count from the most authoritative kind of source, %(kind)s (%(who)s)."),
    "best_latest_unnamed": lambda w, p: w.gettext(
        "%(best)s is the latest exact count from the most authoritative kind of source, %(kind)s."),
    "best_by_reviewer": lambda w, p: w.gettext("Set by a reviewer: %(reason)s"),
}

#: Numbers of people by age and sex ("" where the claim says nothing), any status.
PEOPLE: dict[tuple[str, str], Callable] = {
    ("", ""): lambda w, n: w.ngettext("%(n)s person", "%(n)s people", n),
    ("", "female"): lambda w, n: w.ngettext("%(n)s woman", "%(n)s women", n),
    ("", "male"): lambda w, n: w.ngettext("%(n)s man", "%(n)s men", n),
    ("", "unknown"): lambda w, n: w.ngettext("%(n)s person of unknown sex", "%(n)s people of unknown sex", n),
    ("adult", ""): lambda w, n: w.ngettext("%(n)s adult", "%(n)s adults", n),
    ("adult", "female"): lambda w, n: w.ngettext("%(n)s woman", "%(n)s women", n),
    ("adult", "male"): lambda w, n: w.ngettext("%(n)s man", "%(n)s men", n),
    ("adult", "unknown"): lambda w, n: w.ngettext("%(n)s adult of unknown sex", "%(n)s adults of unknown sex", n),
    ("child", ""): lambda w, n: w.ngettext("%(n)s child", "%(n)s children", n),
    ("child", "female"): lambda w, n: w.ngettext("%(n)s girl", "%(n)s girls", n),
    ("child", "male"): lambda w, n: w.ngettext("%(n)s boy", "%(n)s boys", n),
    ("child", "unknown"): lambda w, n: w.ngettext("%(n)s child of unknown sex", "%(n)s children of unknown sex",
                                                  n),
}

#: The same, when the claim also says they were civilians.
CIVILIANS: dict[tuple[str, str], Callable] = {
    ("", ""): lambda w, n: w.ngettext("%(n)s civilian", "%(n)s civilians", n),
    ("", "female"): lambda w, n: w.ngettext("%(n)s civilian woman", "%(n)s civilian women", n),
    ("", "male"): lambda w, n: w.ngettext("%(n)s civilian man", "%(n)s civilian men", n),
    ("", "unknown"): lambda w, n: w.ngettext("%(n)s civilian of unknown sex", "%(n)s civilians of unknown sex",
                                             n),
    ("adult", ""): lambda w, n: w.ngettext("%(n)s adult civilian", "%(n)s adult civilians", n),
    ("adult", "female"): lambda w, n: w.ngettext("%(n)s civilian woman", "%(n)s civilian women", n),
    ("adult", "male"): lambda w, n: w.ngettext("%(n)s civilian man", "%(n)s civilian men", n),
    ("adult", "unknown"): lambda w, n: w.ngettext("%(n)s adult civilian of unknown sex",
                                                  "%(n)s adult civilians of unknown sex", n),
    ("child", ""): lambda w, n: w.ngettext("%(n)s civilian child", "%(n)s civilian children", n),
    ("child", "female"): lambda w, n: w.ngettext("%(n)s civilian girl", "%(n)s civilian girls", n),
    ("child", "male"): lambda w, n: w.ngettext("%(n)s civilian boy", "%(n)s civilian boys", n),
    ("child", "unknown"): lambda w, n: w.ngettext("%(n)s civilian child of unknown sex",
                                                  "%(n)s civilian children of unknown sex", n),
}


def say(wording: Wording, words=ENGLISH) -> str:
    """Word a sentence: its template in the reader's words, filled with its facts worded alike."""
    template = TEMPLATES[wording.template](words, wording.params)
    return template % {name: word(value, words) for name, value in wording.params.items()}


def word(value, words=ENGLISH) -> str:
    """Word one fact of a sentence."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int):
        return words.number(value)
    if isinstance(value, Voice):
        return voice_text(value, words)
    if isinstance(value, Part):
        return people(value, words)
    if isinstance(value, Bound):
        return bound_text(value, words)
    if isinstance(value, Valued):
        return f"{words.number(value.value)} ({'; '.join(voice_text(v, words) for v in value.voices)})"
    if isinstance(value, tuple) and value and all(isinstance(v, Voice) for v in value):
        return "; ".join(voice_text(v, words) for v in value)
    if isinstance(value, tuple) and value and all(isinstance(v, Part) for v in value):
        return ", ".join(people(v, words) for v in value)
    if isinstance(value, tuple) and value and all(isinstance(v, Placed) for v in value):
        return ", ".join(words.gettext("%(n)s in %(where)s") % {"n": words.number(v.n), "where": v.where}
                         for v in value)
    if isinstance(value, list):
        return join_words([word(v, words) for v in value], words)
    if isinstance(value, SourceKind):
        return source_kind_text(value.kind, words)
    return str(value)


def source_kind_text(kind: str, words=ENGLISH) -> str:
    """Name a kind of source as a sentence does ("an official statement"), from the source kinds vocabulary."""
    entry = vocab.load("source_kinds").get(kind)
    if entry is None:
        return words.gettext("a source")
    return entry["in_sentence"].get(words.language) or entry["in_sentence"]["en"]


def voice_text(voice: Voice, words=ENGLISH) -> str:
    who = voice.name or words.gettext("source %(id)s") % {"id": voice.source_id}
    return f"{who}, {words.date(voice.day)}" if voice.day else who


def people(group: Part, words=ENGLISH) -> str:
    """Name a number of people of one category: 215 women, 5 civilian children, 22 servicemen and servicewomen."""
    qualifiers = dict(group.qualifiers)
    things = [key for key in qualifiers if key in vocab.load("claim_qualifiers")]
    if things:  # "14 homes": a count of objects or attacks, its qualifiers worded by the vocabulary
        labels = [_qualifier_words(key, qualifiers[key], words) for key in sorted(things)]
        return words.gettext("%(n)s: %(what)s") % {"n": words.number(group.n), "what": ", ".join(labels)}
    noun = (qualifiers.get("age", ""), qualifiers.get("sex", ""))
    status = qualifiers.get("status")
    if status == "military":
        if noun == ("", ""):
            return words.ngettext("%(n)s serviceman or servicewoman", "%(n)s servicemen and servicewomen",
                                  group.n) % {"n": words.number(group.n)}
        return words.gettext("%(people)s in military service") % {"people": people(Part(group.n, tuple(
            (k, v) for k, v in group.qualifiers if k != "status")), words)}
    table = CIVILIANS if status == "civilian" else PEOPLE
    return table.get(noun, PEOPLE[("", "")])(words, group.n) % {"n": words.number(group.n)}


def _qualifier_words(key: str, value: str, words=ENGLISH) -> str:
    """Return a qualifier's value as words in the reader's language, from the qualifiers vocabulary."""
    labels = vocab.load("claim_qualifiers")[key].get("values", {}).get(value) or {}
    return labels.get(words.language) or labels.get("en") or str(value).replace("_", " ")


def bound_text(bound: Bound, words=ENGLISH) -> str:
    if bound.high is None:
        return words.gettext("at least %(n)s") % {"n": words.number(bound.low)}
    if bound.low is None:
        return words.gettext("at most %(n)s") % {"n": words.number(bound.high)}
    if bound.low == bound.high:
        return words.number(bound.low)
    return words.gettext("%(low)s to %(high)s") % {"low": words.number(bound.low), "high": words.number(bound.high)}


def join_words(items: list[str], words=ENGLISH) -> str:
    """Join "a", "b" and "c" as a sentence does."""
    if len(items) == 1:
        return items[0]
    return words.gettext("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}
