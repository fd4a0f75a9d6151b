"""Word forms and lemmas from a morphological analyser, for the languages whose lexicon file names one.

A language's file says which analyser reads it (section ``morphology``: ``analyzer: pymorphy3`` and its
``dictionary``, e.g. ``uk`` or ``ru``, offline dictionaries from the ``pymorphy3-dicts-*`` packages). The rules use it
two ways, both cached:

- when the rules are built, a number word or a lemma of the lexicon gives every form of its word ("триста" gives
  "трьомстам", "трьохсот"; "будинок" gives "будинків", "будинками"), compiled into the same patterns as the
  written forms, so that reading a text costs nothing more;
- while reading, a place name the gazetteer does not know is put back in the nominative ("у селі Ягідному" is
  "Ягідне"), once per written form (``functools.lru_cache``).

A language with no ``morphology`` section (English) is read by its written forms alone.
"""

from __future__ import annotations

import functools

from litopys.names.translit import fold

from .lexicon.loading import written

#: Grammemes of the analyser (OpenCorpora's tag set, which both dictionaries use).
NUMERAL = "NUMR"
NOUN = "NOUN"
ADJECTIVE = "ADJF"
NOMINATIVE = "nomn"
SINGULAR = "sing"
PLURAL = "plur"
PLURAL_ONLY = "Pltm"
TOPONYM = "Geox"
#: Names of people: a place name is none of them ("Гуті" is Гута, not the surname Гут).
PERSONAL = frozenset({"Surn", "Name", "Patr"})
#: How many written forms' analyses are remembered while reading.
CACHE_SIZE = 65536


@functools.cache
def settings() -> dict[str, dict]:
    """Return each language's ``morphology`` section, by language code."""
    found = {code: lexicon.get("morphology") for code, lexicon in written().items()}
    return {code: value for code, value in found.items() if isinstance(value, dict)}


@functools.cache
def analyzer(language: str):
    """Return the analyser of a language, loaded once, or None when its lexicon names none."""
    found = settings().get(language)
    if not found:
        return None
    try:
        import pymorphy3
    except ImportError:
        raise ValueError(f"lexicon {language}.yaml needs pymorphy3: run make install") from None
    if found.get("analyzer") != pymorphy3.__name__:
        raise ValueError(f"lexicon {language}.yaml: morphology analyzer {found.get('analyzer')!r} is unknown; "
                         "use pymorphy3")
    return pymorphy3.MorphAnalyzer(lang=found.get("dictionary", language))


def languages() -> tuple[str, ...]:
    """Return the codes of the languages read with an analyser."""
    return tuple(settings())


def _spellings(word: str) -> list[str]:
    """Return a form as texts write it: with and without the letter yo ("трём", "трем")."""
    plain = fold(word)
    return [word, plain] if plain != word else [word]


@functools.lru_cache(maxsize=4096)
def forms(lemma: str, language: str, grammeme: str | None = None, number: str | None = None) -> tuple[str, ...]:
    """Return every form of the word ``lemma`` (lower case) that the analyser reads first as that word.

    ``grammeme`` keeps only parses of that part of speech (``NUMERAL``); ``number`` (``SINGULAR``) only the forms
    of that number that are no form of another number of the word ("школу", not "школи", also a plural). A form the
    analyser reads first as another word ("сьома", seventh, among the forms of "сім"; "семью", a family, among
    those of "семь") is left out, so that generating forms never makes a common word a number.
    """
    morph = analyzer(language)
    if morph is None:
        return (lemma,)
    found: dict[str, None] = {} if number else {lemma: None}
    other: set[str] = set()
    for parse in morph.parse(lemma):
        if parse.normal_form != lemma or (grammeme and grammeme not in parse.tag.grammemes):
            continue
        for form in parse.lexeme:
            if number and not _of_number(form.tag, number):
                other.add(form.word)
                continue
            first = morph.parse(form.word)[0]
            if first.normal_form == lemma and (grammeme is None or grammeme in first.tag.grammemes):
                found.update(dict.fromkeys(_spellings(form.word)))
    return tuple(form for form in found if form not in other) or (lemma,)


def _of_number(tag, number: str) -> bool:
    """Say whether a form is of a grammatical number (the Ukrainian dictionary marks no singular: no plural is one)."""
    if number == SINGULAR:
        return PLURAL not in tag.grammemes
    return number in tag.grammemes


@functools.lru_cache(maxsize=CACHE_SIZE)
def nominative(word: str, language: str, gender: str | None = None) -> str | None:
    """Return a place name's word in the nominative ("Ягідному" -> "ягідне" with a neuter ``gender``), lower case,
    or None when the analyser does not know it.

    A noun gives its lemma ("Андріївці" -> "андріївка"; "Циркунах" -> "циркуни", a plural-only name); an adjective
    agrees with the noun it names a place of ("село Ягідне": neuter), else stays masculine.
    """
    morph = analyzer(language)
    if morph is None:
        return None
    parses = [p for p in morph.parse(word.lower()) if p.score > 0]
    if not parses:
        return None
    parses = [p for p in parses if not PERSONAL & p.tag.grammemes] or parses  # "Гуті" is no surname Гут
    places = [p for p in parses if TOPONYM in p.tag.grammemes] or parses
    if any(NOMINATIVE in p.tag.grammemes and (SINGULAR in p.tag.grammemes or PLURAL_ONLY in p.tag.grammemes)
           for p in places if p.tag.POS in (NOUN, ADJECTIVE)):
        return word.lower()  # "Гута", "Гракове": already the nominative
    nouns = [p for p in places if p.tag.POS == NOUN]
    if nouns:
        return nouns[0].normal_form
    adjectives = [p for p in places if p.tag.POS == ADJECTIVE]
    if not adjectives:
        return None
    parse = adjectives[0]
    if gender == PLURAL or PLURAL in parse.tag.grammemes and gender is None:
        inflected = parse.inflect({NOMINATIVE, PLURAL})
    elif gender in parse.tag.GENDERS:
        inflected = parse.inflect({NOMINATIVE, SINGULAR, gender})
    else:
        inflected = None  # the lemma is the masculine singular
    return inflected.word if inflected else parse.normal_form


@functools.lru_cache(maxsize=CACHE_SIZE)
def gender(word: str, language: str) -> str | None:
    """Return the gender of a noun ("селі": neuter), or ``PLURAL`` for a plural-only one, or None."""
    morph = analyzer(language)
    if morph is None:
        return None
    parses = morph.parse(word.lower())
    for parse in [p for p in parses if not PERSONAL & p.tag.grammemes] or parses:
        if parse.tag.POS == NOUN:
            return PLURAL if PLURAL_ONLY in parse.tag.grammemes else str(parse.tag.gender or "") or None
    return None
