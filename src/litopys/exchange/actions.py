"""Changes the exchange makes: an evidence package leaves the organisation (an `exported` custody event)."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model

from litopys.exchange.packages.build import Built, PackageBuildError, build_package
from litopys.exchange.packages.contents import Scope, gather


def exporter(username: str):
    """Return the active staff account that exports, whose rights decide what a package holds."""
    user = get_user_model().objects.filter(username=username).first() if username else None
    if user is None or not user.is_active or not user.is_staff:
        raise PackageBuildError(f"{username!r} is not an active staff account; give --by the user name of the "
                                "staff member who exports (their rights decide what the package holds)")
    return user


def export_package(scope: Scope, user, recipient: str, target: Path, include_confidential: bool = False,
                   progress=None) -> Built:
    """Write an evidence package of what this person may read, and record in the custody ledger that it left,
    for whom."""
    recipient = " ".join((recipient or "").split())
    if not recipient:
        raise PackageBuildError("say who receives the package (--recipient \"Office of the Prosecutor General\"): "
                                "the custody ledger records it")
    contents = gather(scope, user, include_confidential=include_confidential)
    return build_package(contents, Path(target), user.get_username(), recipient, progress=progress)
