"""Shared fixtures: an isolated LITOPYS_HOME per test run, and the samples from ../shared."""

import os
import tempfile
from pathlib import Path

import pytest

# Settings read LITOPYS_HOME at import: give the test run its own, never the developer's ./var.
os.environ.setdefault("LITOPYS_HOME", tempfile.mkdtemp(prefix="litopys-test-home-"))
# pytest-xdist's workers share that home, and the file cache in it: one worker's cache.clear() emptied another's API
# rate counters in the middle of a test. Each worker keeps its own cache folder (set before any cache is opened).
_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
if _WORKER:
    from django.conf import settings as _settings

    _cache = _settings.CACHES.get("default", {})
    if _cache.get("BACKEND", "").endswith("FileBasedCache"):
        _cache["LOCATION"] = os.path.join(_cache["LOCATION"], _WORKER)

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO.parent / "shared" / "samples"


@pytest.fixture
def samples() -> Path:
    """Return ../shared/samples, skipping when this clone has none (a user's clone)."""
    if not (SAMPLES / "seed-article.txt").exists():
        pytest.skip(f"the shared samples are not beside this clone ({SAMPLES} is absent)")
    return SAMPLES


@pytest.fixture
def vault(settings, tmp_path):
    """Point the evidence vault and the signing key at a fresh folder for one test."""
    from litopys.evidence.vault import get_vault

    settings.LITOPYS_VAULT = {"BACKEND": "litopys.evidence.vault.LocalVault",
                              "OPTIONS": {"root": str(tmp_path / "vault")}}
    settings.LITOPYS_SIGNING_KEY = tmp_path / "custody-ed25519.pem"
    settings.LITOPYS_VAULT_KEY_FILE = tmp_path / "vault.key"
    return get_vault()


@pytest.fixture(autouse=True)
def checkpoint_log(settings, tmp_path):
    """Give every test its own checkpoint log: a rolled-back test's checkpoints never reach another's log."""
    settings.LITOPYS_CHECKPOINT_LOG = tmp_path / "custody-checkpoints.jsonl"
    return settings.LITOPYS_CHECKPOINT_LOG


@pytest.fixture(autouse=True)
def english_terminal():
    """Run commands in English, as the CLI does under an English locale; pages still follow the request."""
    from django.utils import translation

    with translation.override("en"):
        yield
