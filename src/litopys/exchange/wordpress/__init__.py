"""Import a WordPress site's export (WXR) into the chronicle.

The parsing modules (`wxr`, `blocks`, `footnotes`, `shortcodes`, `comments`, `phpserial`) need
no database; `importer` writes the chronicle's models.
"""

from litopys.exchange.wordpress.blocks import Conversion, blocks_to_markdown, convert
from litopys.exchange.wordpress.wxr import Export, Item, WXRError, parse_wxr

__all__ = ["Conversion", "Export", "Item", "WXRError", "blocks_to_markdown", "convert", "parse_wxr"]
