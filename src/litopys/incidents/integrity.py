"""A verified claim stays verified only while it says what its reviewers checked.

When a claim is verified, its *substance* — value, bounds, qualifiers, kind, what it is about (incident, site,
place), who said it, when, and the words it quotes — is sealed with a keyed hash (HMAC-SHA256 under a key
derived from the site's secret key, which lives outside the database). Whatever changes the substance
afterwards — the admin, a history revert, the shell, a bulk update, a hand-edited database — the seal no
longer matches, and everything that reads claims for figures treats the claim as needing review. The model
also resets the status itself on every save, and refuses bulk changes and deletion of decided claims.
"""

from __future__ import annotations

import hashlib
import hmac
import json

from django.conf import settings

#: The fields whose change means reviewers must look again.
SUBSTANCE = ("kind", "min", "max", "approximate", "qualifiers", "place_id", "place_name", "incident_id",
             "site_id", "attributed_to_id", "stated_on", "refers_to", "quote", "start", "end", "source_id")


class ClaimChangeRefused(Exception):
    """A change that would bypass review: the message says what to do instead."""


def substance(claim) -> dict:
    """Return what a claim says, as plain values in a fixed order."""
    values = {}
    for name in SUBSTANCE:
        value = getattr(claim, name)
        values[name] = value.isoformat() if hasattr(value, "isoformat") else value
    values["qualifiers"] = dict(sorted((claim.qualifiers or {}).items()))
    return values


def _key() -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), b"litopys.incidents.claim-seal", hashlib.sha256).digest()


def seal(claim) -> str:
    """Return the seal of a claim's current substance (and its id)."""
    payload = json.dumps({"id": claim.pk, **substance(claim)}, sort_keys=True, ensure_ascii=False, default=str)
    return hmac.new(_key(), payload.encode(), hashlib.sha256).hexdigest()


def sealed(claim) -> bool:
    """Tell whether a claim still says what was sealed when it was verified."""
    return bool(claim.verified_seal) and hmac.compare_digest(claim.verified_seal, seal(claim))


def changed_fields(before: dict, after: dict) -> list[str]:
    return [name for name in SUBSTANCE if before.get(name) != after.get(name)]
