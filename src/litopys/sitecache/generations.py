"""Generation numbers that key every cached piece of the public site, so one bump invalidates them all.

Three kinds live in the default cache, which every worker process shares:

- the *record* generation: bumped when a row public pages are drawn from changes (each app lists its own in
  its AppConfig's ``record_models``, see ``sitecache.invalidation``); it keys the rendered directive HTML;
- the *site* generation: bumped when a post is saved, a comment approved, or the record generation moves;
  it keys the page cache, related posts and rendered bodies;
- one generation per *part* of a page (``part_key("post:12")``): bumped when, say, a reader rates a post, so
  a vote re-renders that post only.

A generation is the time of its bump in nanoseconds: it never goes back, even when the cache lost the key,
and it doubles as the Last-Modified time of what it keys. The site generation also carries the moment the
next scheduled thing falls due (apps name the function that says when in their AppConfig's
``sitecache_next_due``), so the first request after that moment starts a new generation and a scheduled
post appears on every page at once.
"""

import functools
import time

from django.core.cache import cache
from django.db import connection, transaction

SITE = "sitecache:gen:site"
#: Not a key of its own: bumping it bumps the site generation and looks again for the next scheduled post.
SCHEDULE = "sitecache:gen:site+schedule"
RECORD = "sitecache:gen:record"
PART = "sitecache:gen:part:%s"


def part_key(name: str) -> str:
    """Return the generation key of one part of a page, e.g. ``part_key("post:12")`` for a post's rating."""
    return PART % name


def _fresh() -> int:
    return time.time_ns()


def next_due() -> float | None:
    """Return when the next scheduled thing falls due (a Unix time), or None: the earliest any app names."""
    from litopys.sitecache.invalidation import due_functions

    times = [when for when in (due() for due in due_functions()) if when is not None]
    return min(times, default=None)


def _bump_site_now(schedule_changed: bool = True) -> int:
    value = _fresh()
    current = None if schedule_changed else cache.get(SITE)
    due = current[1] if current is not None else next_due()
    cache.set(SITE, (value, due), None)
    return value


def _bump_now(key: str) -> None:
    if key == SITE:
        _bump_site_now(schedule_changed=False)
    elif key == SCHEDULE:
        _bump_site_now()
    elif key == RECORD:
        cache.set(RECORD, _fresh(), None)
        _bump_site_now(schedule_changed=False)
    else:
        cache.set(key, _fresh(), None)


def bump(key: str) -> None:
    """Start a new generation now and again when the current transaction commits.

    The second bump matters: a worker that read the first number while the transaction was open rendered
    the old rows, and what it stored under that number must not outlive the commit. Inside one transaction
    the commit-time bump is asked for once per key, however many rows change.
    """
    _bump_now(key)
    if not connection.in_atomic_block:
        return
    if any(getattr(func, "litopys_generation", None) == key for _, func, _ in connection.run_on_commit):
        return
    later = functools.partial(_bump_now, key)
    later.litopys_generation = key
    transaction.on_commit(later)


def bump_site(schedule_changed: bool = False) -> None:
    bump(SCHEDULE if schedule_changed else SITE)


def bump_record() -> None:
    bump(RECORD)


def bump_part(name: str) -> None:
    bump(part_key(name))


def site_generation() -> int:
    """Return the site generation, starting a new one when the cache lost it or a scheduled post fell due."""
    current = cache.get(SITE)
    if current is None or (current[1] is not None and time.time() >= current[1]):
        return _bump_site_now()
    return current[0]


def site_generation_for(request) -> int:
    """Return the site generation read once per request (by `http.public_page`), or read it now."""
    return getattr(request, "litopys_site_generation", None) or site_generation()


def generation(key: str) -> int:
    """Return the record or a post generation, starting one when the cache holds none."""
    value = cache.get(key)
    if value is None:
        value = _fresh()
        if not cache.add(key, value, None):
            value = cache.get(key) or value
    return value


def record_generation() -> int:
    return generation(RECORD)


def part_generation(name: str) -> int:
    return generation(part_key(name))
