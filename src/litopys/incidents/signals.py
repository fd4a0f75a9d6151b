"""Signals other apps listen to, so that incidents never imports them."""

from django.dispatch import Signal

#: Sent after the claims extracted from a source are stored; args: source, claims (a list, maybe empty).
claims_recorded = Signal()

#: Sent when a change to what a verified or corroborated claim says sent it back to review, by whatever path;
#: args: claim, from_status, changed (the names of the fields that changed).
claim_reopened = Signal()
