"""The login between its two steps: a user whose password was right, waiting to give a code.

Nobody is logged in until the second step succeeds: the password step only remembers, in the (anonymous)
session, who gave a right password and when. `finish` logs the user in and records how, so the middleware
can tell a session opened with a second factor from one opened with a password alone.
"""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login

PENDING = "litopys_login_pending"
#: How this session was opened: "password" (an account that needs no code) or "two-factor".
OPENED_WITH = "litopys_login"
#: Seconds between the right password and the code before the password must be given again.
MAX_AGE = 600


def start(request, user, next_url: str) -> None:
    request.session[PENDING] = {"user": user.pk, "backend": user.backend, "at": time.time(), "next": next_url}


def pending(request):
    """Return (user, backend, next URL) of the login waiting for its code, or None."""
    data = request.session.get(PENDING)
    if not data or time.time() - data["at"] > MAX_AGE:
        return None
    user = get_user_model()._default_manager.filter(pk=data["user"], is_active=True).first()
    if user is None:
        return None
    return user, data["backend"], data["next"]


def finish(request, user, backend: str, device=None) -> None:
    """Log the user in (after a code, or for an account that needs none) and record how."""
    request.session.pop(PENDING, None)
    auth_login(request, user, backend)
    if device is not None:
        otp_login(request, device)
    request.session[OPENED_WITH] = "two-factor" if device is not None else "password"


def verified_now(request, device) -> None:
    """Mark a logged-in session as verified by a device just enrolled."""
    otp_login(request, device)
    request.session[OPENED_WITH] = "two-factor"


def safe_next(request, url: str | None, default: str) -> str:
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return default
