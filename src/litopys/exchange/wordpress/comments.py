"""Turn a WordPress comment's text into the sanitised HTML that Comment.body holds."""

import re

import nh3

#: What a reader's comment may keep — the tags the chronicle keeps when a reader writes one, so that
#: saving an imported comment (which sanitises it again) changes nothing and re-imports stay unchanged.
TAGS = {"a", "b", "strong", "i", "em", "code", "q", "br", "p"}
BLOCK = re.compile(r"<(?:p|blockquote|ul|ol|pre|div)\b", re.I)


def comment_html(text: str) -> str:
    """Return sanitised HTML: WordPress keeps comments as text and adds paragraphs only on display."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not BLOCK.search(text):
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
        text = "".join("<p>" + part.replace("\n", "<br>\n") + "</p>" for part in paragraphs)
    return nh3.clean(text, tags=TAGS, attributes={"a": {"href"}}, link_rel="nofollow ugc noopener",
                     url_schemes={"http", "https"}, strip_comments=True).strip()
