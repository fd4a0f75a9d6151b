"""Which token a request presents, and whose tokens a person may see."""

from __future__ import annotations

from litopys.evidence.access import sees_everything
from litopys.exchange.api.actions import TOKEN_PREFIX, digest
from litopys.exchange.api.models import Token


def token_for(raw: str) -> Token | None:
    """Return the live token with this text, of an active staff account; None for anything else."""
    raw = (raw or "").strip()
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    token = Token.objects.select_related("user").filter(digest=digest(raw), revoked_at__isnull=True).first()
    if token is None or not (token.user.is_active and token.user.is_staff):
        return None
    return token


def tokens_for(user):
    """Return the tokens a person may see: their own, or everyone's for administrators."""
    tokens = Token.objects.select_related("user")
    return tokens if sees_everything(user) else tokens.filter(user=user)
