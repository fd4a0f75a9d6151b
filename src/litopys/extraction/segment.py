"""Split text into paragraphs, sentences and clauses, keeping offsets into the original string."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .lexicon.loading import letters, wordset


class Sentence(NamedTuple):
    """A sentence of a paragraph, with its offsets in the document (a named tuple: cheap to make, immutable)."""

    start: int
    end: int
    text: str


@dataclass
class Paragraph:
    start: int
    end: int
    #: The whole document: a paragraph's text is sliced from it when needed, not kept twice.
    source: str = field(repr=False)
    #: A short line without closing punctuation: a headline, section title or caption.
    heading: bool = False
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.source[self.start : self.end]


_LINE = re.compile(r"[^\r\n]+")
_CLOSING = ".!?…:;»\"”’)"
_CLOSING_ENDS = tuple(_CLOSING)
_UPPER_START = re.compile(rf"[\"«“„'(\[—–-]?\s*[{letters('upper')}0-9]")
_BOUNDARY = re.compile(r"[.!?…]+[\"»”’)\]]*\s+")
_LAST_TOKEN = re.compile(r"([\w.-]+)$")
#: Longer "sentences" (tables, dumps, text without punctuation) are cut at spaces so no step sees more at once.
MAX_SENTENCE = 2000
#: Words that end with a full stop without ending a sentence ("Mr. Klymenko", "м. Ізюм", "ул. Ленина").
ABBREVIATIONS = wordset("abbreviations")


def paragraphs(text: str) -> list[Paragraph]:
    """Return the paragraphs of ``text``: blocks between blank lines, lines that are headings, wrapped lines joined."""
    result: list[Paragraph] = []
    block: list[re.Match] = []
    previous_end = 0

    def flush() -> None:
        if block:
            start, end = block[0].start(), block[-1].end()
            heading = len(block) == 1 and _looks_like_heading(block[0].group(0))
            result.append(Paragraph(start, end, text, heading))
            block.clear()

    for line in _LINE.finditer(text):
        content = line.group(0)
        if not content.strip():
            flush()
            previous_end = line.end()
            continue
        blank_between = text.count("\n", previous_end, line.start()) > 1
        if block and (blank_between or not _continues(block[-1].group(0), content)):
            flush()
        block.append(line)
        previous_end = line.end()
    flush()
    return result


def _looks_like_heading(line: str) -> bool:
    if len(line) > 1_000:
        return False  # a paragraph's long line: never a heading, and not worth copying to strip
    stripped = line.strip()
    return len(stripped) <= 160 and not stripped.endswith(_CLOSING_ENDS)


def _continues(previous: str, line: str) -> bool:
    """Say whether ``line`` continues the sentence of ``previous`` (hard-wrapped text)."""
    previous, line = previous.rstrip(), line.lstrip()
    if not previous or previous.endswith(_CLOSING_ENDS):
        return False
    return line[:1].islower() or previous.endswith((",", "-", "—", "–"))


def sentences(paragraph: Paragraph) -> list[Sentence]:
    """Split ``paragraph`` into sentences (cached on the paragraph)."""
    if paragraph.sentences:
        return paragraph.sentences
    text, base = paragraph.text, paragraph.start
    cuts = [0]
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end >= len(text) or not _UPPER_START.match(text, end) or _abbreviation_before(text, match.start()):
            continue
        cuts.append(end)
    cuts.append(len(text))
    found = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        while end - start > MAX_SENTENCE:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            cut = cut if cut > start else start + MAX_SENTENCE
            found.append(Sentence(base + start, base + cut, text[start:cut]))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            found.append(Sentence(base + start, base + end, text[start:end]))
    paragraph.sentences = found
    return found


def _abbreviation_before(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = _LAST_TOKEN.search(text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isupper():
        return True  # an initial: "I. Klymenko"
    return token.lower() in ABBREVIATIONS


_CLAUSE_BREAK = re.compile(r",\s|;\s*|:\s|\s[—–]\s|\s-\s|\(|\)")


@functools.lru_cache(maxsize=64)
def clauses(sentence: str) -> list[tuple[int, int]]:
    """Split ``sentence`` into clauses at ", " ";" ": " and dashes (not at the comma of "1,000")."""
    bounds, start = [], 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(sentence)))
    return bounds


def clause_of(bounds: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= position <= end:
            return start, end
    return 0, bounds[-1][1] if bounds else position
