"""Roles as Django groups, their permissions contributed by each app's AppConfig and kept in step after migrate.

An app declares what each role may do with its own models as a class attribute of its AppConfig::

    class EvidenceConfig(AppConfig):
        role_permissions = {"collector": ["evidence.view_source", ...], "analyst": [...]}

The administrator holds every permission of every Litopys app (and of user accounts); nobody edits
another app's list.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

#: The roles, in order of the work they do; each is a group of the same name.
ROLES = ("collector", "analyst", "reviewer", "editor", "administrator")
ADMINISTRATOR = "administrator"
#: Apps outside Litopys whose permissions an administrator holds too.
OTHER_ADMINISTERED_APPS = ("auth",)


def declared() -> dict[str, list[str]]:
    """Return role -> permission codes ("app_label.codename"), gathered from every installed app."""
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    for config in apps.get_app_configs():
        for role, codes in getattr(config, "role_permissions", {}).items():
            if role not in found:
                raise ValueError(f"{config.name} declares permissions for an unknown role {role!r}; "
                                 f"use one of {', '.join(ROLES)}")
            found[role].extend(code for code in codes if code not in found[role])
    return found


def administered_apps() -> list[str]:
    return [config.label for config in apps.get_app_configs()
            if config.name.startswith("litopys.")] + list(OTHER_ADMINISTERED_APPS)


def permissions_for(codes: list[str]) -> list[Permission]:
    """Return the permissions named by codes that exist now (migrate creates each app's in turn)."""
    wanted = {tuple(code.split(".", 1)) for code in codes}
    found = Permission.objects.filter(content_type__app_label__in={app for app, _ in wanted}).select_related(
        "content_type")
    return [p for p in found if (p.content_type.app_label, p.codename) in wanted]


def unknown_permissions() -> list[str]:
    """Return the declared codes that name no permission: a typo in some app's ``role_permissions``."""
    codes = {code for declared_codes in declared().values() for code in declared_codes}
    known = {f"{p.content_type.app_label}.{p.codename}" for p in permissions_for(sorted(codes))}
    return sorted(codes - known)


def ensure_roles(**kwargs) -> None:
    """Create the role groups and set their permissions (idempotent; runs after every migrate)."""
    codes = declared()
    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        if name == ADMINISTRATOR:
            group.permissions.set(Permission.objects.filter(content_type__app_label__in=administered_apps()))
        else:
            group.permissions.set(permissions_for(codes[name]))
