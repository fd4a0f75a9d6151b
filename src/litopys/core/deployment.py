"""Django's deployment checks with Litopys's settings, each problem told as the setting that fixes it."""

from django.conf import settings
from django.core import checks
from django.test.utils import override_settings
from django.utils.translation import gettext as _


def _fixes() -> dict[str, str]:
    https = _("serve the site over HTTPS (behind a proxy: LITOPYS_TRUSTED_PROXIES) and set LITOPYS_HTTPS=1")
    return {
        "security.W004": _("set LITOPYS_HSTS_SECONDS to e.g. 31536000 (it is 0)"),
        "security.W005": _("set LITOPYS_HSTS_INCLUDE_SUBDOMAINS=1 if every subdomain is served over HTTPS"),
        "security.W008": https,
        "security.W012": https,
        "security.W016": https,
        "security.W009": _("set LITOPYS_SECRET_KEY to 50 or more random characters, or unset it to have one "
                           "generated in LITOPYS_HOME"),
        "security.W018": _("unset LITOPYS_DEBUG (`litopys serve` turns it off anyway)"),
        "security.W020": _("set LITOPYS_ALLOWED_HOSTS to the site's host name"),
        "security.W021": _("set LITOPYS_HSTS_PRELOAD=1 only when the domain is to be on browsers' preload lists"),
    }


@checks.register(checks.Tags.security, deploy=True)
def https_needs_a_proxy(app_configs=None, **kwargs):
    """`litopys serve` speaks plain HTTP: LITOPYS_HTTPS=1 without a trusted proxy would redirect every request."""
    if settings.LITOPYS_HTTPS and not settings.LITOPYS_TRUSTED_PROXIES:
        return [checks.Warning(
            _("LITOPYS_HTTPS=1 but no trusted proxy: litopys serve speaks plain HTTP, so every request would be "
              "redirected to HTTPS and none would arrive."),
            hint=_("put an HTTPS proxy in front and set LITOPYS_TRUSTED_PROXIES=1"), id="litopys.W001")]
    return []


def problems() -> list[str]:
    """Return one line per deployment problem with the settings in force, DEBUG off as `litopys serve` runs."""
    with override_settings(DEBUG=False):
        found = checks.run_checks(include_deployment_checks=True)
    fixes = _fixes()
    lines = []
    for message in found:
        if message.level < checks.WARNING or message.is_silenced():
            continue
        fix = fixes.get(message.id) or message.hint or str(message.msg).splitlines()[0]
        lines.append(f"{message.id}: {fix}")
    return lines
