"""Load the demo dossier that the repository carries, through the same ingest as any collector."""

import secrets
from datetime import date
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from litopys.core.accounts.actions import AUTHENTICATOR, new_recovery_codes, secret_text
from litopys.evidence.hashing import digest_file
from litopys.evidence.ingest import SourceFacts, ingest_stream
from litopys.evidence.models import Source

DOSSIER = Path(__file__).resolve().parent / "dossier"
DEMO_COLLECTOR = "Litopys demo"


def manifest() -> list[dict]:
    with open(DOSSIER / "dossier.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)["sources"]


def load_dossier() -> list[tuple[str, str]]:
    """Ingest every source of the dossier not yet held; return (file, status) pairs."""
    done = []
    for entry in manifest():
        path = DOSSIER / entry["file"]
        if Source.objects.filter(item__sha256=digest_file(path), title=entry["title"]).exists():
            done.append((entry["file"], "held"))
            continue
        published = entry.get("published")
        facts = SourceFacts(
            kind=entry["kind"], title=entry["title"], publisher=entry.get("publisher", ""),
            published=published if isinstance(published, date) else None,
            collected_by=DEMO_COLLECTOR, collection_method="demo dossier",
            sensitivity=entry.get("sensitivity", "restricted"))
        with open(path, "rb") as handle:
            result = ingest_stream(handle, path.name, facts, label=str(path))
        done.append((entry["file"], result.status))
    return done


def demo_staff_account(username: str = "demo") -> tuple[str, str]:
    """Create or reset the demo staff account; return its user name and a fresh password."""
    password = secrets.token_urlsafe(12)
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": ""})
    user.is_staff = True
    user.is_superuser = True
    user.set_password(password)
    user.save()
    return username, password


def demo_second_factor(username: str = "demo") -> tuple[str, list[str]]:
    """Give the demo account (a superuser, so it needs a second factor) a fresh authenticator and recovery codes.

    Return the authenticator's secret, for an app, and the recovery codes, for a newcomer without one.
    """
    user = get_user_model().objects.get(username=username)
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
    device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=True)
    return secret_text(device), new_recovery_codes(user)
