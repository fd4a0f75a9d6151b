"""The API object: its routers, its errors as JSON, validators (ETag) on public answers, and rate limits."""

from __future__ import annotations

import hashlib

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError

from litopys.exchange.api.limits import RateLimit
from litopys.exchange.api.strict import closed_query

#: Seconds a client or shared cache may keep a public answer (revalidated with If-None-Match after).
PUBLIC_MAX_AGE = 60

DESCRIPTION = """Public, read-only endpoints return exactly what the public site shows: published posts and
incidents, their sites, verified figures (public sources named, others counted), and places. Staff endpoints
(under /staff/) need a personal token (`Authorization: Bearer litopys_…`) and follow the staff site's role
rules. Lists are paged with cursors; errors are JSON with a one-line `detail`. See docs/api.md."""


class LitopysAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        return validators(request, response)


def validators(request, response):
    """Give a public GET answer an ETag and cache headers and answer If-None-Match; staff answers stay private."""
    patch_vary_headers(response, ("Accept-Language", "Authorization"))
    if getattr(request, "auth", None) is not None or request.headers.get("Authorization"):
        patch_cache_control(response, private=True, no_store=True)
        return response
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    wanted = [tag.strip().removeprefix("W/") for tag in request.headers.get("If-None-Match", "").split(",")]
    if etag in wanted or "*" in wanted:
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "Vary"):
            not_modified[header] = response[header]
        return not_modified
    return response


api = LitopysAPI(
    title="Litopys API", version="1", description=DESCRIPTION, urls_namespace="api-v1",
    docs=Swagger(settings={"persistAuthorization": False}), throttle=[RateLimit()],
)


def _error(request, detail: str, status: int, errors: list | None = None):
    return api.create_response(request, {"detail": detail, "errors": errors or []}, status=status)


@api.exception_handler(ValidationError)
def invalid_input(request, exc):
    errors = [{"where": ".".join(str(part) for part in error.get("loc", ())), "problem": error.get("msg", "")}
              for error in exc.errors]
    first = errors[0] if errors else {"where": "", "problem": ""}
    detail = _("%(where)s: %(problem)s") % first if errors else _("The request could not be read.")
    if len(errors) > 1:
        detail += " " + _("(and %(count)d more problems, listed in errors)") % {"count": len(errors) - 1}
    return _error(request, detail, 422, errors)


@api.exception_handler(HttpError)
def http_error(request, exc):
    response = _error(request, exc.message, exc.status_code)
    if isinstance(exc, AuthenticationError) or exc.status_code == 401:
        response["WWW-Authenticate"] = 'Bearer realm="litopys"'
    return response


@api.exception_handler(Http404)
def not_found(request, exc):
    return _error(request, str(exc) or _("Not found."), 404)


@api.exception_handler(OverflowError)
def beyond_any_row(request, exc):
    """An id larger than any the database stores (SQLite refuses to compare it) names no row."""
    return _error(request, _("Not found."), 404)


@api.exception_handler(DataError)
def out_of_range(request, exc):
    """The same on PostgreSQL, which says the number is out of range for its column; anything else is a fault."""
    if "out of range" not in str(exc):
        raise exc
    return _error(request, _("Not found."), 404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return _error(request, str(exc) or _("Your role does not allow this."), 403)


@api.exception_handler(DjangoValidationError)
def refused(request, exc):
    return _error(request, " ".join(exc.messages), 409)


def register() -> None:
    """Add every resource's router (one module per resource)."""
    from litopys.exchange.api import (
        captures,
        claims,
        figures,
        incidents,
        ingest,
        jobs,
        places,
        posts,
        sites,
        sources,
    )

    for module in (posts, incidents, sites, figures, places):
        api.add_router("/", module.router)
    for module in (sources, claims, ingest, captures, jobs):
        api.add_router("/staff/", module.router)
    api.add_decorator(closed_query, mode="operation")


register()
