"""Figures: images (imported attachments become `{{media <pk>}}`), galleries, embeds, video and audio."""

import re

from litopys.exchange.wordpress import markup
from litopys.exchange.wordpress.footnotes import Block


class FigureConversion:
    """The figure half of the converter (see blocks._Converter, which mixes it in)."""

    def figure(self, el) -> list[Block]:
        name, attrs = self.current()
        captions = [child for child in el if child.tag == "figcaption"]
        caption = self.plain(captions[-1]) if captions else ""
        for child in captions:
            child.drop_tree()
        if "wp-block-embed" in (el.get("class") or "") or name == "embed" or name.startswith("core-embed/"):
            url = attrs.get("url") or el.xpath("string(.//*[contains(@class, 'wp-block-embed__wrapper')])").strip()
            url = url or next((frame.get("src") for frame in el.iter("iframe") if frame.get("src")), "")
            return ([Block("p", f"<{markup.url_for_markdown(url)}>")] if url else []) + self.caption_blocks(caption)
        images = el.xpath(".//img")
        if len(images) == 1 and not el.xpath(".//figure|.//table|.//blockquote|.//p"):
            return self.image(images[0], caption)
        return self.container(el) + self.caption_blocks(caption)

    def caption_blocks(self, caption: str) -> list[Block]:
        return [Block("p", markup.wrap(markup.escape(caption), "*"))] if caption else []

    def player(self, el) -> list[Block]:
        source = el.get("src") or next((s.get("src") for s in el.iter("source") if s.get("src")), "")
        if not source or not re.match(r"https?://", source):
            return []
        return [Block("p", f"<{markup.url_for_markdown((self.link_for and self.link_for(source)) or source)}>")]

    def image(self, img, caption: str = "") -> list[Block]:
        src = (img.get("src") or img.get("data-src") or img.get("data-lazy-src") or "").strip()
        alt = markup.SPACE.sub(" ", img.get("alt") or "").strip()
        wp_id = self.attachment_id(img, src)
        if wp_id is not None:
            if caption:
                self.captions.setdefault(wp_id, caption)
            if alt:
                self.alts.setdefault(wp_id, alt)
            pk = self.media_ids(wp_id)
            if pk is not None:
                return [Block("media", f"{{{{media {pk}}}}}")]
        if not re.match(r"https?://|/", src):
            self.warn(f"image {wp_id if wp_id is not None else src[:60]!r} is not among the imported "
                      f"attachments and has no usable address; left out")
            return self.caption_blocks(caption)
        image = Block("image", f"![{markup.escape(alt)}]({markup.url_for_markdown(src)})")
        return [image, *self.caption_blocks(caption)]

    def attachment_id(self, img, src: str) -> int | None:
        match = re.search(r"\bwp-image-(\d+)\b", img.get("class") or "")
        if match:
            return int(match.group(1))
        if (img.get("data-id") or "").isdigit():
            return int(img.get("data-id"))
        name, attrs = self.current()
        if name == "image" and isinstance(attrs.get("id"), int):
            return attrs["id"]
        return self.attachment_for_url(src) if self.attachment_for_url and src else None

