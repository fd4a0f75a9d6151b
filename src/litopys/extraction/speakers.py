"""Who is speaking: institutions and roles by their canonical English names (data in ``speakers.yaml``)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .lexicon.loading import alternation, by_key, entries, letters, pairs, wordset
from .names import FIRST_NAMES, STOP_WORDS, find_name
from .organisations import organisation

#: The canonical names of bodies, roles and oblasts, in the order they are tried; lexicon/<language>.yaml says how
#: each language names them (section ``speakers``).
DATA = Path(__file__).with_name("speakers.yaml")
PRONOUNS = wordset("speakers", "pronouns")
#: "We" in a body's own post ("Ми фіксуємо…"): the body whose post it is.
WE = wordset("speakers", "we")
_THE = alternation("definite_articles")
#: A phrase naming a body generically ("the council", "поліція"): resolved to a body named earlier.
_GENERIC_BODY = re.compile(
    rf"(?:(?:{_THE})\s+)?(?:[\w-]+(?:['’ʼ](?!s\b)[\w-]+)?\s+){{0,5}}?"  # an apostrophe inside: "Куп'янська МВА"
    rf"(?:{alternation('speakers', 'generic_bodies')})", re.I
)
_POSSESSIVE = re.compile(rf"(?<!\w)(?:{alternation('speakers', 'possessives')})\s+\S+$", re.I)
_REGION_WORD = re.compile(rf"\s+(?:{alternation('speakers', 'of_the_region')})$", re.I)
#: Heads of titles declined after a preposition ("голови", "головою") and their nominative.
_DECLINED_HEADS = {**pairs("speakers", "genitive_heads"), **pairs("speakers", "instrumental_heads")}
#: Head nouns of titles: a phrase made of one (the minister", "министра") names a role, resolved to who holds it.
ROLE_HEADS = wordset("speakers", "role_heads")
_ADVERB_WORDS = wordset("speakers", "adverbs")
_CHANNEL = re.compile(rf"(?:{alternation('speakers', 'channels')})", re.I)
_POSTED_AT_END = re.compile(rf"\s+(?:\S+\s+){{0,2}}?(?:{alternation('speakers', 'channels')})[\w-]*$", re.I)
_ADVERBS = re.compile(r"(?:\s+(?:" + "|".join(sorted(_ADVERB_WORDS)) + "))+$", re.I)
_LEADING = re.compile(rf"^(?:(?:{alternation('speakers', 'leading')})\s+)+", re.I)


@dataclass(frozen=True)
class Speaker:
    """Who a claim is attributed to: a person with their role, or a body speaking as such (no role)."""

    name: str | None
    role: str | None
    #: A body (police, prosecutor's office, council), not a person.
    institution: bool = False

    def to_dict(self) -> dict:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True)
class Reference:
    """A speaker as a sentence names them: in full, by pronoun, or by surname only."""

    speaker: Speaker | None
    how: str  # "named" | "pronoun" | "surname" | "generic" | "own_voice"
    start: int
    end: int


@dataclass(frozen=True)
class _Entry:
    """A canonical name and a pattern; "{oblast}" in the name is filled from what the pattern's group matched."""

    name: str
    pattern: re.Pattern
    oblasts: tuple[tuple[str, re.Pattern], ...] = ()

    def label(self, match: re.Match) -> str:
        if not self.oblasts:
            return self.name
        found = match.group("oblast")  # None when another alternative of the pattern matched
        for name, stems in self.oblasts:
            if stems.fullmatch(found) if found else stems.search(match.group(0)):
                return self.name.replace("{oblast}", name)
        return self.name.replace("{oblast} ", "")


@functools.cache
def _tables() -> tuple[list[_Entry], list[_Entry]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    stems = _named("oblasts", data["oblasts"])
    oblasts = tuple((name, re.compile("|".join(stems[name]), re.I)) for name in data["oblasts"] if stems.get(name))
    any_oblast = "|".join("|".join(found) for found in stems.values())
    placeholders = by_key("speakers", "placeholders")

    def expand(section: str) -> list[_Entry]:
        entries = []
        for name, patterns in _named(section, data[section]).items():
            templated = "{oblast}" in name
            for pattern in patterns:
                body = pattern.replace("{oblast}", f"(?P<oblast>{any_oblast})", 1).replace("{oblast}", any_oblast)
                for placeholder, forms in placeholders.items():
                    body = body.replace(f"{{{placeholder}}}", "|".join(forms))
                compiled = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.I)
                entries.append(_Entry(name, compiled, oblasts if templated else ()))
        return entries

    return expand("institutions"), expand("roles")


def _named(section: str, names: list[str]) -> dict[str, list[str]]:
    """Return the expressions every language names each of ``names`` by, in the order of ``names``."""
    found = by_key("speakers", section)
    unknown = [name for name in found if name not in names]
    if unknown:
        raise ValueError(f"lexicon section speakers/{section} names {unknown[0]!r}, which speakers.yaml does not list")
    return {name: found[name] for name in names if name in found}


#: Words most institution patterns contain (lexicon ``speakers: hints``): a pattern holding some is tried only on a
#: phrase holding one of them; a pattern holding none ("ses", "the icc") is always tried.
_HINTS = tuple(sorted({hint.lower() for hint in entries("speakers", "hints")}))


@functools.cache
def _hinted() -> list[tuple[_Entry, frozenset[str]]]:
    """Each institution entry, in order, with the hints its pattern holds."""
    return [(entry, frozenset(hint for hint in _HINTS if hint in entry.pattern.pattern.lower()))
            for entry in _tables()[0]]


@functools.lru_cache(maxsize=4096)
def institution(phrase: str) -> str | None:
    """Return the canonical name of the body ``phrase`` names, or None."""
    low = phrase.lower()
    present = {hint for hint in _HINTS if hint in low}
    for entry, hints in _hinted():
        if hints and not hints & present:
            continue
        match = entry.pattern.search(phrase)
        if match:
            return entry.label(match)
    return None


@functools.lru_cache(maxsize=4096)
def is_generic(name: str) -> bool:
    """Say whether a speaker's name is a group or body named generically ("Слідчі", "прокуратура", "the police"),
    not a body's proper name ("Kharkiv Regional Military Administration": every word capitalised)."""
    words = name.split()
    proper = len(words) > 1 and all(word[:1].isupper() or not word[:1].isalpha() for word in words)
    return not proper and _GENERIC_BODY.fullmatch(name.strip().lower()) is not None


def normalise_role(role: str) -> str:
    """Return the canonical title for ``role`` when known, else the role as written (head noun in nominative)."""
    role = _LEADING.sub("", role.strip(" ,;:—–-\"'«»“”")).strip()
    words = role.split(" ", 1)
    if words and words[0].lower() in _DECLINED_HEADS:
        head = _DECLINED_HEADS[words[0].lower()]
        role = " ".join([head[0].upper() + head[1:] if words[0][0].isupper() else head, *words[1:]])
    for entry in _tables()[1]:
        match = entry.pattern.fullmatch(role)
        if match:
            return entry.label(match)
    return role


_DIGIT = re.compile(r"[0-9]")
#: A place opening a phrase before a body named generically: "у Херсоні правоохоронці" (an adjective in -ський is
#: the body's own: "в Харьковской областной прокуратуре").
_PLACE_FIRST = re.compile(
    rf"^(?i:(?:(?:{alternation('speakers', 'leading')})\s+)*?(?:{alternation('places', 'prepositions')})\s+)"
    rf"(?![\w'’ʼ-]*(?:{alternation('speakers', 'place_adjectives')})\w*\s)[{letters('upper')}][\w'’ʼ-]*\s+"
    rf"(?=[{letters('lower')}])")
_COMMA = re.compile(r"\s*,\s*")
_SURNAME = re.compile(rf"[{letters('upper')}][\w'’ʼ-]+")
#: A body named in quotation marks after a few words saying what it is ("правозащитного объединения «Крымская
#: солидарность»", "the NGO “Children of War”"): the quoted words are its name.
_QUOTED_BODY = re.compile(rf"[{letters('lower')}\s-]{{0,60}}[«“\"]([{letters('upper')}][^»”\"]{{1,60}})[»”\"]?")


def parse(phrase: str, offset: int = 0) -> Reference | None:
    """Say who ``phrase`` (the subject or object of a reporting verb) names, or None when it names nobody."""
    stripped = phrase.strip(" ,;:—–-\"'«»“”\u00a0")
    last = stripped.rsplit(None, 1)
    if len(last) == 2 and last[1].lower() in _ADVERB_WORDS:  # "X said also": the rest is no name
        stripped = _ADVERBS.sub("", stripped)
    if not stripped or len(stripped.split()) > 16 or _DIGIT.search(stripped):
        return None
    start = offset + phrase.index(stripped)
    end = start + len(stripped)
    quoted = _QUOTED_BODY.fullmatch(phrase.strip(" ,;:—–-\u00a0"))
    if quoted is not None and (quoted.start(1) == 1 and not quoted.group(0).endswith(("»", "”", '"'))
                               or quoted.group(1).rstrip().endswith((",", ".", "!", "?", "…"))):
        quoted = None  # "«Всего в Херсоне мы …", '"We spoke to people …,"': a quotation, no body's name
    if quoted is not None and institution(quoted.group(1)) is None:
        return Reference(Speaker(quoted.group(1).strip(), None, institution=True), "named", start, end)
    if stripped.lower() in PRONOUNS:
        return Reference(None, "pronoun", start, end)
    if stripped.lower() in WE:
        return Reference(None, "own_voice", start, end)
    lead = _LEADING.match(stripped)  # "Окремо Федоров", "Пресслужба Херсонської …": no first name, no surname
    skipped = lead.end() if lead else 0
    bare = stripped[skipped:]
    if _CHANNEL.fullmatch(bare):
        return None  # "написав у Telegram": where, not who
    posted = _POSTED_AT_END.search(stripped)
    if posted and posted.start() > skipped:  # "Синєгубов у своєму Telegram-каналі": who, then where
        return parse(phrase[: phrase.index(stripped) + posted.start()], offset)
    body = institution(stripped) or organisation(bare)
    name = find_name(bare, anchored=bool(body))  # a body's phrase names a person only by a first name
    if name and skipped:
        name = (name[0] + skipped, name[1] + skipped, name[2])
    if name is None and _known_role(stripped):
        return Reference(Speaker(None, normalise_role(stripped)), "named", start, end)
    if name:
        name_start, name_end, person = name
        role = (stripped[:name_start] + " " + stripped[name_end:]).strip()
        role = _COMMA.sub(" ", role).strip()
        return Reference(Speaker(person, normalise_role(role) or None if role else None), "named", start, end)
    generic = _GENERIC_BODY.fullmatch(stripped) or _GENERIC_BODY.fullmatch(_REGION_WORD.sub("", stripped))
    if not body and generic and _PLACE_FIRST.match(stripped):
        # "у Херсоні правоохоронці", "Окремо в Боровій поліція": where they worked, then who
        rest = _PLACE_FIRST.sub("", stripped, count=1)
        stripped = rest if _GENERIC_BODY.fullmatch(rest) else stripped
    if (body or generic) and _LEADING.sub("", stripped).split()[0].lower() in ROLE_HEADS:
        return Reference(Speaker(None, normalise_role(stripped)), "named", start, end)  # "глава ОВА": who holds it
    if body:
        return Reference(Speaker(body, None, institution=True), "named", start, end)
    if generic and _POSSESSIVE.search(stripped):
        return Reference(None, "pronoun", start, end)  # "его офис зафиксировал": the ombudsman named before
    if generic:
        cleaned = _LEADING.sub("", stripped)
        return Reference(Speaker(cleaned, None, institution=True), "generic", start, end)
    if bare in FIRST_NAMES:  # a witness named by a first name only: "по словам Сергея" -> "Сергей"
        return Reference(Speaker(FIRST_NAMES[bare][0], None), "surname", start, end)
    words = bare.split()
    if 1 < len(words) <= 4 and FIRST_NAMES.get(words[-1], ("",))[0] == words[-1] and words[-2].islower():
        return Reference(Speaker(words[-1], None), "surname", start, end)  # "Її чоловік Олег додає": Oleh
    if _SURNAME.fullmatch(bare) and bare.lower() not in STOP_WORDS:  # not "Як каже приказка"
        return Reference(Speaker(bare, None), "surname", start, end)
    role = normalise_role(stripped)
    if len(role.split()) <= 6 and role.split()[0].lower() in ROLE_HEADS:
        return Reference(Speaker(None, role), "named", start, end)  # "the minister": resolved by the engine
    return None


@functools.lru_cache(maxsize=4096)
def _known_role(phrase: str) -> bool:
    role = _LEADING.sub("", phrase.strip())
    return any(entry.pattern.fullmatch(role) for entry in _tables()[1])


#: What kind of body a name names, in any language: "прокуратури" and "Kharkiv Regional Prosecutor's Office" are
#: both prosecutors, so "за даними прокуратури" means the office named before.
CATEGORIES = {label: re.compile("|".join(found), re.I) for label, found in by_key("speakers", "categories").items()}


@functools.lru_cache(maxsize=1024)
def category(name: str) -> str | None:
    """Return the kind of body ``name`` names ("police", "prosecutor", ...), or None."""
    for label, pattern in CATEGORIES.items():
        if pattern.search(name):
            return label
    return None


def categories(name: str) -> frozenset[str]:
    """Every kind of body ``name`` may be: "Office of the Prosecutor General" is a prosecutor and an office, so "the
    Office" named after it is that office."""
    return frozenset(label for label, pattern in CATEGORIES.items() if pattern.search(name))


def speaks_for(person: Speaker, body: Speaker) -> bool:
    """Say whether a person's title is of the kind of a body: "Керівник Харківської обласної прокуратури" of
    "Kharkiv Regional Prosecutor's Office"."""
    kind = category(person.role or "") if not person.institution else None
    return kind is not None and body.institution and kind == category(body.name or "")
