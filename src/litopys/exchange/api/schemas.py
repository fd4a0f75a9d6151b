"""Shapes shared by several resources, and the error every 4xx answer carries."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict

from litopys import vocab

#: The largest row id any database here stores (a signed 64-bit integer): ids beyond it are no row.
MAX_ID = 2**63 - 1


class Input(Schema):
    """What a client sends. Patterns are read with Python's `re`, as the schema's readers (schemathesis) do."""

    model_config = ConfigDict(regex_engine="python-re")


class Error(Schema):
    """What went wrong, in one line that names the input and the fix; `errors` lists each bad field."""

    detail: str
    errors: list[dict[str, Any]] = []


#: The errors any endpoint may answer: bad cursor, no token, no right, not found, bad input, too many requests.
ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error, 429: Error}
PUBLIC_ERRORS = {400: Error, 404: Error, 422: Error, 429: Error}


def answers(ok: Any, *, public: bool = False, status: int = 200, **extra: Any) -> dict:
    """Return the documented answers of an operation: `ok` on success, errors otherwise."""
    return {status: ok, **(PUBLIC_ERRORS if public else ERRORS), **{int(code[1:]): s for code, s in extra.items()}}


def codes(name: str):
    """Return a vocabulary's codes as a type, so the schema lists them (``Literal["killing", …]``)."""
    return Literal[tuple(vocab.codes(name))]


class PlaceRef(Schema):
    """A place of the gazetteer, named in the reader's language (Accept-Language: uk or en)."""

    id: int
    geonames_id: int | None
    kind: str
    name: str
    iso_code: str


def place_ref(place) -> dict | None:
    if place is None:
        return None
    return {"id": place.pk, "geonames_id": place.geonames_id, "kind": place.kind, "name": place.display_name(),
            "iso_code": place.iso_code}


def require(request, *permissions: str) -> None:
    """Refuse (403) unless the token's owner holds these permissions, as the staff site's pages require."""
    from django.core.exceptions import PermissionDenied
    from django.utils.translation import gettext as _

    missing = [code for code in permissions if not request.user.has_perm(code)]
    if missing:
        raise PermissionDenied(_("Your role does not allow this (it needs %(permission)s).")
                               % {"permission": ", ".join(missing)})


def oblast_filter():
    """The `oblast` query parameter: an ISO 3166-2 code such as UA-63 (Kharkiv Oblast)."""
    from ninja import Field

    return Field(None, max_length=6, pattern=r"^UA-\d\d$", description="An oblast's ISO code, e.g. UA-63.")


def _iso_date(value):
    """Accept a day only as YYYY-MM-DD (not a number of seconds, which pydantic would otherwise take)."""
    import re

    if isinstance(value, date) or (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        return value
    raise ValueError("write the day as YYYY-MM-DD")


#: A day written YYYY-MM-DD.
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
