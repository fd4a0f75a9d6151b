"""django-axes wiring: whose address a failed login counts against, and the page a locked account sees."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext as _

from litopys.core.proxy import client_address as reader_address


def client_address(request) -> str | None:
    """Return the reader's address by the same rule as the rest of the site (LITOPYS_TRUSTED_PROXIES)."""
    return reader_address(request.META) or None


def locked_out(request, original_response=None, credentials=None):
    """Answer a locked account: 429, in the staff site's look, saying how long and who can unlock it."""
    context = {**admin.site.each_context(request), "title": _("Too many failed logins"),
               "minutes": settings.LITOPYS_LOCKOUT_MINUTES, "attempts": settings.LITOPYS_LOGIN_ATTEMPTS}
    return render(request, "registration/locked_out.html", context, status=429)
