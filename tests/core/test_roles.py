"""Roles are Django groups whose permissions each app declares in its AppConfig."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from litopys.core.roles import ROLES, declared, ensure_roles, unknown_permissions

pytestmark = pytest.mark.django_db


def test_every_declared_permission_exists():
    assert unknown_permissions() == []


def test_each_role_gets_what_its_apps_declare():
    ensure_roles()
    editor = {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name="editor").permissions.all()}
    assert "chronicle.publish_post" in editor  # declared by the chronicle, not written into another app
    assert "evidence.view_source" not in editor
    collector = {p.codename for p in Group.objects.get(name="collector").permissions.all()}
    assert collector == {codename.split(".")[1] for codename in declared()["collector"]}


def test_the_administrator_holds_every_permission_of_every_litopys_app():
    ensure_roles()
    held = set(Group.objects.get(name="administrator").permissions.values_list("content_type__app_label",
                                                                                 flat=True))
    litopys_apps = {c.label for c in apps.get_app_configs() if c.name.startswith("litopys.") and list(c.get_models())}
    assert litopys_apps <= held


def test_a_role_unknown_to_the_project_is_refused(monkeypatch):
    config = apps.get_app_config("places")
    monkeypatch.setattr(config, "role_permissions", {"superhero": ["places.view_place"]}, raising=False)
    with pytest.raises(ValueError, match="unknown role 'superhero'"):
        declared()
    assert set(ROLES) >= {"collector", "analyst", "reviewer", "editor", "administrator"}
