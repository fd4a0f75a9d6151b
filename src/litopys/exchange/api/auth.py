"""Personal tokens on staff endpoints: `Authorization: Bearer litopys_…`, acting as their owner with the owner's
role; a read-only token is refused on writes. Failed tokens count against the address's rate limit, so that
guessing them is slow."""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from litopys.exchange.api import actions, limits, selectors
from litopys.exchange.api.models import Scope


class Refused(HttpError):
    """A request without a valid token (401)."""

    def __init__(self, message: str):
        super().__init__(401, message)


class TooMany(HttpError):
    def __init__(self):
        super().__init__(429, _("Too many requests with a wrong token from this address; wait a minute."))


class TokenAuth(HttpBearer):
    """Authenticate a staff member by personal API token; `write=True` also requires the write scope."""

    def __init__(self, write: bool = False):
        super().__init__()
        self.write = write

    def __call__(self, request):
        header = request.headers.get(self.header, "")
        if not header:
            raise Refused(_("This endpoint is for staff: send 'Authorization: Bearer <token>'; a token is made "
                            "with `litopys api-token USERNAME` or on the staff site under API tokens."))
        scheme, _space, credentials = header.partition(" ")
        if scheme.lower() != self.openapi_scheme.lower() or not credentials.strip():
            raise Refused(_("Send the token as 'Authorization: Bearer <token>'."))
        return self.authenticate(request, credentials.strip())

    def authenticate(self, request, token: str):
        found = selectors.token_for(token)
        if found is None:
            if limits.over_anonymous_limit(request, "failed-token"):
                raise TooMany()
            raise Refused(_("This token is unknown, revoked, or its account is no longer on the staff; make a "
                            "new one with `litopys api-token USERNAME`."))
        if self.write and found.scope != Scope.WRITE:
            raise HttpError(403, _("This token may only read; writing needs a token made with --scope write."))
        actions.touch(found)
        request.user = found.user
        return found


#: Staff reads, and staff writes.
read = TokenAuth()
write = TokenAuth(write=True)
