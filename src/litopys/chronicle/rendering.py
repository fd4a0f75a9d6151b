"""Turn a post's Markdown into HTML, with figure, incident and media directives resolved late.

Directives in the body:

- `{{figure <cell> <kind> [key=value…]}}` — a reconciled figure, e.g.
  `{{figure izium-mass-burial-site bodies sex=female}}` (a bare first word is an incident slug;
  `place:<geonames id>`, `site:<id>` and `incident:<slug>` are explicit). Only verified figures render.
- `{{incident <slug>}}` — an incident card.
- `{{media <id>}}` — an image with its caption, alt text and credit; sensitive ones are blurred.

Markdown is rendered once when a post is saved (`body_html`); directives stay as placeholders
there and are filled in per request from the current record (see `fill`), so a figure's status
is never frozen into a page.
"""

import html
import re

import markdown
import nh3

_TAG = re.compile(r"<[^>]*>")
DIRECTIVE = re.compile(r"\{\{\s*(figure|incident|media)\s+([^{}]+?)\s*\}\}")
PLACEHOLDER = re.compile(r'<span data-litopys-(figure|incident|media)="([^"]*)"></span>')
# A card or an image alone in its paragraph replaces the paragraph: a <figure> may not sit in a <p>.
BLOCK_PLACEHOLDER = re.compile(r'<p><span data-litopys-(incident|media)="([^"]*)"></span></p>')

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "span": {"data-litopys-figure", "data-litopys-incident", "data-litopys-media"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "li": {"value"},
    "ol": {"start"},
}


def directives(body: str) -> list[tuple[str, str]]:
    """Return (name, argument) for every directive in a Markdown body, in order."""
    return [(m.group(1), " ".join(m.group(2).split())) for m in DIRECTIVE.finditer(body or "")]


def _placeholder(match: re.Match) -> str:
    return f'<span data-litopys-{match.group(1)}="{html.escape(" ".join(match.group(2).split()), quote=True)}"></span>'


def render_markdown(body: str) -> str:
    """Render Markdown (footnotes, tables, headings with ids) to sanitised HTML with directive placeholders."""
    source = DIRECTIVE.sub(_placeholder, body or "")
    converted = markdown.markdown(
        source, extensions=["footnotes", "tables", "sane_lists", "toc", "attr_list"],
        extension_configs={"footnotes": {"BACKLINK_TEXT": "↩"}, "toc": {"permalink": False}},
        output_format="html")
    return nh3.clean(converted, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, link_rel="noopener nofollow",
                     url_schemes={"http", "https", "mailto"})


def fill(body_html: str, render_directive) -> str:
    """Replace placeholders with HTML from render_directive(name, argument, before), where ``before`` is the
    text that comes before the placeholder in its paragraph (tags removed)."""
    def replace(match: re.Match) -> str:
        before = html.unescape(_TAG.sub("", match.string[max(0, match.start() - 400):match.start()]))
        return render_directive(match.group(1), html.unescape(match.group(2)), before)

    return PLACEHOLDER.sub(replace, BLOCK_PLACEHOLDER.sub(replace, body_html))
