"""Fixtures the evidence tests share."""

import pytest


@pytest.fixture
def tsa():
    """A time-stamping authority of our own on 127.0.0.1 (tests/evidence/tsa.py)."""
    from tests.evidence.tsa import TestTSA

    authority = TestTSA()
    yield authority
    authority.close()
