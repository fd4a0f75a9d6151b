"""Shared fixtures: an isolated LITOPYS_HOME per test run, and the samples from ../shared."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO.parent / "shared" / "samples"


@pytest.fixture
def samples() -> Path:
    """Return ../shared/samples, skipping when this clone has none (a user's clone)."""
    if not (SAMPLES / "seed-article.txt").exists():
        pytest.skip(f"the shared samples are not beside this clone ({SAMPLES} is absent)")
    return SAMPLES
