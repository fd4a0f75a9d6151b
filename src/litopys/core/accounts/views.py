"""The staff site's login in two steps, enrolment of an authenticator app, recovery codes, password reset."""

import segno
from axes.handlers.proxy import AxesProxyHandler
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import REDIRECT_FIELD_NAME, user_login_failed
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_static.models import StaticDevice

from litopys.core.accounts import actions, login, policy
from litopys.core.accounts.forms import CodeForm, EnrolForm
from litopys.core.accounts.lockout import locked_out


class StaffSiteContext:
    """Give a view's template what the admin's templates expect (site header, links)."""

    def get_context_data(self, **kwargs):
        return {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}


def staff_render(request, template: str, title: str, status: int = 200, **context):
    return render(request, template, {**admin.site.each_context(request), "title": title, "subtitle": None,
                                      **context}, status=status)


class PasswordStep(StaffSiteContext, auth_views.LoginView):
    """The first step: the password. Accounts that need a code go on to it, still logged out."""

    form_class = AdminAuthenticationForm
    template_name = "admin/login.html"
    next_page = "admin:index"

    def get(self, request, *args, **kwargs):
        if request.user.is_active and request.user.is_staff:
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(title=_("Log in"), subtitle=None, app_path=self.request.get_full_path(),
                       username=self.request.user.get_username())
        if REDIRECT_FIELD_NAME not in self.request.GET and REDIRECT_FIELD_NAME not in self.request.POST:
            context[REDIRECT_FIELD_NAME] = reverse("admin:index")
        return context

    def form_valid(self, form):
        user = form.get_user()
        if not policy.asks_for_code(user):
            login.finish(self.request, user, user.backend)
            return redirect(self.get_success_url())
        login.start(self.request, user, self.get_success_url())
        return redirect("staff-login-code" if policy.has_second_factor(user) else "staff-enrol")


@method_decorator(never_cache, name="dispatch")
class CodeStep(View):
    """The second step: a code from the authenticator app, or a recovery code."""

    template = "registration/two_factor_code.html"

    def dispatch(self, request, *args, **kwargs):
        self.waiting = login.pending(request)
        if self.waiting is None:
            messages.info(request, _("Please log in again: the time to enter the code ran out."))
            return redirect("admin:login")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.page(request, CodeForm())

    def post(self, request):
        user, backend, next_url = self.waiting
        credentials = {"username": user.get_username()}
        if AxesProxyHandler.is_locked(request, credentials):
            return locked_out(request, credentials=credentials)
        form = CodeForm(request.POST)
        if not form.is_valid():
            return self.page(request, form)
        wait = actions.throttled_for(user)
        device = None if wait else actions.verify_code(user, form.cleaned_data["code"])
        if device is None:
            # A wrong code, or one tried too soon after a wrong one, counts as a failed login: guessing codes
            # ends in the same lockout as guessing passwords.
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            form.add_error("code", ngettext(
                "Too many wrong codes: wait %(n)d second, then try again.",
                "Too many wrong codes: wait %(n)d seconds, then try again.", wait) % {"n": wait} if wait else _(
                "This code is wrong or has expired. Enter the code the app shows now, or one of your recovery codes."))
            return self.page(request, form, status=403)
        login.finish(request, user, backend, device)
        if isinstance(device, StaticDevice):
            left = policy.recovery_codes_left(user)
            messages.warning(request, ngettext(
                "You logged in with a recovery code; %(n)d is left. Make new ones under “Two-factor authentication”.",
                "You logged in with a recovery code; %(n)d are left. Make new ones under “Two-factor authentication”.",
                left) % {"n": left})
        return redirect(next_url)

    def page(self, request, form, status=200):
        user = self.waiting[0]
        return staff_render(request, self.template, _("Two-factor authentication"), status=status, form=form,
                            username=user.get_username())


@method_decorator(never_cache, name="dispatch")
class Enrol(View):
    """Set up an authenticator app: a QR code and its secret as text, then one code from the app to confirm."""

    template = "registration/two_factor_enrol.html"

    def dispatch(self, request, *args, **kwargs):
        self.waiting = login.pending(request)
        if self.waiting is not None:
            self.user = self.waiting[0]
            if policy.has_second_factor(self.user):
                return redirect("staff-login-code")
        elif request.user.is_authenticated and request.user.is_staff:
            self.user = request.user
            if policy.has_authenticator(self.user) and not self.user.is_verified():
                return redirect("staff-two-factor")
        else:
            return redirect(f"{reverse('admin:login')}?{urlencode({REDIRECT_FIELD_NAME: reverse('staff-enrol')})}")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.page(request, EnrolForm())

    def post(self, request):
        form = EnrolForm(request.POST)
        device = actions.pending_authenticator(self.user)
        codes = actions.confirm_authenticator(device, form.cleaned_data["code"]) if form.is_valid() else None
        if codes is None:
            form.add_error("code", _("This code does not match. Check that the app shows the code for "
                                     "“Litopys”, and enter the one it shows now."))
            return self.page(request, form)
        device.refresh_from_db()
        if self.waiting is not None:
            next_url = self.waiting[2]
            login.finish(request, self.user, self.waiting[1], device)
        else:
            next_url = login.safe_next(request, request.GET.get(REDIRECT_FIELD_NAME), reverse("admin:index"))
            login.verified_now(request, device)
        request.session[NEW_CODES] = codes
        return redirect(f"{reverse('staff-recovery-codes')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")

    def page(self, request, form):
        device = actions.pending_authenticator(self.user)
        qr = segno.make(device.config_url, error="m").svg_inline(
            scale=5, border=2, title=_("QR code for your authenticator app"))
        return staff_render(request, self.template, _("Set up two-factor authentication"), form=form, qr=qr,
                            secret=actions.secret_text(device), username=self.user.get_username(),
                            required=policy.must_have_second_factor(self.user))


#: Recovery codes just made, shown once on the next page and then forgotten by the session.
NEW_CODES = "litopys_new_recovery_codes"


@method_decorator(never_cache, name="dispatch")
@method_decorator(staff_member_required, name="dispatch")
class RecoveryCodes(View):
    """Show new recovery codes once; make new ones on request (which ends the old ones)."""

    template = "registration/recovery_codes.html"

    def get(self, request):
        if not request.user.is_verified():
            return redirect("staff-two-factor")
        return self.page(request, request.session.pop(NEW_CODES, None))

    def post(self, request):
        if not request.user.is_verified():
            return redirect("staff-two-factor")
        return self.page(request, actions.new_recovery_codes(request.user))

    def page(self, request, codes):
        next_url = login.safe_next(request, request.GET.get(REDIRECT_FIELD_NAME), reverse("admin:index"))
        return staff_render(request, self.template, _("Recovery codes"), codes=codes, next_url=next_url,
                            left=policy.recovery_codes_left(request.user))


@method_decorator(staff_member_required, name="dispatch")
class Status(View):
    """Where a staff member sees whether their account has two-factor authentication, and changes it."""

    def get(self, request):
        user = request.user
        return staff_render(request, "registration/two_factor.html", _("Two-factor authentication"),
                            enrolled=policy.has_authenticator(user), required=policy.must_have_second_factor(user),
                            verified=user.is_verified(), left=policy.recovery_codes_left(user))


class PasswordReset(StaffSiteContext, auth_views.PasswordResetView):
    pass


class PasswordResetDone(StaffSiteContext, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirm(StaffSiteContext, auth_views.PasswordResetConfirmView):
    pass


class PasswordResetComplete(StaffSiteContext, auth_views.PasswordResetCompleteView):
    pass
