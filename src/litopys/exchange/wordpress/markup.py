"""Small pieces of Markdown writing: escaping text, emphasis, links, clean lines and paragraphs."""

import re

import lxml.html

#: Markers used while a paragraph is assembled (private-use code points, removed from the input first).
BR = "\ue000"
PARA = "\ue001"
IMAGE = re.compile("\ue002(\\d+)\ue003")
IMAGE_SPLIT = re.compile("(\ue002\\d+\ue003)")
PRIVATE = re.compile("[\ue000-\ue003]")
HARD_BREAK = "  \n"

SPACE = re.compile(r"[ \t\n\r\f\v]+")
BLANK_LINE = re.compile(r"[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)+[ \t\r\f\v]*")
SEPARATORS = re.compile(f"([{BR}{PARA}]|\ue002\\d+\ue003)")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
SPECIAL = re.compile(r"([\\`*_\[\]])")
# What would make a line start a heading, quote, list or setext underline rather than continue text.
LINE_START = re.compile(r"^(#|>|[-+](?=\s|$)|\d+(?=[.)](?:\s|$))|=+\s*$|-+\s*$)")


def image_marker(index: int) -> str:
    return f"\ue002{index}\ue003"


def escape(text: str) -> str:
    """Escape text so Markdown and Litopys directives show it literally."""
    text = SPECIAL.sub(r"\\\1", text)
    text = ENTITY_LIKE.sub("&amp;", text)
    text = TAG_LIKE.sub("&lt;", text)
    return text.replace("{{", "{\\{")


def escape_line_start(line: str) -> str:
    """Escape a line's first character when Markdown would read it as block syntax."""
    match = LINE_START.match(line)
    if not match:
        return line
    if match.group(0)[0].isdigit():
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def collapse(text: str, classic: bool) -> str:
    """Collapse HTML whitespace; in classic content a blank line ends a paragraph and a newline breaks a line."""
    if classic:
        text = BLANK_LINE.sub(PARA, text).replace("\n", BR)
    return SPACE.sub(" ", text)


def wrap(inner: str, opening: str, closing: str | None = None) -> str:
    """Wrap each run of text between breaks in markers, keeping its outer spaces outside."""
    closing = opening if closing is None else closing
    pieces = []
    for piece in SEPARATORS.split(inner):
        if not piece or SEPARATORS.fullmatch(piece):
            pieces.append(piece)
            continue
        core = piece.strip(" ")
        if not core:
            pieces.append(piece)
            continue
        lead = piece[: len(piece) - len(piece.lstrip(" "))]
        trail = piece[len(piece.rstrip(" ")):]
        pieces.append(f"{lead}{opening}{core}{closing}{trail}")
    return "".join(pieces)


def link(inner: str, url: str) -> str:
    """Return a Markdown link around inner text (line breaks inside become spaces)."""
    inner = inner.replace(BR, " ").replace(PARA, " ")
    core = inner.strip(" ")
    if not core:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip(" "))]
    trail = inner[len(inner.rstrip(" ")):]
    return f"{lead}[{core}]({url_for_markdown(url)}){trail}"


URL_QUOTED = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"})


def url_for_markdown(url: str) -> str:
    return url.strip().translate(URL_QUOTED)


def code_span(text: str) -> str:
    text = SPACE.sub(" ", text).strip()
    if not text:
        return ""
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def clean_lines(text: str) -> list[str]:
    """Split paragraph text at line breaks into stripped lines; "" marks a blank line between paragraphs."""
    lines = [SPACE.sub(" ", line).strip(" \xa0") for line in text.replace(PARA, BR + BR).split(BR)]
    result: list[str] = []
    for line in lines:
        if line or (result and result[-1]):
            result.append(line)
    while result and not result[-1]:
        result.pop()
    return result


def paragraphs_of(text: str) -> list[str]:
    """Return the Markdown paragraphs of assembled inline text (without image markers)."""
    result, current = [], []
    for line in clean_lines(text) + [""]:
        if line:
            current.append(escape_line_start(line))
        elif current:
            result.append(HARD_BREAK.join(current))
            current = []
    return result


def one_line(text: str) -> str:
    """Return inline text on one line (for headings, table cells, captions, footnotes)."""
    return " ".join(line for line in clean_lines(text) if line)


def plain_text(html: str) -> str:
    """Return the text of an HTML fragment on one line (an excerpt becomes a lead)."""
    if not (html or "").strip():
        return ""
    return SPACE.sub(" ", lxml.html.fragment_fromstring(html, create_parent="div").text_content()).strip()
