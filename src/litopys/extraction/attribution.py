"""Find who a sentence attributes its content to: "X said", "according to X", "за словами X", "Об этом сообщил X".

A sentence gives at most one reference: the speaker named in full, by pronoun or by surname, or a
body named generically ("the council"). The engine resolves pronouns and surnames against speakers
named earlier and carries the speaker over the following sentences of the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import lowered
from .names import ROLE_WORDS, find_name
from .patterns import trie, union
from .speakers import Reference, Speaker, normalise_role, parse

_V = r"(?<![\w'’ʼ])(?:{})(?![\w'’ʼ])"
#: The alternation each pattern below was made from, to merge them into one (``_ANY``).
_SOURCES: dict[re.Pattern, str] = {}


def _verbs(pattern: str) -> re.Pattern:
    """Compile whole-word phrases, in any case."""
    compiled = re.compile(_V.format(trie(pattern)), re.I)
    _SOURCES[compiled] = pattern
    return compiled


#: The speaker follows: "according to X", "за словами X", "по данным X".
PREFIX = _verbs(
    r"according to|citing|quoted by|за словами|за даними|за інформацією|за повідомленням|за підрахунками"
    r"|за оцінками|як повідомил[аио]?|як повідомляє|як заявил[аио]?|як зазначил[аио]?|з посиланням на"
    r"|по словам|по данным|по информации|по сообщению|по подсчетам|по оценкам|как сообщил[аио]?|как сообщает"
    r"|как заявил[аио]?|как отметил[аио]?|со ссылкой на"
)
#: "За його словами", "по его данным", "according to him": the speaker named before.
PRONOUN_PREFIX = _verbs(
    r"according to (?:him|her)|за (?:його|її|їхніми|їх) (?:словами|даними|інформацією|оцінками)"
    r"|по (?:его|ее|её|их) (?:словам|данным|информации|оценкам)"
)
#: The speaker follows and also vouches for what came before: "Про це повідомив X", "Об этом сообщили в X".
BACKWARD = _verbs(
    r"про це (?:[\w-]+ ){0,3}?(?:повідоми\w+|заяви\w+|сказа\w+|розпові\w+|йдеться в|пише|інформу\w+)"
    r"|об этом (?:[\w-]+ ){0,3}?(?:сообщи\w+|заяви\w+|сказа\w+|рассказа\w+|говорится в|пишет|информиру\w+)"
    r"|такие данные (?:привел\w*|предоставил\w*|обнародовал\w*|приводит|приводят)"
    r"|такі дані (?:навела|навів|навели|наводить|оприлюднил\w*|оприлюднив|надал\w*|надав)"
    r"|the figures? (?:was|were) (?:given|released|published) by"
    r"|this was (?:reported|announced|stated|said|confirmed) by|as reported by"
)
#: The speaker is the subject (before) or, inverted, the object (after): "X said", "said X", "повідомив X".
VERB = _verbs(
    r"said|says|say|stated|states|reported|reports|told|tells|announced|announces|noted|notes|added|adds"
    r"|explained|wrote|writes|confirmed|confirms|claimed|claims|estimated|estimates|informed|declared"
    r"|emphasi[sz]ed|stressed|specified|clarified|posted|warned|revealed|provided estimates|gave estimates"
    r"|has recorded|have recorded|recorded|has documented|documented|has verified|verified|зафіксува(?:в|ла|ли)"
    r"|задокументува(?:в|ла|ли)|зафиксирова(?:л|ла|ли)|задокументирова(?:л|ла|ли)|reminded|recalled"
    r"|нагада(?:в|ла|ли)|напомни(?:л|ла|ли)|recalls|recounts|розповідає|розповідають|пригадує|згадує|рассказывает"
    r"|рассказывают|вспоминает"
    r"|повідоми(?:в|ла|ли)|повідомляє|повідомляють|заяви(?:в|ла|ли)|заявляє|сказа(?:в|ла|ли)|зазначи(?:в|ла|ли)"
    r"|розпові(?:в|ла|ли)|наголоси(?:в|ла|ли)|дода(?:в|ла|ли)|підкресли(?:в|ла|ли)|уточни(?:в|ла|ли)"
    r"|поінформува(?:в|ла|ли)|написа(?:в|ла|ли)|вважає|оцінює|підтверди(?:в|ла|ли)|інформує"
    r"|сообщи(?:л|ла|ли)|сообщает|сообщают|заяви(?:л|ла|ли)|заявляет|сказа(?:л|ла|ли)|рассказа(?:л|ла|ли)"
    r"|отмети(?:л|ла|ли)|подчеркну(?:л|ла|ли)|добави(?:л|ла|ли)|уточни(?:л|ла|ли)|написа(?:л|ла|ли)|считает"
    r"|подтверди(?:л|ла|ли)|информирует|проинформирова(?:л|ла|ли)"
)
_CLAUSE_END = re.compile(r",\s|;|:\s|\.\s|\.$|\s[—–]\s|\s(?:that|що|что|which|які|яка|який|которые|которая)\s", re.I)
_SUBORDINATE = re.compile(
    r"(?:^|[\s,;:])(?:and|but|while|that|as|so|і|й|та|а|але|що|проте|и|но|что|как)\s+(?=[^\s])", re.I
)
_ALONG_WITH = re.compile(
    r"\s(?:together with|jointly with|along with|with the help of|разом (?:з|із|зі)|спільно (?:з|із|зі)"
    r"|совместно со?|вместе со?|при участии)\s", re.I
)
_NOT_ROLE = re.compile(
    r"\s*(?:who|which|whose|where|and|but|що|який|яка|які|де|і|а|але|который|которая|которые|где|и|но)\b", re.I
)
_ROLE_HEADS = ROLE_WORDS - {"the", "of", "for", "un", "ukraine", "ukraine's", "ukrainian", "україни", "украины"}
_TRAILING = re.compile(
    r"\s*(?:in a statement|in a press release|on \w+|у (?:телеграмі|заяві)|в (?:телеграме|заявлении))?[.!]?\s*$", re.I
)
_RELATIVE = re.compile(r"^\s*(?:which|whom|it|them|this|these|preliminary|official|initial|data|information)\b", re.I)


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
    r"^\s*(?:(?:joint\s+)?statement|press release|communiqu[eé]|заява|повідомлення|звернення|заявление|сообщение"
    r"|обращение)\s+(?:of|by|from)?\s*",
    re.I,
)


def headline_speaker(headline: str) -> Reference | None:
    """Return who speaks in a whole document, when its first line says: "Statement of the Office of ...",
    or just names a body ("Офіс Генерального прокурора"), or it is signed ("Олег Синєгубов, голова ОВА")."""
    match = _HEADLINE.match(headline)
    start = match.end() if match else 0
    end = _CLAUSE_END.search(headline, start) if match else None
    reference = parse(headline[start : end.start() if end else len(headline)], start)
    if reference is None or reference.how != "named" or reference.speaker is None or not reference.speaker.name:
        return None
    if match or reference.speaker.institution:
        return reference
    # A signature names a person by a known first name ("Олег Синєгубов, голова ОВА"); a title's first
    # capitalised words ("What Izium and Balakliia revealed") are no one.
    whole = reference.end - reference.start >= len(headline.strip()) - 1
    return reference if whole and find_name(headline, anchored=True) is not None else None


def colon_speaker(heading: str) -> Reference | None:
    """Return who a heading attributes its words to: "Клименко: ...", "Lubinets: over 400 children ..."."""
    head, colon, _ = heading.partition(":")
    if not colon or len(head.split()) > 10:
        return None
    reference = parse(head)
    named = reference is not None and reference.how == "named" and reference.speaker and reference.speaker.name
    return reference if named and not reference.speaker.institution or named and len(head.split()) > 1 else None


_DASH_TAIL = re.compile(r"[,]?\s+[–—-]\s+([^–—:]{2,80}?)\s*$")


def dash_speaker(heading: str) -> Reference | None:
    """Return who a heading names after a closing dash: "… троє дітей, – ОВА", "… 146 тіл — поліція"."""
    match = _DASH_TAIL.search(heading)
    if not match:
        return None
    reference = parse(match.group(1), match.start(1))
    return reference if reference is not None and reference.how in ("named", "generic") else None


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
    end_match = _CLAUSE_END.search(sentence, start)
    end = end_match.start() if end_match else len(sentence)
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
    stripped = before.rstrip()
    if stripped.endswith(","):
        # "The head of the National Police, Ihor Klymenko, said": an appositive subject.
        segments = stripped[:-1].split(", ")
        for count in range(min(3, len(segments)), 0, -1):
            phrase = ", ".join(segments[-count:])
            if _SUBORDINATE.search(phrase) and count > 1:
                continue
            reference = parse(phrase, len(stripped) - 1 - len(phrase))
            if reference:
                return reference
        return None
    cut = max(before.rfind(", "), before.rfind("; "), before.rfind(": "), before.rfind(" — "), before.rfind(" – "))
    start = cut + 2 if cut >= 0 else 0
    if before[start : start + 1] == " ":
        start += 1
    clause_words = list(_SUBORDINATE.finditer(before, start))
    if clause_words:
        start = clause_words[-1].end()
    along = _ALONG_WITH.search(before, start)  # "Прокуроры совместно со следователями полиции": the prosecutors
    return parse(before[start : along.start() if along else len(before)], start)
