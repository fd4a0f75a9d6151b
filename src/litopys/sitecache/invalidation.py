"""Invalidation each app declares for its own models, read from the AppConfigs once at start-up.

An app lists, in its AppConfig:

- ``record_models``: ``{"app_label.Model": None or "dotted.path.to.predicate"}`` — rows that public pages
  are drawn from; saving or deleting one starts a new record generation. A predicate ``(instance, created)
  -> bool`` limits saves to those that can change a page (a source changes pages only once a claim cites it);
- ``sitecache_next_due``: the dotted path of a function returning when its next scheduled thing falls due
  (a Unix time) or None;
- ``personal_cookies``: cookies that make a request one reader's own (never answered from, nor stored into,
  the page cache).

The sitecache knows no other app's models by name: it connects what they declare.
"""

import functools

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.utils.module_loading import import_string

from litopys.sitecache import generations


def declared(attribute: str) -> list:
    """Return what every installed app declares under ``attribute`` (dicts merged, lists joined)."""
    found = []
    for config in apps.get_app_configs():
        value = getattr(config, attribute, None)
        if isinstance(value, dict):
            found.extend(value.items())
        elif isinstance(value, (list, tuple)):
            found.extend(value)
        elif value:
            found.append(value)
    return found


@functools.cache
def due_functions() -> tuple:
    return tuple(import_string(path) for path in declared("sitecache_next_due"))


@functools.cache
def personal_cookies() -> frozenset[str]:
    return frozenset(declared("personal_cookies"))


def _record_changed(sender, **kwargs):
    generations.bump_record()


def _guarded(predicate):
    def changed(sender, instance, created=False, **kwargs):
        if predicate(instance, created):
            generations.bump_record()

    return changed


def connect() -> None:
    """Connect every declared record model to the record generation."""
    for label, predicate_path in declared("record_models"):
        model = apps.get_model(label)
        uid = f"litopys.sitecache.record.{label}"
        saved = _guarded(import_string(predicate_path)) if predicate_path else _record_changed
        post_save.connect(saved, sender=model, dispatch_uid=f"{uid}.save", weak=False)
        post_delete.connect(_record_changed, sender=model, dispatch_uid=f"{uid}.delete")
