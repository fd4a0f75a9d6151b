"""Keep a session that our login opened without a second factor from the staff site once one is needed.

This happens when an account gets a role that requires two-factor authentication while logged in, when an
administrator resets its devices (`litopys staff 2fa-reset`), or when it enrolled an app in another session.
Sessions opened before this version are ended by a migration (core 0001), so every session in use was opened
by the two-step login and carries its mark (login.OPENED_WITH).
"""

from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from litopys.core.accounts import login, policy

#: Pages a session waiting for its second factor may still open.
OPEN = {"staff-login", "staff-login-code", "staff-enrol", "staff-two-factor", "logout", "admin_password_reset",
        "password_reset_done", "password_reset_confirm", "password_reset_complete"}


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.redirect(request) or self.get_response(request)

    def redirect(self, request):
        if request.session.get(login.OPENED_WITH) is None:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not (policy.must_have_second_factor(user) or policy.has_second_factor(user)) or is_open(request):
            return None
        query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
        if policy.has_second_factor(user):
            logout(request)
            return redirect(f"{reverse('admin:login')}?{query}")
        return redirect(f"{reverse('staff-enrol')}?{query}")


def is_open(request) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.url_name in OPEN
