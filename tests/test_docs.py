"""Every setting and every command of the project is documented in the README."""

import re
from pathlib import Path

from django.core.management import get_commands

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    code = "\n".join(p.read_text() for p in (REPO / "src" / "litopys").rglob("*.py") if "migrations" not in p.parts)
    names = set(re.findall(r'"((?:LITOPYS|DATABASE)_[A-Z_]+)"', code)) - {"LITOPYS_VAULT", "LITOPYS_PROCESSORS"}
    assert names, "no settings found: the pattern is wrong"
    missing = sorted(name for name in names if f"`{name}`" not in README)
    assert not missing, f"settings missing from README's configuration table: {missing}"


def test_every_command_is_documented():
    ours = sorted(name for name, app in get_commands().items() if app.startswith("litopys"))
    assert "ingest" in ours and "verify" in ours
    missing = [name for name in ours if f"`litopys {name}" not in README]
    assert not missing, f"commands missing from README: {missing}"
