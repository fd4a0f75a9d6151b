"""Compile word lists into regular expressions that Python's engine runs fast.

``re`` tries a pattern at every position of the text, and every alternative of an alternation in turn.
``trie`` shares the literal beginnings of the alternatives ("killed|kidnapped" -> "ki(?:lled|dnapped)").
``union`` merges several word lists into one pattern that checks the word boundary once per position and
then branches on the first letter, instead of trying each list (and its boundary) in turn: the same matches,
the earlier list winning at one position as in a plain alternation, several times faster for ten lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD_CHAR = r"[\w'’ʼ]"
#: A word starts here: no letter, digit or apostrophe before it.
LEFT = rf"(?<!{_WORD_CHAR})"
#: A word ends here; a footnote marker may touch it ("Katyn²" is the word "Katyn").
END = r"(?![^\W¹²³⁴⁵⁶⁷⁸⁹⁰])"
_META = set("\\.^$*+?{}[]()|")
_QUANTIFIERS = set("*+?{")
#: The alternation each pattern ``words`` compiled was made from, so that ``union`` can merge them.
_SOURCES: dict[re.Pattern, str] = {}


def words(pattern: str) -> re.Pattern:
    """Compile ``pattern`` (alternatives separated by "|") to match whole words in text passed through ``lowered``.

    Matching lowercased text case-sensitively is about three times faster than ``re.IGNORECASE``.
    """
    compiled = union([pattern])[0]
    _SOURCES[compiled] = pattern
    return compiled


def source(pattern: re.Pattern) -> str:
    """Return the alternation a pattern of ``words`` was compiled from."""
    return _SOURCES[pattern]


def union(
    alternations: Sequence[str], capture: bool = False, left: str = LEFT, end: str = END
) -> tuple[re.Pattern, tuple[int, ...]]:
    """Compile whole-word alternations into one pattern; at one position the earlier alternation wins.

    With ``capture``, each alternation matches in groups of its own: ``owners[match.lastindex]`` is the
    index of the alternation that matched. The alternations must hold no capturing groups. ``left`` and
    ``end`` are what must hold before and after a match (by default, word boundaries).
    """
    trees = [_tree(alternation) for alternation in alternations]
    owners = [-1]
    branches = []
    if any("" in tree for tree in trees):  # an alternative opens with a class or a group: no letter to branch on
        for index, tree in enumerate(trees):
            body = f"(?:{_render(tree)}){end}"
            branches.append(f"({body})" if capture else body)
            owners.append(index)
        return re.compile(left + "(?:" + "|".join(branches) + ")"), tuple(owners)
    for char in sorted({char for tree in trees for char in tree}):
        bodies = []
        for index, tree in enumerate(trees):
            if char in tree:
                body = _render(tree[char]) + end
                bodies.append(f"({body})" if capture else f"(?:{body})")
                owners.append(index)
        rest = bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")"
        branches.append(re.escape(char) + rest)
    return re.compile(left + "(?:" + "|".join(branches) + ")"), tuple(owners)


def trie(pattern: str) -> str:
    """Rewrite a top-level alternation as a prefix tree: the same matches, far fewer steps per position.

    Python's regular expressions try every alternative at every position; sharing the literal
    beginnings of the alternatives ("killed|kidnapped" -> "ki(?:lled|dnapped)") makes a
    several-hundred-word pattern about ten times faster.
    """
    return _render(_tree(pattern))


def _tree(pattern: str) -> dict:
    root: dict = {}
    for alternative in _split(pattern):
        prefix = 0
        while prefix < len(alternative) and alternative[prefix] not in _META:
            prefix += 1
        if prefix < len(alternative) and alternative[prefix] in _QUANTIFIERS and prefix > 0:
            prefix -= 1  # "beasts?": the "s" belongs with its quantifier
        node = root
        for char in alternative[:prefix].lower():
            node = node.setdefault(char, {})
        node.setdefault("", []).append(alternative[prefix:])
    return root


def _split(pattern: str) -> list[str]:
    parts, depth, in_class, current, escaped = [], 0, False, [], False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _render(node: dict) -> str:
    # Longer branches first: without a word boundary after it, "hundred" must not win over "hundreds".
    rests = node.get("", [])
    branches = [rest for rest in rests if rest]
    branches += [re.escape(char) + _render(node[char]) for char in sorted(k for k in node if k)]
    branches += [""] if "" in rests else []
    unique = list(dict.fromkeys(branches))
    if len(unique) == 1:
        return unique[0]
    return "(?:" + "|".join(unique) + ")"
