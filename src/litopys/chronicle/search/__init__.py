"""Site search over published posts, through the backend of the database in use (see ``backends``), and over
the public record (``records``).

Directive placeholders carry no text, so an index never holds a figure's number.
"""

import functools
import re

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from litopys.chronicle.search.backends.base import Hit, marked, plain_text

LIMIT = 50
#: The backend of each database, when LITOPYS_SEARCH_BACKEND does not name one.
BACKENDS = {"sqlite": "litopys.chronicle.search.backends.sqlite.SqliteSearch",
            "postgresql": "litopys.chronicle.search.backends.postgresql.PostgresSearch"}
_TERM = re.compile(r"\w+")

__all__ = ["Hit", "backend", "index_post", "marked", "plain_text", "remove_post", "search", "terms"]


@functools.cache
def _backend(path: str):
    return import_string(path)()


def backend():
    """Return the search backend: LITOPYS_SEARCH_BACKEND, else the one made for the database in use."""
    return _backend(settings.LITOPYS_SEARCH_BACKEND or BACKENDS[connection.vendor])


def terms(query: str) -> list[str]:
    return _TERM.findall((query or "").lower())[:12]


def index_post(post) -> None:
    backend().index_post(post)


def remove_post(post_id: int) -> None:
    backend().remove_post(post_id)


def search(query: str, limit: int = LIMIT) -> list[Hit]:
    """Return published posts matching every word of ``query`` (as written or romanised: "Ізюм" finds "Izium"),
    best first, with a marked snippet."""
    from litopys.chronicle.search.records import variants

    words = terms(query)
    return backend().search([variants(word) for word in words], limit) if words else []
