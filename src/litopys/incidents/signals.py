"""Signals other apps listen to, so that incidents never imports them."""

from django.dispatch import Signal

#: Sent after the claims extracted from a source are stored; args: source, claims (a list, maybe empty).
claims_recorded = Signal()
