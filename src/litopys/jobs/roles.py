"""Hand an app's `role_permissions` to the roles the verification app keeps, until roles are assembled
from every AppConfig in one place."""

from litopys.verification import roles


def contribute_roles(config) -> None:
    """Add `config.role_permissions` to the role groups (administrator included, which holds only its
    project apps otherwise)."""
    for role, codes in getattr(config, "role_permissions", {}).items():
        if roles.ROLES.get(role) == ["*"]:
            label = config.label
            if label not in roles.PROJECT_APPS:
                roles.PROJECT_APPS = (*roles.PROJECT_APPS, label)
            continue
        extra = roles.EXTRA.setdefault(role, [])
        extra.extend(code for code in codes if code not in extra)
