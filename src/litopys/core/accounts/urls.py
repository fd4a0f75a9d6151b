"""The staff site's login, two-factor and password-reset pages, mounted under /staff/ before the admin."""

from django.urls import path

from litopys.core.accounts import views

urlpatterns = [
    # Shadows the admin's own login (admin:login names the same address), so it is the only way in.
    path("login/", views.PasswordStep.as_view(), name="staff-login"),
    path("login/code/", views.CodeStep.as_view(), name="staff-login-code"),
    path("two-factor/", views.Status.as_view(), name="staff-two-factor"),
    path("two-factor/enrol/", views.Enrol.as_view(), name="staff-enrol"),
    path("two-factor/recovery-codes/", views.RecoveryCodes.as_view(), name="staff-recovery-codes"),
    path("password-reset/", views.PasswordReset.as_view(), name="admin_password_reset"),
    path("password-reset/sent/", views.PasswordResetDone.as_view(), name="password_reset_done"),
    path("password-reset/<uidb64>/<token>/", views.PasswordResetConfirm.as_view(), name="password_reset_confirm"),
    path("password-reset/done/", views.PasswordResetComplete.as_view(), name="password_reset_complete"),
]
