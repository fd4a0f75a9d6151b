"""Find who a sentence attributes its content to: "X said", "according to X", "за словами X", "Об этом сообщил X".

A sentence gives at most one reference: the speaker named in full, by pronoun or by surname, or a
body named generically ("the council"). The engine resolves pronouns and surnames against speakers
named earlier and carries the speaker over the following sentences of the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import lowered
from .lexicon.loading import alternation, wordset
from .names import ROLE_WORDS, find_name
from .numbers import MONTHS
from .patterns import trie, union
from .speakers import PRONOUNS, Reference, Speaker, normalise_role, parse

_V = r"(?<![\w'’ʼ])(?:{})(?![\w'’ʼ])"
#: The alternation each pattern below was made from, to merge them into one (``_ANY``).
_SOURCES: dict[re.Pattern, str] = {}


def _verbs(pattern: str) -> re.Pattern:
    """Compile whole-word phrases, in any case."""
    compiled = re.compile(_V.format(trie(pattern)), re.I)
    _SOURCES[compiled] = pattern
    return compiled


#: The speaker follows: "according to X", "за словами X", "по данным X".
PREFIX = _verbs(alternation("attribution", "prefix"))
#: "За його словами", "по его данным", "according to him": the speaker named before.
PRONOUN_PREFIX = _verbs(alternation("attribution", "pronoun_prefix"))
#: The speaker follows and also vouches for what came before: "Про це повідомив X", "Об этом сообщили в X".
BACKWARD = _verbs(alternation("attribution", "backward"))
#: The speaker is the subject (before) or, inverted, the object (after): "X said", "said X", "повідомив X".
VERB = _verbs(alternation("attribution", "verbs"))
_CLAUSE_END = re.compile(rf",\s|;|:\s|\.\s|\.$|\s[—–]\s|\s(?:{alternation('attribution', 'clause_openers')})\s", re.I)
_SUBORDINATE = re.compile(rf"(?:^|[\s,;:])(?:{alternation('attribution', 'subject_openers')})\s+(?=[^\s])", re.I)
_BRACKETED = re.compile(r"\([^()]{1,40}\)")
_RELATIVE_CLAUSE = re.compile(rf"(?:{alternation('attribution', 'relatives')})\s", re.I)
_IN_REPORT = re.compile(rf"\s+(?:{alternation('attribution', 'in_report')})\b", re.I)
_ALONG_WITH = re.compile(rf"\s(?:{alternation('attribution', 'along_with')})\s", re.I)
_NOT_ROLE = re.compile(rf"\s*(?:{alternation('attribution', 'not_role')})\b", re.I)
_ROLE_HEADS = ROLE_WORDS - wordset("role_fillers")
_TRAILING = re.compile(rf"\s*(?:{alternation('attribution', 'trailing')})?[.!]?\s*$", re.I)
_RELATIVE = re.compile(rf"^\s*(?:{alternation('attribution', 'not_after_prefix')})\b", re.I)
#: A date between a reporting verb and its speaker: "повідомив 12 квітня начальник …", "said on Monday the …".
_DAY_MONTH = rf"[0-3]?[0-9]\s+(?:{MONTHS})\.?(?:\s+[12][0-9]{{3}})?(?:\s+(?:{alternation('numbers', 'years')}))?"
#: A date between a reporting verb and its speaker: "сообщил 6 мая 2022 года глава …", "said on Monday the head of
#: …", "сообщил в понедельник, 9 сентября, глава …".
_LEADING_DATE = re.compile(
    rf"\s*(?:(?:{_DAY_MONTH})"
    rf"|(?:(?:{alternation('attribution', 'before_weekday')})\s+)?(?:{alternation('dates', 'weekdays')})"
    rf"(?:,\s*(?:{_DAY_MONTH}))?),?(?=\s)",
    re.I,
)

#: A date between the speaker and the verb: "Місія ООН 9 січня оприлюднила …", "The mission on 9 January published".
_TRAILING_DATE = re.compile(rf"\s+(?:(?:{alternation('attribution', 'before_weekday')})\s+)?(?:{_DAY_MONTH})\s*$", re.I)
#: The day a speaker spoke on between their name and the verb: "Іван Федоров у суботу, 18 січня, повідомив".
_WHEN_BEFORE_VERB = re.compile(
    rf"\s+(?:(?:{alternation('attribution', 'before_weekday')})\s+)?(?:{alternation('dates', 'weekdays')}),\s*"
    rf"(?:{_DAY_MONTH}),\s*$", re.I)
#: A line's closing date after a comma: "Офис Генерального прокурора, 16 сентября 2025 года".
_DATED_LINE = re.compile(rf"(?:,|\n)\s*(?:{_DAY_MONTH}|[0-3]?[0-9]\.[01]?[0-9]\.(?:[12][0-9])?[0-9]{{2}})\.?\s*$", re.I)
#: A date opening the sentence before its speaker: "По состоянию на 31 января 2025 года Миссия зафиксировала".
_AS_OF = re.compile(rf"\s*(?:{alternation('attribution', 'as_of')})\s+(?:{_DAY_MONTH}),?\s+", re.I)


@dataclass(frozen=True)
class Attribution:
    reference: Reference
    #: The reference also covers the sentences before it in the paragraph ("Про це повідомив ...").
    backward: bool = False


#: Every way of attributing, for lowered text: ``_HOW[match.lastindex]`` says which one matched.
_ANY, _OWNERS = union(
    [_SOURCES[pattern] for pattern in (PRONOUN_PREFIX, BACKWARD, PREFIX, VERB)], end=r"(?![\w'’ʼ])", capture=True
)
_HOW = tuple(("pronoun", "backward", "prefix", "verb")[owner] if owner >= 0 else None for owner in _OWNERS)


_HEADLINE = re.compile(
    rf"^\s*(?:{alternation('attribution', 'document_titles')})\s+(?:{alternation('attribution', 'document_by')})?\s*",
    re.I,
)


_TOPIC = re.compile(rf"\s+(?:{alternation('attribution', 'document_topics')})\s", re.I)


def headline_speaker(headline: str) -> Reference | None:
    """Return who speaks in a whole document, when its first line says: "Statement of the Office of ...",
    or just names a body ("Офіс Генерального прокурора", "Офис Генпрокурора, 16 сентября 2025 года"), or it is
    signed ("Олег Синєгубов, голова ОВА")."""
    dated = _DATED_LINE.search(headline)
    headline = headline[: dated.start()] if dated else headline
    match = _HEADLINE.match(headline)
    start = match.end() if match else 0
    end = _CLAUSE_END.search(headline, start) if match else None
    topic = _TOPIC.search(headline, start, end.start() if end else len(headline)) if match else None
    end = topic or end  # "Statement of the Commissioner on the Children's Day": the Commissioner
    reference = parse(headline[start : end.start() if end else len(headline)], start)
    if reference is not None and reference.how == "generic" and not match and headline[:1].isupper() and 1 < len(
            headline.split()) <= 4:
        reference = Reference(reference.speaker, "named", reference.start, reference.end)  # "Сумська міська рада"
    if reference is None or reference.how != "named" or reference.speaker is None:
        return None
    if match and (reference.speaker.name or reference.speaker.role):
        return reference  # "Statement of the Ombudsman": whoever holds the title
    if not reference.speaker.name:
        return None
    if reference.speaker.institution:
        return reference
    # A signature names a person by a known first name ("Олег Синєгубов, голова ОВА"); a title's first
    # capitalised words ("What Izium and Balakliia revealed") are no one.
    whole = reference.end - reference.start >= len(headline.strip(" ,;:—–-")) - 1  # "— Олег Синєгубов, …"
    return reference if whole and find_name(headline, anchored=True) is not None else None


def colon_speaker(heading: str) -> Reference | None:
    """Return who a heading attributes its words to: "Клименко: ...", "Lubinets: over 400 children ..."."""
    head, colon, _ = heading.partition(":")
    if not colon or len(head.split()) > 10 or _QUOTATION.fullmatch(head.strip()):
        return None  # "«Нас били каждый день»: жительница Бердянска …": a quotation, no speaker
    reference = parse(head)
    named = reference is not None and reference.how == "named" and reference.speaker and reference.speaker.name
    if named and not reference.speaker.institution and len(reference.speaker.name.split()) > 1:
        # two capitalised words are a person only with a known first name: "Обстрелы Херсонской области: …" is none
        return reference if find_name(head, anchored=True) is not None else None
    # one word names a body only as its abbreviation ("ДСНС: …", "ГСЧС: …"); "Харків: …" is a place
    return reference if named and (not reference.speaker.institution or len(head.split()) > 1 or head.isupper()) \
        else None


_QUOTATION = re.compile(r"[«“„\"'].*[»”“\"']")
#: The end of a quoted sentence ('…," said X'), not of a name in quotation marks ("агентство «Укрінформ»").
_QUOTE_ENDS = ('"', "»", "”")
_CLOSING_QUOTE = re.compile(r"(?<=[.,!?…])\s*[»”\"]")
_DASH_TAIL = re.compile(r"[,]?\s+[–—-]\s+([^–—:]{2,80}?)\s*$")


def dash_speaker(heading: str) -> Reference | None:
    """Return who a heading names after a closing dash: "… троє дітей, – ОВА", "… 146 тіл — поліція"."""
    match = _DASH_TAIL.search(heading)
    if not match:
        return None
    reference = parse(match.group(1), match.start(1))
    return reference if reference is not None and reference.how in ("named", "generic", "surname") else None


def speaks(sentence: str, position: int) -> bool:
    """Say whether a reporting verb follows at ``position`` ("two former detainees said ...")."""
    low = lowered(sentence)
    while position < len(low) and low[position] == " ":
        position += 1
    return VERB.match(low, position) is not None


def mentions_speaker(text: str) -> bool:
    """Say whether ``text`` has any reporting verb or phrase at all."""
    return _ANY.search(lowered(text)) is not None


def find(sentence: str) -> Attribution | None:
    """Return the first resolvable attribution in ``sentence`` (offsets relative to it), or None."""
    candidates: list[tuple[int, Attribution]] = []
    for match in _ANY.finditer(lowered(sentence)):
        how = _HOW[match.lastindex]
        if how == "pronoun":
            reference = Reference(None, "pronoun", match.start(), match.end())
        elif how == "backward":
            reference = _object(sentence, match.end())
            said = lowered(match.group(0)).split()
            if reference is None and PRONOUNS & set(said):
                # "Про це він повідомив 14 жовтня": the one named before, dating what came before
                reference = Reference(None, "pronoun", match.start(), match.end())
        elif how == "prefix":
            reference = None if _RELATIVE.match(sentence, match.end()) else _object(sentence, match.end())
        else:
            reference = _subject(sentence, match.start())
            if reference is None:
                reference = _object(sentence, match.end(), role_after=True)
                # "..., повідомили в ГУНП Харківщини." closing a sentence vouches for the paragraph so far
                how = "backward" if reference and _TRAILING.match(sentence, reference.end) else how
        if reference:
            candidates.append((match.start(), Attribution(reference, backward=how == "backward")))
            if reference.how == "named":
                break  # a named speaker beats a pronoun or surname later in the sentence
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[1].reference.how != "named", c[0]))
    return candidates[0][1]


def _object(sentence: str, start: int, role_after: bool = False) -> Reference | None:
    date = _LEADING_DATE.match(sentence, start)
    start = date.end() if date else start
    end_match = _CLAUSE_END.search(sentence, start)
    end = end_match.start() if end_match else len(sentence)
    closing = _CLOSING_QUOTE.search(sentence, start, end)  # '"We spoke to people …," said X': the quotation ends
    end = closing.start() if closing else end
    phrase = sentence[start:end]
    reference = parse(phrase, start)
    if reference is None and ", " in phrase:
        reference = parse(phrase.split(", ")[0], start)
    if end_match is None or sentence[end_match.start()] != ",":
        return reference
    # "said Ihor Klymenko, head of the National Police": the role follows after a comma;
    # "according to the head of the National Police, Ihor Klymenko": the name does.
    role_end = _CLAUSE_END.search(sentence, end_match.end())
    role_end = role_end.start() if role_end else len(sentence)
    role = sentence[end_match.end() : role_end]
    if reference is None or reference.speaker is not None and reference.speaker.name is None:
        wider = parse(sentence[start:role_end], start)
        return wider if wider is not None and wider.speaker and wider.speaker.name else reference
    if not role_after:
        return reference
    speaker = reference.speaker
    if reference.how == "named" and speaker and not speaker.institution and not speaker.role and _is_role(role):
        return Reference(Speaker(speaker.name, normalise_role(role)), "named", reference.start, role_end)
    return reference


def _is_role(phrase: str) -> bool:
    words = phrase.split()
    if not words or len(words) > 10 or re.search(r"[0-9]", phrase) or _NOT_ROLE.match(phrase):
        return False
    return any(word.lower() in _ROLE_HEADS for word in words) or normalise_role(phrase) != phrase.strip()


def _subject(sentence: str, verb_start: int) -> Reference | None:
    before = sentence[:verb_start]
    reference = _before_verb(before)
    if reference is None:
        # "Миссия ООН в докладе, опубликованном во вторник, сообщила": the speaker stands before "in a report"
        report = _IN_REPORT.search(before)
        if report is not None:
            reference = _before_verb(before[: report.start()])
    return reference


def speaker_before(before: str) -> Reference | None:
    """Return the speaker that ends ``before``, the words before a verb (``_subject`` without the verb's sentence)."""
    return _before_verb(before)


def _before_verb(before: str) -> Reference | None:
    """Return the speaker that ends ``before``, the sentence up to its reporting verb; a short remark in brackets
    is passed over ("Наталія (ім'я змінено) розповіла", "Петро (имя изменено), утверждает")."""
    before = _BRACKETED.sub(lambda remark: " " * len(remark.group()), before)
    when = _WHEN_BEFORE_VERB.search(before)
    before = before[: when.start()] if when else before
    stripped = before.rstrip()
    if stripped.endswith(","):
        # "The head of the National Police, Ihor Klymenko, said": an appositive subject.
        segments = stripped[:-1].split(", ")
        while len(segments) > 1 and _RELATIVE_CLAUSE.match(segments[-1]):
            segments.pop()  # "Виктор Павленко, который стоит рядом, уточняет": the clause is about him
        end = len(", ".join(segments))
        for count in range(min(3, len(segments)), 0, -1):
            phrase = ", ".join(segments[-count:])
            if _SUBORDINATE.search(phrase) and count > 1:
                continue
            reference = parse(phrase, end - len(phrase))
            if reference:
                return reference
        return None
    cut = max(before.rfind(", "), before.rfind("; "), before.rfind(": "), before.rfind(" — "), before.rfind(" – "),
              *(before.rfind(mark + " ") for mark in _QUOTE_ENDS))  # '… twice," he told reporters'
    start = cut + 2 if cut >= 0 else 0
    if before[start : start + 1] == " ":
        start += 1
    clause_words = list(_SUBORDINATE.finditer(before, start))
    if clause_words:
        start = clause_words[-1].end()
    along = _ALONG_WITH.search(before, start)  # "Прокуроры совместно со следователями полиции": the prosecutors
    date = _LEADING_DATE.match(before, start) or _AS_OF.match(before, start)  # "13 октября полиция … сообщила"
    if date is not None and date.end() < len(before):
        start = date.end()
    end = along.start() if along else len(before)
    trailing = _TRAILING_DATE.search(before, start, end)
    return parse(before[start : trailing.start() if trailing else end], start)
