"""Inline HTML (text, links, emphasis, line breaks, footnote references) as Markdown text.

Inline text is assembled with private markers for line breaks, paragraph breaks and kept blocks
(an image inside a paragraph); `blocks` turns it into paragraphs.
"""

import re

import lxml.html

from litopys.exchange.wordpress import markup
from litopys.exchange.wordpress.footnotes import Block

PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=False, remove_pis=True, default_doctype=False)
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PLAYERS = {"iframe", "video", "audio"}
BLOCK_TAGS = HEADINGS | PLAYERS | {
    "p", "div", "section", "article", "main", "aside", "header", "footer", "blockquote", "ul", "ol", "dl",
    "figure", "figcaption", "table", "pre", "hr", "details", "center", "address"}
DROPPED_TAGS = {"script", "style", "noscript", "form", "input", "button", "select", "textarea", "template", "svg",
                "nav", "object", "embed", "head", "title", "meta", "link"}
EMPHASIS = {"em": "*", "i": "*", "cite": "*", "dfn": "*", "var": "*", "strong": "**", "b": "**"}
CODE = {"code", "kbd", "samp", "tt"}
KEPT_INLINE = {"sup": "sup", "sub": "sub", "del": "del", "s": "s", "strike": "s", "u": "u", "ins": "u",
               "small": "small", "q": "q", "abbr": "abbr"}
#: Classes of sharing, rating, related-post and screen-reader widgets that plug-ins put into content.
CHROME_CLASSES = {"sharedaddy", "jp-relatedposts", "addtoany_share_save_container", "ssba", "post-ratings",
                  "sharethis-inline-share-buttons", "screen-reader-text", "wp-block-file__button",
                  "wp-block-social-links"}
SAFE_LINK = re.compile(r"^(?:https?:|mailto:|/|\.\.?/|[\w.~%-]+(?:/|$))", re.I)


class InlineConversion:
    """The inline half of the converter (see blocks._Converter, which mixes it in)."""

    def is_chrome(self, el) -> bool:
        return el.tag in DROPPED_TAGS or el.get("aria-hidden") == "true" or bool(
            CHROME_CLASSES & set((el.get("class") or "").split()))

    def text(self, value: str | None, classic: bool) -> str:
        return markup.collapse(markup.escape(value), classic) if value else ""

    def inline_children(self, el, classic: bool) -> str:
        parts = [self.text(el.text, classic)]
        for child in el:
            if isinstance(child.tag, str):
                parts.append(self.inline(child, classic))
            parts.append(self.text(child.tail, classic))
        return "".join(parts)

    def inline(self, el, classic: bool) -> str:
        tag = el.tag
        if self.is_chrome(el):
            return ""
        if tag == "br":
            return markup.BR
        if tag == "img":
            return self.keep_blocks(self.image(el))
        if tag in PLAYERS or tag in ("figure", "blockquote", "ul", "ol", "table", "pre"):
            return markup.BR + self.keep_blocks(self.block(el)) + markup.BR
        if tag == "sup" and el.get("data-fn"):
            return self.core_footnote(el)
        inner = self.inline_children(el, classic)
        if tag == "a":
            href = (el.get("href") or "").strip()
            if not href or href.startswith("#") or not SAFE_LINK.match(href):
                return inner
            url = (self.link_for and self.link_for(href)) or href
            # An image keeps no link (WordPress links images to their own file); the text around it does.
            return "".join(piece if markup.IMAGE.fullmatch(piece) else markup.link(piece, url)
                           for piece in markup.IMAGE_SPLIT.split(inner))
        if tag in EMPHASIS:
            return markup.wrap(inner, EMPHASIS[tag])
        if tag in CODE:
            return markup.code_span(el.text_content())
        if tag in KEPT_INLINE and inner.strip():
            name = KEPT_INLINE[tag]
            return markup.wrap(inner, f"<{name}>", f"</{name}>")
        if tag in BLOCK_TAGS:
            return markup.BR + inner + markup.BR
        return inner

    def keep_blocks(self, blocks: list[Block]) -> str:
        if not blocks:
            return ""
        self.images.append(blocks)
        return markup.image_marker(len(self.images) - 1)

    def resolve(self, text: str, breaks: str = markup.BR) -> str:
        """Put kept blocks back inline (in list items, headings, table cells)."""
        text = markup.IMAGE.sub(lambda m: " ".join(b.text for b in self.images[int(m.group(1))]), text)
        return text if breaks == markup.BR else markup.one_line(text.replace(markup.BR, "\ue004")).replace(
            "\ue004", breaks)

    def plain(self, el, skip: tuple[str, ...] = ()) -> str:
        parts = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str) and child.tag not in skip and not self.is_chrome(child):
                parts.append(self.plain(child, skip))
            parts.append(child.tail or "")
        return markup.SPACE.sub(" ", "".join(parts)).strip()

    # WordPress 6.3+ footnotes: <sup data-fn="…"> in the text, the notes in the `footnotes` postmeta.

    def core_footnote(self, el) -> str:
        key = el.get("data-fn")
        if key not in self.notes:
            self.warn(f"footnote {key} has no text in the export; its number is kept as text")
            return f"<sup>{markup.escape(el.text_content().strip())}</sup>"
        return f"[^{self.note_numbers.setdefault(key, len(self.note_numbers) + 1)}]"

    def core_definitions(self) -> list[str]:
        definitions = []
        for key, n in sorted(self.note_numbers.items(), key=lambda pair: pair[1]):
            root = lxml.html.fragment_fromstring(f"<div>{self.notes[key]}</div>", parser=PARSER)
            definitions.append(f"[^{n}]: " + markup.one_line(self.resolve(self.inline_children(root, False))))
        return definitions

