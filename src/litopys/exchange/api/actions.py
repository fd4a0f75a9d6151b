"""Make, use and revoke API tokens: the only code that writes them."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from litopys.exchange.api.models import Scope, Token

#: Every token starts so, to be recognised in a leaked file or a secret scanner.
TOKEN_PREFIX = "litopys_"
#: How often last use is written: once a minute is enough to see a token in use, and spares a write a request.
TOUCH_EVERY = timedelta(minutes=1)


class TokenRefused(ValueError):
    """A token cannot be made for this account, with the reason and the fix."""


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def issue(user, name: str = "", scope: str = Scope.READ) -> tuple[Token, str]:
    """Make a token for a staff member; return it and the token text, which is shown this once only."""
    if not (user.is_active and user.is_staff):
        raise TokenRefused(_("%(user)s is not an active staff account; API tokens are for staff members.")
                           % {"user": user.get_username()})
    if scope not in Scope.values:
        raise TokenRefused(_("Unknown scope %(scope)r; use read or write.") % {"scope": scope})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = Token.objects.create(user=user, name=name[:100], scope=scope, prefix=raw[:len(TOKEN_PREFIX) + 8],
                                 digest=digest(raw))
    return token, raw


def revoke(token: Token) -> Token:
    """Stop a token working, for good; it stays listed with when it was last used."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def touch(token: Token) -> None:
    """Note that a token was used now (at most once a minute)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        Token.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
