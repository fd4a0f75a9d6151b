"""Organisations named by their own words: "Кримська правозахисна група", "за даними Центру громадянських свобод",
"Crimean Human Rights Group". A capitalised phrase whose head noun names an organisation (lexicon, section
``speakers: organisations``) is a body; its name is given in the nominative, the words before the head agreeing
with it ("Кримської правозахисної групи" -> "Кримська правозахисна група")."""

from __future__ import annotations

import functools
import re

from . import morphology
from .language import detect
from .lexicon.loading import alternation, wordset

_THE = re.compile(rf"^\s*(?:{alternation('definite_articles')})\s+", re.I)
_HEAD = re.compile(rf"(?:{alternation('speakers', 'organisations')})", re.I)
_PUNCTUATION = re.compile(r"[^\w\s'’ʼ-]")
_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*")
#: Parts of speech no word before an organisation's head noun is: prepositions, adverbs, conjunctions, particles.
_NOT_IN_A_NAME = frozenset({"PREP", "ADVB", "CONJ", "PRCL"})
_PREPOSITION = {"PREP"}
#: Lowercase words inside a name before its head in a language with no cases: "Centre for Civil Liberties".
_LOWER_IN_NAMES = wordset("speakers", "lower_in_names")
#: How many words an organisation's name may have.
LONGEST = 8


@functools.lru_cache(maxsize=2048)
def organisation(phrase: str) -> str | None:
    """Return the nominative name of the organisation ``phrase`` names, or None."""
    phrase = _THE.sub("", phrase)
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(phrase)]
    if not 2 <= len(words) <= LONGEST or not words[0][2][:1].isupper():
        return None
    head = next((i for i, (_, _, word) in enumerate(words) if _HEAD.fullmatch(word)), None)
    if head is None:
        return None
    if head == 0 and len(words) == 2 and not words[1][2][:1].isupper():
        return None  # "Група людей": a group, no organisation
    if _PUNCTUATION.search(phrase, words[head][1]):
        return None  # "Кримська правозахисна група: у Криму затримали …": a headline, not a name
    morph = _knowing(phrase, words[head][2])
    if morph is None:  # a language with no cases (no analyser): the name as written, every word before the head
        # capitalised ("Kharkiv Human Rights Protection Group", not "She said the group")
        capitalised = all(word[:1].isupper() or word in _LOWER_IN_NAMES for _, _, word in words[:head])
        return phrase.strip() if capitalised else None
    if any(morph.parse(word.lower())[0].tag.POS in _NOT_IN_A_NAME for _, _, word in words[:head]):
        return None  # "В целом в Купянской громаде группа задокументировала": a clause, not a name
    noun = words[head][2]
    noun_parse = next((p for p in morph.parse(noun.lower()) if p.tag.POS == morphology.NOUN), None)
    if noun_parse is None:
        return None
    gender = noun_parse.tag.gender
    named = [_case_like(_agreeing(morph, word, gender), word) for _, _, word in words[:head]]
    named.append(_case_like(noun_parse.normal_form, noun))
    after = next((start for start, _, word in words[head + 1:] if _PREPOSITION & _tags(morph, word)), None)
    rest = phrase[words[head][1]:after].strip()  # "… адміністрації на запит редакції": the request is no name
    return " ".join([*named, rest]).strip() if rest else " ".join(named)


def _knowing(phrase: str, noun: str):
    """The analyser of the phrase's language, or of another language of its script whose dictionary knows the head
    noun: "Коростенском городском совете" holds no letter only Russian writes, and "совете" is no Ukrainian word."""
    detected = detect(phrase)
    morph = morphology.analyzer(detected)
    if morph is None or morph.word_is_known(noun.lower()):
        return morph
    for other in morphology.languages():
        if other != detected:
            found = morphology.analyzer(other)
            if found is not None and found.word_is_known(noun.lower()):
                return found
    return morph


def _tags(morph, word: str) -> set[str]:
    """The parts of speech ``word`` may be (the Ukrainian dictionary tags "на" a particle first, a preposition too)."""
    return {parse.tag.POS for parse in morph.parse(word.lower())}


def _agreeing(morph, word: str, gender) -> str:
    """An adjective before the head noun, in the nominative singular of the noun's gender; other words as they are."""
    for parse in morph.parse(word.lower()):
        if parse.tag.POS == morphology.ADJECTIVE:
            wanted = {morphology.NOMINATIVE, gender} if gender else {morphology.NOMINATIVE}
            singular = {morphology.SINGULAR} & parse.tag.grammemes  # the Ukrainian dictionary marks no singular
            inflected = parse.inflect(wanted | singular)
            return inflected.word if inflected else word
    return word


def _case_like(word: str, model: str) -> str:
    """Write ``word`` with the capitals of ``model`` ("кримська" like "Кримської" -> "Кримська")."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word
