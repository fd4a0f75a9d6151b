"""Fixtures: capture-history tables and the SYNTHETIC lists in tests/data/casualties, staff users in roles."""

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


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def truth() -> dict[tuple[str, int], int]:
    """(list, row) → the invented person the row is."""
    with open(DATA / "truth.csv", encoding="utf-8") as handle:
        return {(r["list"], int(r["row"])): int(r["person"]) for r in csv.DictReader(handle)}


@pytest.fixture
def imported(db, vault, data):
    """Import the three SYNTHETIC lists (CSV, XLSX, CP1251 CSV); return the reports."""
    from litopys.casualties.importing import import_list

    reports = [import_list(str(data / "exhumation.csv"), "exhumation", actor="tester"),
               import_list(str(data / "police.xlsx"), "police", actor="tester"),
               import_list(str(data / "morgue-cp1251.csv"), "morgue", actor="tester")]
    assert [r.status for r in reports] == ["imported"] * 3, [r.message for r in reports]
    return reports


def _staff(django_user_model, name: str, role: str):
    from django.contrib.auth.models import Group, Permission

    from litopys.casualties.apps import CasualtiesConfig

    user = django_user_model.objects.create_user(name, password="pw-" + name, is_staff=True)
    group, _ = Group.objects.get_or_create(name=f"casualties-{role}")
    for code in CasualtiesConfig.role_permissions[role]:
        app_label, codename = code.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    user.groups.add(group)
    return django_user_model.objects.get(pk=user.pk)  # fresh: no cached permissions


@pytest.fixture
def analyst(db, django_user_model):
    return _staff(django_user_model, "olena", "analyst")


@pytest.fixture
def reviewer(db, django_user_model):
    return _staff(django_user_model, "taras", "reviewer")


@pytest.fixture
def second_reviewer(db, django_user_model):
    return _staff(django_user_model, "iryna", "reviewer")


@pytest.fixture
def editor(db, django_user_model):
    return _staff(django_user_model, "marta", "editor")
