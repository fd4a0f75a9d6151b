"""Who may read which source — decided here once, for every staff page, download, queue, export and API.

- Administrators (and superusers) read everything.
- A collector reads and acts on the sources they collected (owner, or collected under their name), and
  nothing else.
- Everyone else on the staff reads public and restricted sources; a *confidential* source only when they
  collected it or are a member of the dossier it is filed in. A confidential source in no dossier is read
  only by its collector and administrators.

Everything made from a source follows it: its items (and their derived copies), its claims, their review
decisions, its custody events. Other apps call these functions rather than filtering by role themselves.
"""

from __future__ import annotations

from django.db.models import Q

from litopys.evidence.models import CustodyEvent, Item, Sensitivity, Source

ADMINISTRATOR = "administrator"
COLLECTOR = "collector"
#: Roles that read beyond their own sources.
READING_ROLES = ("analyst", "reviewer", "editor", ADMINISTRATOR)


def _roles(user) -> set[str]:
    cached = getattr(user, "_litopys_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
        user._litopys_roles = cached
    return cached


def sees_everything(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or ADMINISTRATOR in _roles(user)))


def collector_only(user) -> bool:
    roles = _roles(user)
    return COLLECTOR in roles and not roles & set(READING_ROLES)


def own(user, prefix: str = "") -> Q:
    return Q(**{f"{prefix}owner": user}) | Q(**{f"{prefix}collected_by": user.get_username()})


def source_filter(user, prefix: str = "") -> Q:
    """Return the condition for the sources a person may read (``prefix`` reaches them from another model)."""
    if sees_everything(user):
        return Q()
    if not (user and user.is_authenticated and user.is_staff):
        return Q(pk__in=[])
    if collector_only(user):
        return own(user, prefix)
    confidential = Q(**{f"{prefix}sensitivity": Sensitivity.CONFIDENTIAL})
    return ~confidential | own(user, prefix) | Q(**{f"{prefix}dossier__members": user})


def readable_sources(user, queryset=None):
    queryset = Source.objects.all() if queryset is None else queryset
    return queryset.filter(source_filter(user)).distinct()


def may_read(user, source) -> bool:
    return source is not None and readable_sources(user, Source.objects.filter(pk=source.pk)).exists()


def readable_items(user, queryset=None):
    """Return the items a person may read: those of sources they may read, and the copies derived from them."""
    queryset = Item.objects.all() if queryset is None else queryset
    if sees_everything(user):
        return queryset
    readable = readable_sources(user).values("item_id")
    return queryset.filter(Q(pk__in=readable) | Q(derived_from__in=readable)).distinct()


def readable_events(user, queryset=None):
    """Return the custody events a person may read: those about items they may read, and those about none."""
    queryset = CustodyEvent.objects.all() if queryset is None else queryset
    if sees_everything(user):
        return queryset
    return queryset.filter(Q(item_hash="") | Q(item_hash__in=readable_items(user).values("sha256")))
