"""Capture-history tables read from tests/data/casualties."""

import csv
from pathlib import Path

import pytest

from litopys.casualties.estimation import read_rows

DATA = Path(__file__).resolve().parent.parent / "data" / "casualties"


def load(name: str):
    """Return the CaptureTable of a CSV file in tests/data/casualties."""
    with (DATA / name).open(newline="") as handle:
        return read_rows(csv.DictReader(handle), source=name)[None]


@pytest.fixture
def hav():
    return load("hav.csv")


@pytest.fixture
def hiv():
    return load("hiv.csv")


@pytest.fixture
def lesbian():
    return load("lesbian.csv")


@pytest.fixture
def diabetes():
    return load("diabetes.csv")
