"""Turn the WordPress shortcodes that carry content into HTML, and drop those that are site chrome."""

import html
import re

ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
CAPTION = re.compile(r"\[caption\b([^\]]*)\](.*?)\[/caption\]", re.S | re.I)
CAPTIONED_IMAGE = re.compile(r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)\Z", re.S | re.I)
GALLERY = re.compile(r"\[gallery\b([^\]]*)\]", re.I)
EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.S | re.I)
PLAYER = re.compile(r"\[(video|audio)\b([^\]]*)\](?:(?:(?!\[\1\b).)*?\[/\1\])?", re.S | re.I)
PLAYER_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "ogg", "oga", "m4a", "wav")
#: A line holding nothing but a URL is an oEmbed in WordPress (a video, a post); here it becomes a link.
BARE_URL = re.compile(r"""(?m)^[ \t]*(https?://[^\s<>"'\[\]]+)[ \t]*$""")

#: Shortcodes of rating, sharing, related-posts and form plug-ins: the page around a story, not the story.
CHROME = (
    "ratings", "ratings_results", "rate", "addtoany", "ssba", "ssba-buttons", "jetpack_share_buttons",
    "sharethis-inline-buttons", "jetpack-related-posts", "related_posts", "contact-form-7", "wpforms",
)
CHROME_SHORTCODE = re.compile(r"\[/?(?:" + "|".join(re.escape(name) for name in CHROME) + r")\b[^\]]*\]", re.I)


def attributes(text: str) -> dict[str, str]:
    """Return a shortcode's attributes, e.g. `ids="5,6" size="large"` → {"ids": "5,6", "size": "large"}."""
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in ATTRIBUTE.finditer(text)}


def expand_shortcodes(text: str, warnings: list[str]) -> str:
    """Replace caption, gallery, embed, video and audio shortcodes with HTML; remove chrome shortcodes."""
    text = CAPTION.sub(_caption, text)
    text = GALLERY.sub(lambda m: _gallery(m, warnings), text)
    text = EMBED.sub(lambda m: _link(m.group(1).strip()), text)
    text = PLAYER.sub(_player, text)
    text = CHROME_SHORTCODE.sub("", text)
    return BARE_URL.sub(lambda m: _link(m.group(1)), text)


def _caption(match: re.Match) -> str:
    attrs = attributes(match.group(1))
    parts = CAPTIONED_IMAGE.match(match.group(2))
    if not parts:
        return match.group(2)
    image, caption = parts.group(1), parts.group(2).strip() or html.escape(attrs.get("caption", ""))
    number = re.fullmatch(r"attachment_(\d+)", attrs.get("id", ""))
    if number and "wp-image-" not in image:
        image = re.sub(r"<img\b", f'<img data-id="{number.group(1)}"', image, count=1, flags=re.I)
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"


def _gallery(match: re.Match, warnings: list[str]) -> str:
    ids = [part for part in re.split(r"[\s,]+", attributes(match.group(1)).get("ids", "")) if part.isdigit()]
    if not ids:
        warnings.append("a [gallery] without ids (the post's own attachments) was left out; add its images by hand")
        return ""
    images = "".join(f'<figure><img data-id="{number}" alt=""></figure>' for number in ids)
    return f'<figure class="wp-block-gallery">{images}</figure>'


def _player(match: re.Match) -> str:
    attrs = attributes(match.group(2))
    source = next((attrs[key] for key in PLAYER_SOURCES if attrs.get(key)), "")
    return _link(source) if source else ""


def _link(url: str) -> str:
    if not re.match(r"https?://", url):
        return html.escape(url)
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
