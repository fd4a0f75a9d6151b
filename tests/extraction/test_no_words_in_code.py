"""The words of every language live in the lexicon's data files (``lexicon/<language>.yaml``), not in the code.

Comments and docstrings may quote examples in any language. In the code of every extraction module: no Cyrillic
(nor a Cyrillic escape), and no claim kind code in a string (what a kind does is a field of
``vocab/claim_kinds.yaml``). In the code of the rule modules, strings hold no word (of two letters or more) of any
lexicon file, no phrase or list of words, and no word inside a regular expression: a rule that needs a word reads
it from the lexicon. Strings that name things are no words: exception messages, names of lexicon sections, keys of
data read from files, attribute and file names.
"""

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

import litopys.extraction
from litopys import vocab
from litopys.extraction.lexicon.loading import languages

FOLDER = Path(litopys.extraction.__file__).parent
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: A Cyrillic letter written as an escape ("\u0410", "\N{CYRILLIC CAPITAL LETTER A}").
CYRILLIC_ESCAPE = re.compile(r"\\u04[0-9a-f]{2}|\\U000004[0-9a-f]{2}|\\x\{4[0-9a-f]{2}\}|\\N\{CYRILLIC", re.I)
MODULES = sorted(
    path.relative_to(FOLDER).as_posix() for path in FOLDER.rglob("*.py") if "management" not in path.parts
)
#: Modules that are no rules: bytes to text (names of file formats in notes), scoring against labels, the rule set's
#: version (paths of the data files) and the app's configuration. Their strings are checked for Cyrillic and kinds.
NOT_RULES = frozenset({"apps.py", "decoding.py", "evaluation.py", "ruleset.py"})
#: Codes of the JSON contract and of the gazetteer that the rules write or compare, not words of a language: keys of
#: a claim, the sex of those counted is "unknown" when not established, a place is a settlement, district, oblast
#: or country; the parts of a date dateparser must find (day, month) and the dates it prefers (past).
CODES = frozenset({"claims", "date", "name", "sex", "unknown", "settlement", "district", "oblast", "country", "day",
                   "month", "past"})
#: Functions whose string arguments name a lexicon section, a key, an attribute or files, not words.
NAMING = frozenset({"alternation", "by_key", "each", "entries", "groups", "letters", "pairs", "section", "values",
                    "wordset", "get", "getattr", "hasattr", "glob", "rglob", "with_name"})
#: What a string may hold that is no word: escapes (\w, \s, \u00a0), inline flags, group names, "{placeholders}", names
#: of sections and settings written in snake_case.
_NOT_WORDS = re.compile(
    r"\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\[A-Za-z]|\(\?[A-Za-z-]*[:)]|\(\?P<\w+>|\(\?P=\w+\)|\{\w*\}"
    r"|\b[A-Za-z]+(?:_[A-Za-z0-9]+)+\b"
)
_WORD = re.compile(r"[A-Za-z]+")
_REGEX = re.compile(r"[\\()\[\]|?*+^$]")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(
                first.value.value, str
            ):
                found.add(id(first.value))
    return found


def cyrillic_in_code(path: Path) -> list[int]:
    """Return the lines of string literals (not docstrings) and code that hold Cyrillic letters or their escapes."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    found = _docstrings(tree)
    docstrings = {node.lineno for node in ast.walk(tree) if id(node) in found}
    lines = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE):
            continue
        if token.type == tokenize.STRING and token.start[0] in docstrings:
            continue
        if CYRILLIC.search(token.string) or CYRILLIC_ESCAPE.search(token.string):
            lines.append(token.start[0])
    return lines


def strings_in_code(path: Path) -> list[tuple[int, str]]:
    """Return (line, value) of every string constant in the code: not docstrings, not exception messages."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            skipped.update(id(sub) for sub in ast.walk(node.exc))
        elif isinstance(node, ast.Subscript):
            skipped.add(id(node.slice))
        elif isinstance(node, ast.Call):
            function = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if function in NAMING:
                skipped.update(id(argument) for argument in node.args)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped
    ]


def _lexicon_words() -> frozenset[str]:
    words = set()

    def walk(value):  # the words of every entry (the words of its regular expression)
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            words.update(word.lower() for word in _WORD.findall(re.sub(r"\\[A-Za-z]", " ", value)))

    for lexicon in languages().values():
        walk({key: value for key, value in lexicon.items() if key != "alphabet"})
    return frozenset(words)


LEXICON_WORDS = _lexicon_words()


def vocabulary_in_code(path: Path) -> list[tuple[int, str]]:
    """Return (line, string) of the strings in the code that hold a word of the lexicon, a phrase or list of
    words, or a word inside a regular expression."""
    found = []
    for line, value in strings_in_code(path):
        # Words of two letters or more: a single letter is notation ("e[0-9]" of 1e9), no word.
        words = [word for word in _WORD.findall(_NOT_WORDS.sub(" ", value)) if len(word) > 1]
        words = [word for word in words if word.lower() not in CODES]
        if any(word.lower() in LEXICON_WORDS for word in words) or len(words) > 1 or words and _REGEX.search(value):
            found.append((line, value))
    return found


@pytest.mark.parametrize("module", MODULES)
def test_no_cyrillic_in_the_code(module):
    assert cyrillic_in_code(FOLDER / module) == []


def kinds_in_code(path: Path) -> list[tuple[int, str]]:
    """Return (line, string) of the strings in the code that hold a claim kind's code."""
    kinds = set(vocab.codes("claim_kinds"))
    return [(line, value) for line, value in strings_in_code(path) if kinds & set(re.split(r"\W+", value))]


@pytest.mark.parametrize("module", MODULES)
def test_no_claim_kind_is_named_in_the_code(module):
    assert kinds_in_code(FOLDER / module) == []


@pytest.mark.parametrize("module", [module for module in MODULES if module not in NOT_RULES])
def test_no_words_of_a_language_in_the_code_of_the_rules(module):
    assert vocabulary_in_code(FOLDER / module) == []


def test_the_scan_finds_cyrillic_in_code_but_not_in_comments_or_docstrings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Тіла."""\n# тіла\nWORDS = "тіла"\n\n\ndef f():\n    """Тіла."""\n    return "bodies"\n'
        'CAPITAL = r"[\\u0410-\\u042f]"\n'
    )
    assert cyrillic_in_code(sample) == [3, 9]


def test_the_scan_finds_words_kinds_and_patterns_in_strings_but_not_messages(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Bodies of 26 people."""\nA = "people"\nB = "dead|wounded"\nC = r"\\s+(?:casualties)"\nD = "tortured"\n'
        'E = "after_digits"\nF = r"\\s*(?:{oblast})"\nG = alternation("kinds", "such")\nH = entry.get("since")\n'
        'I = data["from"]\n\n\ndef f():\n    raise ValueError("no such section of the lexicon")\n'
    )
    assert [line for line, _ in vocabulary_in_code(sample)] == [2, 3, 4, 5]
    assert [line for line, _ in kinds_in_code(sample)] == [5]
    assert [value for _, value in strings_in_code(sample)] == ["people", "dead|wounded", r"\s+(?:casualties)",
                                                               "tortured", "after_digits", r"\s*(?:{oblast})"]
    assert "tortured" in vocab.codes("claim_kinds") and {"people", "such", "since", "from"} <= LEXICON_WORDS
