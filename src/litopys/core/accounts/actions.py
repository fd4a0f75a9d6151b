"""Every change to a staff account's second factor: enrol an authenticator, confirm it, recovery codes, reset.

Views and the `litopys staff` command call these; each change is logged on the `litopys.security` logger.
"""

import logging
from base64 import b32encode

from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

log = logging.getLogger("litopys.security")
RECOVERY_CODES = 10
AUTHENTICATOR = "authenticator"
RECOVERY = "recovery codes"


def pending_authenticator(user) -> TOTPDevice:
    """Return the user's unconfirmed authenticator, creating it, so a reload shows the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """Return the device's secret as an authenticator app asks for it: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def normalise(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


@transaction.atomic
def confirm_authenticator(device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm an authenticator with its first code; replace older devices; return fresh recovery codes.

    Returns None (and changes nothing but the device's throttle) when the code is wrong.
    """
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(normalise(code)):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(device.user)
    log.info("two-factor: %s enrolled an authenticator app", device.user.get_username())
    return codes


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODES new single-use ones; return them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    log.info("two-factor: new recovery codes for %s", user.get_username())
    return codes


def verify_code(user, code: str):
    """Return the device that accepts code (six digits from the app, or a recovery code), or None.

    A code goes to the kind of device it can belong to, so a recovery code never counts as a wrong app code.
    Each device throttles wrong codes itself (django-otp: 1, 2, 4, … seconds before the next try).
    """
    code = normalise(code)
    if not code:
        return None
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            if device.verify_token(code):
                return device
    return None


def throttled_for(user) -> int:
    """Return how many seconds the user must wait before another code is tried (0: none)."""
    from django.utils import timezone

    waits = []
    for device in devices_for_user(user):
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            waits.append(int((data["locked_until"] - timezone.now()).total_seconds()) + 1)
    return max(waits, default=0)


@transaction.atomic
def reset_second_factor(user, by: str) -> int:
    """Remove every device of the user, so they enrol again at their next login; return how many."""
    removed = 0
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
        removed += 1
    log.warning("two-factor: %s removed %d device(s) of %s; they enrol again at their next login",
                by, removed, user.get_username())
    return removed
