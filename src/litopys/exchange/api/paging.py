"""Cursor pagination: pages in the order of ids, each pointing at the next with an opaque cursor.

A cursor survives new rows being added (nothing is skipped or shown twice, unlike page numbers) and costs
one indexed look-up however deep a client reads.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import HttpError

from litopys.exchange.api.schemas import Input

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class PageQuery(Input):
    cursor: str = Field(None, pattern=r"^[0-9a-z]{1,12}$",
                        description="The `next_cursor` of the previous page; leave out for the first page.")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}.")


def encode(after: int) -> str:
    """Write a position as a cursor; clients treat it as opaque (its form may change with the version)."""
    digits, text = "0123456789abcdefghijklmnopqrstuvwxyz", ""
    while True:
        after, rest = divmod(after, 36)
        text = digits[rest] + text
        if not after:
            return text


def decode(cursor: str | None) -> int:
    """Return the id a cursor points after (0 for the first page); a cursor not made here is a 400."""
    if not cursor:
        return 0
    try:
        return min(int(cursor, 36), 2**62)
    except ValueError:
        raise HttpError(400, _("The cursor %(cursor)r was not made by this API; use the next_cursor of a page, "
                               "or leave it out for the first page.") % {"cursor": cursor[:64]}) from None


def next_url(request, cursor: str) -> str:
    query = request.GET.copy()
    query["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(request, rows, page: PageQuery, serialize: Callable) -> dict:
    """Return one page of a queryset in id order: {items, next_cursor, next}."""
    found = list(rows.filter(pk__gt=decode(page.cursor)).order_by("pk")[:page.limit + 1])
    return finish(request, found[:page.limit], len(found) > page.limit, serialize)


def paginate_shown(request, rows, page: PageQuery, show: Callable, chunk: int = 100) -> dict:
    """Like `paginate`, for rows of which only some may be shown: `show(row)` returns the item or None."""
    after, items, last, more = decode(page.cursor), [], None, False
    while len(items) <= page.limit:
        batch = list(rows.filter(pk__gt=after).order_by("pk")[:chunk])
        for row in batch:
            item = show(row)
            if item is None:
                continue
            if len(items) == page.limit:
                more = True
                break
            items.append(item)
            last = row.pk
        if more or len(batch) < chunk:
            break
        after = batch[-1].pk
    return {"items": items, "next_cursor": encode(last) if more else None,
            "next": next_url(request, encode(last)) if more else None}


def finish(request, rows: list, more: bool, serialize: Callable) -> dict:
    cursor = encode(rows[-1].pk) if more and rows else None
    return {"items": [serialize(row) for row in rows], "next_cursor": cursor,
            "next": next_url(request, cursor) if cursor else None}


def page_schema(name: str, item: type) -> type:
    """Return the schema of a page of `item`s."""
    return type(name, (Schema,), {"__annotations__": {"items": list[item], "next_cursor": str | None,
                                                      "next": str | None},
                                  "__doc__": "One page of results; follow `next` until it is null."})
