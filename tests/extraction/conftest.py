"""Fixtures for extraction: a small fake gazetteer for unit tests (integration tests use the real one)."""

import re
from pathlib import Path

import pytest

from litopys.places.records import Place, PlaceMention

IZIUM = Place(707292, "Izium", "settlement", "Kharkiv Oblast", "07", 49.2, 37.3, 45884, "Ізюм", "Изюм")
KUPIANSK = Place(703656, "Kupiansk", "settlement", "Kharkiv Oblast", "07", 49.7, 37.6, 29000, "Куп'янськ", "Купянск")
KHARKIV_OBLAST = Place(706482, "Kharkiv Oblast", "oblast", "Kharkiv Oblast", "07", 49.5, 36.5, 2700000, "", "")
UKRAINE = Place(690791, "Ukraine", "country", None, None, 49.0, 32.0, 41000000, "Україна", "Украина")


class FakeGazetteer:
    """Knows Izium, Kupiansk, Kharkiv Oblast, Ukraine and the unknown village of Hrakove."""

    NAMES = [
        (r"Kharkiv (?:region|Oblast)|Харківщин\w*|Харківськ\w+ област\w*|Харьковск\w+ област\w*", KHARKIV_OBLAST),
        (r"Izium|Ізюм\w*|Изюм\w*", IZIUM),
        (r"Kupiansk|Куп'янськ\w*|Купянск\w*", KUPIANSK),
        (r"Ukraine|Україн\w*|Украин\w*", UKRAINE),
        (r"Hrakove|Граков\w*", None),
    ]

    def __init__(self):
        self.calls = 0

    def find(self, text):
        self.calls += 1
        found = []
        for pattern, place in self.NAMES:
            for match in re.finditer(pattern, text):
                name = place.name if place else "Hrakove"
                found.append(PlaceMention(match.start(), match.end(), match.group(0), name, place))
        return sorted(found, key=lambda m: m.start)


@pytest.fixture
def gazetteer():
    return FakeGazetteer()


def pytest_collection_modifyitems(items):
    """Extraction is pure Python: its tests touch no database, so the PostgreSQL pass need not run them again."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.no_database)
