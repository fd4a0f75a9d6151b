"""Whether a post's words already bound a number: "at least {{figure …}}" needs no second "at least"."""

import functools
import re
from pathlib import Path

import yaml

FILE = Path(__file__).resolve().parent / "bound_words.yaml"


@functools.cache
def _pattern(language: str) -> re.Pattern | None:
    words = yaml.safe_load(FILE.read_text(encoding="utf-8")).get(language) or []
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:^|\W)(?:{alternatives})\s*$", re.IGNORECASE)


def says_bound(before: str, language: str) -> bool:
    """Tell whether the text before a number ends with a bound or hedge word of the post's language."""
    pattern = _pattern((language or "en")[:2])
    return bool(pattern and pattern.search(before[-60:]))
