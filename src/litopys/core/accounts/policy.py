"""Who must prove a second factor at login, and whether an account can."""

from django.conf import settings
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice


def must_have_second_factor(user) -> bool:
    """Superusers and the roles in LITOPYS_TWO_FACTOR_ROLES (reviewer, editor, administrator) must."""
    if user.is_anonymous:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.LITOPYS_TWO_FACTOR_ROLES).exists()


def has_authenticator(user) -> bool:
    """Tell whether the account has a confirmed authenticator app (recovery codes alone do not count)."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def has_second_factor(user) -> bool:
    return user_has_device(user, confirmed=True)


def asks_for_code(user) -> bool:
    """After the password: a code is asked of everyone with a device, and of everyone who must have one."""
    return has_second_factor(user) or must_have_second_factor(user)


def recovery_codes_left(user) -> int:
    return sum(device.token_set.count() for device in devices_for_user(user)
               if hasattr(device, "token_set"))
