"""Roles as Django groups, kept in step with the permissions they need after every migrate."""

from django.contrib.auth.models import Group, Permission

#: Role -> permission codenames ("app_label.codename"); "*" grants every permission of the project.
ROLES: dict[str, list[str]] = {
    "collector": [
        "evidence.view_source", "evidence.change_source", "evidence.view_item",
        "incidents.view_claim", "incidents.add_claim", "incidents.change_claim",
    ],
    "analyst": [
        "evidence.view_source", "evidence.view_item", "evidence.view_custodyevent",
        "incidents.view_incident", "incidents.add_incident", "incidents.change_incident",
        "incidents.view_site", "incidents.add_site", "incidents.change_site",
        "incidents.view_actor", "incidents.add_actor", "incidents.change_actor",
        "incidents.view_claim", "incidents.add_claim", "incidents.change_claim",
        "places.view_place",
    ],
    "reviewer": [
        "evidence.view_source", "evidence.view_item", "evidence.view_custodyevent",
        "incidents.view_incident", "incidents.change_incident", "incidents.view_site",
        "incidents.view_actor", "incidents.view_claim", "incidents.change_claim",
        "verification.view_decision", "verification.add_decision", "places.view_place",
    ],
    "editor": [
        "incidents.view_incident", "incidents.change_incident", "incidents.view_site", "incidents.view_claim",
        "verification.view_decision", "places.view_place",
    ],
    "administrator": ["*"],
}

#: Apps whose permissions an administrator holds.
PROJECT_APPS = ("evidence", "places", "incidents", "verification", "chronicle", "casualties", "exchange", "auth")

#: Apps may extend a role, e.g. the chronicle gives editors the right to publish posts.
EXTRA: dict[str, list[str]] = {}


def permissions_for(codes: list[str]):
    if codes == ["*"]:
        return Permission.objects.filter(content_type__app_label__in=PROJECT_APPS)
    found = []
    for code in codes:
        app_label, codename = code.split(".")
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission:
            found.append(permission)
    return found


def ensure_roles(**kwargs) -> None:
    """Create the role groups and set their permissions (idempotent)."""
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions_for(codes if codes == ["*"] else codes + EXTRA.get(name, [])))


def has_role(user, *names: str) -> bool:
    return bool(user and user.is_authenticated and
                (user.is_superuser or user.groups.filter(name__in=names).exists()))
