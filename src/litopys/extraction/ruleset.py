"""Which rules produced a claim: a version derived from the rules themselves.

``RULESET_VERSION`` is "<engine version>.<hash>", the hash a short SHA-256 of every data file the rules read
(the lexicon of each language, speakers, the kinds vocabulary, the names package's given names and grammar).
Changing a word changes the version by itself; a change to the Python rules bumps ``ENGINE_VERSION``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

#: Bump when a change to the Python rules changes what is extracted (the data files version themselves).
ENGINE_VERSION = "3"
_SRC = Path(__file__).resolve().parent.parent
#: The data files the rules read, as globs under ``src/litopys``.
RULE_FILES = (
    "extraction/lexicon/*.yaml",
    "extraction/speakers.yaml",
    "vocab/claim_kinds.yaml",
    "names/*.yaml",
)


def rule_files() -> dict[str, bytes]:
    """Return the content of every rule data file by its path under ``src/litopys``."""
    return {
        path.relative_to(_SRC).as_posix(): path.read_bytes()
        for pattern in RULE_FILES
        for path in sorted(_SRC.glob(pattern))
    }


def ruleset_version(files: Mapping[str, bytes], engine: str = ENGINE_VERSION) -> str:
    """Return the version of the rules made of ``files`` (path -> content) and the engine version."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + files[name] + b"\0")
    return f"{engine}.{digest.hexdigest()[:10]}"


#: The rule set that produced a result; stored with each claim so a reviewer knows how it was found.
RULESET = "litopys-rules"
RULESET_VERSION = ruleset_version(rule_files())
