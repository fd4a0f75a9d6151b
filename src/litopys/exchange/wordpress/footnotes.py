"""Recognise hand-written footnotes ("Bykivnia¹" … "¹Bykivnia — …") and turn them into Markdown footnotes.

WordPress before 6.3 had no footnotes: authors typed superscript digits (or <sup>1</sup>) after a
word and listed the notes at the end of the post. They are linked only when the match is certain:
the notes are the last paragraphs, numbered 1…n in order, and each number appears exactly once in
the text before them, attached to a word (never to a digit, as in 10², nor to a unit, as in km²).
Otherwise the text is left as it was and a warning says why.
"""

import re
from collections import Counter
from dataclasses import dataclass

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
MARK = r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|<sup>\s*\d+\s*</sup>)"
NOTE_LINE = re.compile(rf"^({MARK})\s*(\S.*)$")
TEXT_MARK = re.compile(rf"(?<=[^\s\d])(?<!\bm)(?<!\b[kcmd]m)(?<!\bft)({MARK})")
HARD_BREAK = "  \n"
#: Headings that may stand above the notes ("Notes", "Примітки"); they go with the notes.
NOTES_HEADINGS = {"notes", "footnotes", "references", "sources", "примітки", "виноски", "джерела", "примечания",
                  "сноски", "источники"}
#: Blocks whose text may hold footnote markers.
TEXT_KINDS = {"p", "h", "quote", "list", "table"}


@dataclass
class Block:
    """One top-level piece of the Markdown body: a paragraph, heading, quote, list, image…"""

    kind: str
    text: str


def number(mark: str) -> int:
    digits = re.sub(r"\D", "", mark.translate(SUPERSCRIPTS))
    return int(digits)


def link_footnotes(blocks: list[Block]) -> tuple[list[Block], list[str], list[str]]:
    """Return (blocks with [^n] markers, footnote definitions, warnings) — or the blocks unchanged."""
    start = len(blocks)
    while start > 0 and blocks[start - 1].kind == "p" and all(
            NOTE_LINE.match(line) for line in blocks[start - 1].text.split(HARD_BREAK)):
        start -= 1
    if start == len(blocks) or start == 0:
        return blocks, [], []
    notes = [NOTE_LINE.match(line).groups() for block in blocks[start:] for line in block.text.split(HARD_BREAK)]
    numbers = [number(mark) for mark, _ in notes]
    if numbers != list(range(1, len(numbers) + 1)):
        return blocks, [], [f"footnotes left as text: the notes at the end are numbered {numbers}, not 1 to "
                            f"{len(numbers)}"]
    body = list(blocks[:start])
    if body and body[-1].kind == "h" and body[-1].text.lstrip("# ").strip().rstrip(":").lower() in NOTES_HEADINGS:
        body.pop()
    if body and body[-1].kind == "hr":
        body.pop()
    found = Counter(number(m.group(1)) for block in body if block.kind in TEXT_KINDS
                    for m in TEXT_MARK.finditer(block.text))
    problems = [n for n in numbers if found[n] != 1] + sorted(n for n in found if n not in numbers)
    if problems:
        detail = ", ".join(f"{n} appears {found[n]} times" for n in problems)
        return blocks, [], [f"footnotes left as text: markers do not match the notes one to one ({detail})"]
    linked = [Block(b.kind, TEXT_MARK.sub(lambda m: f"[^{number(m.group(1))}]", b.text))
              if b.kind in TEXT_KINDS else b for b in body]
    return linked, [f"[^{number(mark)}]: {text.strip()}" for mark, text in notes], []
