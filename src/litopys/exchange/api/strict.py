"""Unknown query parameters are refused (422) rather than ignored: a misspelt filter (`?oblst=UA-63`) would
otherwise answer with everything, unfiltered, and look like an answer."""

from __future__ import annotations

import functools
import typing

from django.utils.translation import gettext as _
from ninja.errors import ValidationError
from pydantic import BaseModel


def query_names(view) -> frozenset[str]:
    """Return the query parameters an operation declares (the fields of its Query[...] schemas)."""
    names = set()
    for hint in typing.get_type_hints(view, include_extras=True).values():
        if typing.get_origin(hint) is typing.Annotated:
            model, *markers = typing.get_args(hint)
            if any(type(marker).__name__ == "Query" for marker in markers) and issubclass(model, BaseModel):
                names.update(field.alias or name for name, field in model.model_fields.items())
    return frozenset(names)


def closed_query(view):
    """Refuse a request naming a query parameter the operation does not declare."""
    allowed = query_names(view)

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        unknown = sorted(set(request.GET) - allowed)
        if unknown:
            known = ", ".join(sorted(allowed)) or _("none")
            raise ValidationError([{"loc": ("query", unknown[0]),
                                    "msg": _("unknown parameter; this endpoint takes: %(known)s") % {"known": known}}])
        return view(request, *args, **kwargs)

    return checked
