"""The words of every language live in the lexicon's data files, not in the extraction modules' code.

Comments and docstrings may quote examples in any language; string literals in code may not hold Cyrillic.
Modules not yet moved to the lexicon are listed in NOT_YET_MOVED (issue 10): the list may only shrink.
"""

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

import litopys.extraction

FOLDER = Path(litopys.extraction.__file__).parent
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: Modules whose rules still hold Ukrainian and Russian words in Python (to move to lexicon/<language>.yaml).
NOT_YET_MOVED = frozenset()


def cyrillic_in_code(path: Path) -> list[int]:
    """Return the lines of string literals (not docstrings) and code that hold Cyrillic letters."""
    source = path.read_text(encoding="utf-8")
    docstrings = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(
                first.value.value, str
            ):
                docstrings.add(first.value.lineno)
    lines = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE):
            continue
        if token.type == tokenize.STRING and token.start[0] in docstrings:
            continue
        if CYRILLIC.search(token.string):
            lines.append(token.start[0])
    return lines


MODULES = sorted(path.relative_to(FOLDER).as_posix() for path in FOLDER.rglob("*.py") if "management" not in path.parts)


@pytest.mark.parametrize("module", [m for m in MODULES if m not in NOT_YET_MOVED])
def test_no_cyrillic_in_the_code_of_moved_modules(module):
    assert cyrillic_in_code(FOLDER / module) == []


@pytest.mark.parametrize("module", sorted(NOT_YET_MOVED))
def test_modules_not_yet_moved_are_listed_only_while_they_hold_words(module):
    assert cyrillic_in_code(FOLDER / module), f"{module} holds no Cyrillic any more: take it off NOT_YET_MOVED"


def test_the_scan_finds_cyrillic_in_code_but_not_in_comments_or_docstrings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Тіла."""\n# тіла\nWORDS = "тіла"\n\n\ndef f():\n    """Тіла."""\n    return "bodies"\n')
    assert cyrillic_in_code(sample) == [3]
