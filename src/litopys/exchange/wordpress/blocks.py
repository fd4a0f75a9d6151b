"""Convert a WordPress post's HTML — Gutenberg blocks or the classic editor's — into Litopys Markdown.

Headings become `##`, quotes (testimonies) `>` with their attribution, images of imported
attachments `{{media <pk>}}` (the Media row carries caption, alt text and credit), other images
`![alt](url)`; embeds, videos and audio become links; hand-written footnotes become `[^n]`.
Site chrome — sharing, rating and related-post widgets, dynamic blocks, spacers, "more" tags —
is dropped. The result depends only on the input: the same HTML always gives the same Markdown.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from litopys.exchange.wordpress import markup
from litopys.exchange.wordpress.figures import FigureConversion
from litopys.exchange.wordpress.footnotes import Block, link_footnotes
from litopys.exchange.wordpress.inline import BLOCK_TAGS, HEADINGS, PARSER, PLAYERS, InlineConversion
from litopys.exchange.wordpress.shortcodes import expand_shortcodes

DELIMITER = re.compile(r"^\s*(/)?wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s*(\{.*\})?\s*(/)?\s*$", re.S)
#: Blocks that are site furniture or rendered by WordPress at display time: dropped with their HTML.
DROPPED_BLOCKS = {
    "more", "nextpage", "spacer", "footnotes", "social-links", "navigation", "search", "loginout", "latest-posts",
    "latest-comments", "archives", "categories", "tag-cloud", "calendar", "rss", "page-list", "query",
    "template-part", "post-navigation-link", "site-logo", "site-title", "site-tagline", "comments",
}
#: Blocks whose HTML this module reads; any other block is converted from its HTML with a warning.
KNOWN_BLOCKS = {
    "paragraph", "heading", "quote", "pullquote", "list", "list-item", "image", "gallery", "separator", "embed",
    "video", "audio", "file", "table", "code", "preformatted", "verse", "html", "group", "columns", "column",
    "cover", "media-text", "buttons", "button", "freeform", "shortcode", "details", "block", "missing",
}


@dataclass
class Conversion:
    markdown: str
    #: Figure captions and alt texts of WordPress attachments, by attachment id, first seen first.
    captions: dict[int, str] = field(default_factory=dict)
    alts: dict[int, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def blocks_to_markdown(html: str, media_ids: Callable[[int], int | None], **options) -> str:
    """Return the Litopys Markdown of a post's HTML; see convert for the options."""
    return convert(html, media_ids, **options).markdown


def convert(html: str, media_ids: Callable[[int], int | None] = lambda _: None, *,
            attachment_for_url: Callable[[str], int | None] | None = None,
            link_for: Callable[[str], str | None] | None = None,
            footnotes: list[dict] | None = None,
            reusable: Callable[[int], str | None] | None = None) -> Conversion:
    """Convert post HTML to Markdown, collecting figure captions and warnings.

    media_ids maps a WordPress attachment id to a Media pk (None: not imported); attachment_for_url
    finds the attachment of an image URL without an id; link_for rewrites a link (None: keep it);
    footnotes is WordPress 6.3+'s `footnotes` postmeta; reusable returns a reusable block's HTML.
    """
    converter = _Converter(media_ids, attachment_for_url, link_for, footnotes, reusable)
    blocks = converter.fragment(html)
    if converter.note_numbers:
        definitions = converter.core_definitions()
    else:
        blocks, definitions, warnings = link_footnotes(blocks)
        converter.warnings.extend(warnings)
    parts = [block.text for block in blocks if block.text]
    if definitions:
        parts.append("\n".join(definitions))
    return Conversion("\n\n".join(parts), converter.captions, converter.alts, converter.warnings)


class _Converter(InlineConversion, FigureConversion):
    def __init__(self, media_ids, attachment_for_url, link_for, footnotes, reusable):
        self.media_ids, self.attachment_for_url, self.link_for = media_ids, attachment_for_url, link_for
        self.notes = {str(note.get("id")): note.get("content", "")
                      for note in footnotes or [] if isinstance(note, dict)}
        self.note_numbers: dict[str, int] = {}
        self.reusable, self.reused = reusable, []
        self.stack: list[tuple[str, dict]] = []
        self.images: list[list[Block]] = []
        self.captions: dict[int, str] = {}
        self.alts: dict[int, str] = {}
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # Containers: a sequence of blocks, with loose inline content gathered into paragraphs.

    def fragment(self, html: str) -> list[Block]:
        html = expand_shortcodes(markup.PRIVATE.sub("", html or ""), self.warnings)
        if not html.strip():
            return []
        return self.container(lxml.html.fragment_fromstring(html, create_parent="div", parser=PARSER))

    def container(self, el) -> list[Block]:
        blocks, run, skipping = [], [self.text(el.text, True)], None

        def flush():
            blocks.extend(self.paragraphs("".join(run)))
            run.clear()

        for child in el:
            if child.tag is etree.Comment:
                closing, name, attrs, void = self.delimiter(child.text)
                if skipping:
                    skipping = None if (closing and name == skipping) else skipping
                    continue
                if name is not None:
                    skipping = self.open_or_close(name.removeprefix("core/"), attrs, closing, void, flush, blocks)
            elif skipping:
                continue
            elif not isinstance(child.tag, str) or self.is_chrome(child):
                pass
            elif child.tag in BLOCK_TAGS:
                flush()
                blocks.extend(self.block(child))
            else:
                run.append(self.inline(child, True))
            run.append(self.text(child.tail, True))
        if skipping:
            self.warn(f"block wp:{skipping} is not closed; what followed it in its container was left out")
        flush()
        return blocks

    def open_or_close(self, name: str, attrs: dict, closing: bool, void: bool, flush, blocks) -> str | None:
        """Track a block delimiter; return the name of a dropped block whose content is to be skipped."""
        if closing:
            if any(open_name == name for open_name, _ in self.stack):
                while self.stack.pop()[0] != name:
                    pass
        elif name == "block" and void:
            flush()
            blocks.extend(self.reusable_block(attrs))
        elif name in DROPPED_BLOCKS:
            return None if void else name
        elif void:
            self.warn(f"dynamic block wp:{name} left out (WordPress renders it; it holds no content)")
        else:
            if name not in KNOWN_BLOCKS and not name.startswith("core-embed/"):
                self.warn(f"unknown block wp:{name} converted from its HTML")
            self.stack.append((name, attrs))
        return None

    @staticmethod
    def delimiter(text: str):
        match = DELIMITER.match(text or "")
        if not match:
            return False, None, {}, False
        try:
            attrs = json.loads(match.group(3)) if match.group(3) else {}
        except ValueError:
            attrs = {}
        return bool(match.group(1)), match.group(2), attrs if isinstance(attrs, dict) else {}, bool(match.group(4))

    def current(self) -> tuple[str, dict]:
        return self.stack[-1] if self.stack else ("", {})

    def reusable_block(self, attrs: dict) -> list[Block]:
        ref = attrs.get("ref")
        html = self.reusable(ref) if self.reusable and isinstance(ref, int) and ref not in self.reused else None
        if html is None:
            self.warn(f"reusable block {ref} is not in the export; left out")
            return []
        self.reused.append(ref)
        try:
            return self.fragment(html)
        finally:
            self.reused.pop()

    def paragraphs(self, text: str) -> list[Block]:
        blocks = []
        for i, part in enumerate(markup.IMAGE.split(text)):
            if i % 2:
                blocks.extend(self.images[int(part)])
            else:
                blocks.extend(Block("p", paragraph) for paragraph in markup.paragraphs_of(part))
        return blocks

    # Block elements.

    def block(self, el) -> list[Block]:
        tag = el.tag
        if tag in HEADINGS:
            text = markup.one_line(self.resolve(self.inline_children(el, False)))
            if text.endswith("#"):
                text = text[:-1] + "\\#"
            return [Block("h", "#" * max(2, int(tag[1])) + " " + text)] if text else []
        if tag == "p":
            return self.paragraphs(self.inline_children(el, False))
        if tag == "blockquote":
            return self.quote(el)
        if tag in ("ul", "ol"):
            if self.is_gallery_list(el):
                return [block for li in el if isinstance(li.tag, str) for block in self.container(li)]
            text = self.bullet_list(el)
            return [Block("list", text)] if text else []
        if tag == "dl":
            return self.definitions(el)
        if tag == "figure":
            return self.figure(el)
        if tag == "figcaption":
            return self.caption_blocks(self.plain(el))
        if tag == "table":
            return self.table(el)
        if tag == "pre":
            return self.pre(el)
        if tag == "hr":
            return [Block("hr", "---")]
        if tag in PLAYERS:
            return self.player(el)
        if tag == "details":
            summary = el.find("summary")
            head = []
            if summary is not None:
                head = [Block("p", markup.wrap(markup.one_line(self.inline_children(summary, False)), "**"))]
                summary.drop_tree()
            return head + self.container(el)
        return self.container(el)

    def quote(self, el) -> list[Block]:
        attribution = []
        for cite in [child for child in el if child.tag in ("cite", "footer")]:
            attribution.append(markup.one_line(self.resolve(self.inline_children(cite, False))))
            cite.drop_tree()
        inner = self.container(el)
        said = " ".join(part for part in attribution if part)
        if said:
            inner.append(Block("p", "— " + said))
        text = "\n\n".join(block.text for block in inner if block.text)
        return [Block("quote", "\n".join(f"> {line}" if line else ">" for line in text.split("\n")))] if text else []

    def bullet_list(self, el) -> str:
        ordered = el.tag == "ol"
        number = int(el.get("start")) if (el.get("start") or "").isdigit() else 1
        items = []
        for li in el:
            if not isinstance(li.tag, str) or li.tag != "li":
                continue
            nested = [child for child in li if child.tag in ("ul", "ol")]
            for child in nested:
                child.drop_tree()
            lines = [markup.escape_line_start(line) for line in
                     markup.clean_lines(self.resolve(self.inline_children(li, False))) if line]
            sublists = [text for text in (self.bullet_list(child) for child in nested) if text]
            if not lines and not sublists:
                continue
            item = f"{number}. " if ordered else "- "
            item += (markup.HARD_BREAK + "    ").join(lines)
            for text in sublists:
                item += "\n" + "\n".join("    " + line if line else "" for line in text.split("\n"))
            items.append(item)
            number += 1
        return "\n".join(items)

    def is_gallery_list(self, el) -> bool:
        items = [li for li in el if isinstance(li.tag, str)]
        return "gallery" in (el.get("class") or "") or bool(items) and all(
            li.find(".//img") is not None and not self.plain(li, skip=("figcaption",)) for li in items)

    def definitions(self, el) -> list[Block]:
        blocks = []
        for child in el:
            if child.tag in ("dt", "dd"):
                text = markup.one_line(self.resolve(self.inline_children(child, False)))
                if text:
                    blocks.append(Block("p", markup.wrap(text, "**") if child.tag == "dt" else text))
        return blocks

    def table(self, el) -> list[Block]:
        rows = []
        for tr in el.iter("tr"):
            cells = [self.resolve(self.inline_children(cell, False), breaks="<br>").replace("|", "\\|")
                     for cell in tr if cell.tag in ("td", "th")]
            if cells:
                rows.append(cells)
        if not rows:
            return []
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        lines.insert(1, "|" + " --- |" * width)
        return [Block("table", "\n".join(lines))]

    def pre(self, el) -> list[Block]:
        if "wp-block-verse" in (el.get("class") or ""):
            return self.paragraphs(self.inline_children(el, True))
        lines = el.text_content().replace("\r\n", "\n").expandtabs(4).split("\n")
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        return [Block("code", "\n".join("    " + line if line.strip() else "" for line in lines))] if lines else []
