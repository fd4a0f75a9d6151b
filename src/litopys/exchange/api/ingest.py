"""Upload a file as evidence: the same path as `litopys ingest` (hash first, store once, an `ingested` custody
event, processors, claim extraction), collected under the token owner's name so that a collector reads it."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema, Status
from ninja.errors import HttpError, ValidationError
from ninja.files import UploadedFile
from pydantic import ConfigDict

from litopys.evidence import custody
from litopys.evidence.ingest import SourceFacts, ingest_stream
from litopys.evidence.models import Sensitivity
from litopys.evidence.vault import VaultError
from litopys.exchange.api import auth
from litopys.exchange.api.schemas import Error, Input, IsoDate, answers, codes, require

router = Router(tags=["staff: ingest and capture"], auth=auth.write)


class Facts(Input):
    """What the collector says about the file; blank fields are filled from its content."""

    model_config = ConfigDict(regex_engine="python-re", extra="forbid")

    kind: codes("source_kinds") = None  # type: ignore[valid-type]
    title: str = Field("", max_length=500)
    publisher: str = Field("", max_length=300)
    author: str = Field("", max_length=300)
    url: str = Field("", max_length=2000, description="Where the file was found, if anywhere.")
    published: IsoDate = None
    sensitivity: Sensitivity = Sensitivity.RESTRICTED
    notes: str = Field("", max_length=10000)


class Ingested(Schema):
    status: str = Field(description="new: first time these bytes were stored; held: the vault had them already.")
    sha256: str
    size: int
    media_type: str
    source: int | None
    captures: int = Field(description="Pages of a web archive, each recorded as a source of its own.")
    warnings: list[str]


@router.post("/ingest", response=answers(Ingested, status=201, _200=Ingested, _413=Error),
             summary="Upload a file as evidence", openapi_extra={"requestBody": {"content": {
                 "multipart/form-data": {"schema": {"additionalProperties": False,
                                                    "properties": {"file": {"minLength": 1}}}}}}})
def upload(request, file: File[UploadedFile], facts: Form[Facts]):
    """Preserve an uploaded file exactly as `litopys ingest` does: its SHA-256, one copy in the vault, a source
    and an `ingested` custody event (the same file with the same facts again: a `collected` event only)."""
    require(request, "capture.add_capture")
    if not file.size:
        raise ValidationError([{"loc": ("file", "file"), "msg": _("the file is empty; send the file's bytes")}])
    if file.size > settings.LITOPYS_MAX_ITEM_BYTES:
        raise HttpError(413, _("The file is %(size)d bytes; the largest accepted is %(limit)d "
                               "(LITOPYS_MAX_ITEM_BYTES).") % {"size": file.size,
                                                               "limit": settings.LITOPYS_MAX_ITEM_BYTES})
    name = (file.name or "upload").replace("/", "_")[-500:]
    source_facts = SourceFacts(kind=facts.kind or "", title=facts.title, publisher=facts.publisher,
                               author=facts.author, url=facts.url, published=facts.published,
                               collected_by=request.user.get_username(), collection_method="litopys API upload",
                               sensitivity=facts.sensitivity, notes=facts.notes)
    try:
        result = ingest_stream(file, name, source_facts)
    except VaultError as exc:
        raise HttpError(413, _("The file could not be stored: %(reason)s") % {"reason": exc}) from None
    custody.checkpoint()  # as `litopys ingest` signs one after every batch
    body = {"status": result.status, "sha256": result.digest, "size": result.size, "media_type": result.media_type,
            "source": result.source_id, "captures": result.captures, "warnings": result.warnings}
    return Status(201 if result.status == "new" else 200, body)
