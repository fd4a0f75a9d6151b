"""Word lists compiled for speed match exactly what the plain alternation matches."""

import re

import pytest

from litopys.extraction.kinds import _ANY_KIND_NOUN, _NOUN_KINDS
from litopys.extraction.lexicon import KIND_NOUNS, KIND_TRIGGERS
from litopys.extraction.patterns import END, LEFT, source, trie, union, words

TEXTS = [
    "killed 3, kidnapped 2 and held 5; the bodies of 26 people, 447 bodies, dead-end, overkill, killers",
    "загинули 12 людей, 3 тіла ексгумовано; катівні, «вбиті», зниклих безвісти — 7; тілами та тілах",
    "погибли 6 человек, тела 4 мирных жителей, пропавших без вести 9, пыточных камер 20, Katyn² killed¹",
    "a mass grave of 447 bodies, mass burial sites, torture chambers and 6,000 km² (square kilometres)",
]


def plain(pattern: str) -> re.Pattern:
    return re.compile(rf"{LEFT}(?:{trie(pattern)}){END}")


@pytest.mark.parametrize("pattern", [source(p) for p in KIND_TRIGGERS.values()] + [source(p) for _, p in KIND_NOUNS])
def test_words_match_what_the_plain_alternation_matches(pattern):
    for text in TEXTS:
        assert [m.span() for m in words(pattern).finditer(text)] == [m.span() for m in plain(pattern).finditer(text)]


def test_a_union_keeps_the_order_of_its_alternations():
    alternations = [source(pattern) for _, pattern in KIND_NOUNS]
    joined = re.compile("|".join(f"({LEFT}(?:{trie(a)}){END})" for a in alternations))
    merged, owners = union(alternations, capture=True)
    for text in TEXTS:
        expected = [(m.span(), m.lastindex - 1) for m in joined.finditer(text)]
        assert [(m.span(), owners[m.lastindex]) for m in merged.finditer(text)] == expected
        assert [(m.span(), _NOUN_KINDS[m.lastindex]) for m in _ANY_KIND_NOUN.finditer(text)] == [
            (span, KIND_NOUNS[index][0]) for span, index in expected
        ]


def test_an_alternative_opening_with_a_class_still_works():
    pattern, owners = union([r"[Кк]иїв|львів", r"one|two"], capture=True)
    assert [(m.group(), owners[m.lastindex]) for m in pattern.finditer("київ, two, львів, someone")] == [
        ("київ", 0), ("two", 1), ("львів", 0),
    ]
