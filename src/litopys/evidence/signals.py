"""Signals other apps listen to, so that evidence never imports them."""

from django.dispatch import Signal

#: Sent after a source and its item are stored and processed; args: source, item, created.
source_ingested = Signal()
