"""Changes to the vault that people and the site ask for, one function each: sealing items, redacting them,
taking in testimony and reading who sent it. Views, the admin and commands all call these; each writes its
custody events here, so no path can skip them."""

from __future__ import annotations

import hashlib
import io
import json
import secrets
from collections.abc import Iterable
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from litopys.evidence import access, custody, redaction, sealed, sealed_stream, sealing
from litopys.evidence.hashing import PREFIX
from litopys.evidence.ingest import SourceFacts, guess_kind, ingest_stream
from litopys.evidence.media import detect_media_type
from litopys.evidence.models import CustodyAction, Dossier, Item, Sensitivity, Source, SourceKind, Testimony
from litopys.evidence.processors.text import UTF8_TEXT
from litopys.evidence.selectors import picture_of
from litopys.evidence.vault import get_vault

REDACTED = "redacted"
#: Who the ledger says collected a testimony. It holds spaces, so no account's user name can be it.
TESTIMONY_FORM = "public testimony form"


# Sealing.

def seal_item(item: Item, actor: str) -> Item:
    """Seal an item: store its encrypted copy as an item derived from it, and remove the plaintext once the
    copy is recorded. Return the sealed copy; sealing an item twice makes no second copy."""
    if item.derivation == sealed.SEALED:
        raise sealing.SealError(f"item {item.sha256} is itself a sealed copy")
    vault = get_vault()
    copy = sealed.sealed_copy(item)
    if copy is None:
        key = sealed.vault_key(create=True)
        hasher = hashlib.sha256()
        try:
            plain = vault.inner.open(item.sha256)
        except FileNotFoundError:
            raise sealing.SealError(f"item {item.sha256} is missing from the vault and cannot be sealed; "
                                    "run `litopys verify`") from None
        with plain:
            stream = sealed_stream.ChunkStream(sealed_stream.seal_chunks(plain, key, item.sha256, hasher))
            stored = vault.store(stream, sealed_stream.sealed_size(item.size), label=f"sealed copy of {item.sha256}")
        if PREFIX + hasher.hexdigest() != item.sha256:
            if stored.created:
                vault.remove(stored.digest)
            raise sealing.SealError(f"item {item.sha256} was altered in the vault (its bytes hash to "
                                    f"{PREFIX + hasher.hexdigest()}); nothing was sealed: run `litopys verify`")
        with transaction.atomic():
            copy, created = Item.objects.get_or_create(
                sha256=stored.digest,
                defaults={"size": stored.size, "media_type": sealed_stream.MEDIA_TYPE, "derived_from": item,
                          "derivation": sealed.SEALED, "original_name": f"{item.sha256[7:23]}.sealed",
                          "metadata": {"cipher": sealed_stream.CIPHER, "key_id": key.label}})
            custody.record(CustodyAction.DERIVED, actor, copy.sha256, derived_from=item.sha256,
                           derivation=sealed.SEALED, media_type=sealed_stream.MEDIA_TYPE, size=stored.size,
                           new_bytes=created, cipher=sealed_stream.CIPHER, key_id=key.label, plaintext="removed")
    if vault.inner.exists(item.sha256):
        # Only once the copy is committed: a rolled-back transaction keeps the plaintext, and loses nothing.
        transaction.on_commit(lambda: vault.remove(item.sha256))
    return copy


def seal_family(item: Item, actor: str) -> list[Item]:
    """Seal an item and every copy made from it, if it must be sealed (see sealed.must_be_sealed)."""
    if not sealed.must_be_sealed(item):
        return []
    return [seal_item(member, actor) for member in sealed.family(item)]


def seal_confidential(actor: str) -> list[Item]:
    """Seal every item that must be sealed and is not yet; remove plaintexts left beside sealed copies."""
    copies = [seal_item(item, actor) for item in sealed.unsealed_confidential_items()]
    vault = get_vault()
    for copy in Item.objects.filter(derivation=sealed.SEALED).select_related("derived_from"):
        if copy not in copies and vault.inner.exists(copy.derived_from.sha256):
            copies.append(seal_item(copy.derived_from, actor))
    if copies:
        custody.checkpoint()
    return copies


# Redaction.

def redact(item: Item, actor: str, *, spans: Iterable[tuple[int, int]] = (), phrases: Iterable[str] = (),
           boxes: Iterable[redaction.Box] = (), faces: bool = False, page: int | None = None,
           user=None) -> Item:
    """Make a redacted copy of an item: spans (or phrases) of its text, or rectangles (or the faces found)
    of its picture or of one PDF page, blacked out. Marks add up: the new copy keeps every mark of the last
    redacted copy of the same kind. The copy is derived from the item and sealed when the item is."""
    if user is not None and not access.readable_items(user).filter(pk=item.pk).exists():
        raise PermissionDenied(_("You may not read this item, so you may not redact it."))
    spans, phrases, boxes = list(spans), [p for p in phrases if p.strip()], list(boxes)
    if item.derivation == sealed.SEALED:
        raise redaction.RedactionError(_("A sealed copy cannot be redacted; redact the item it was made from."))
    if not (spans or phrases or boxes or faces):
        raise redaction.RedactionError(_("Nothing to redact: give spans or phrases of the text, rectangles, or "
                                         "ask for the faces found."))
    if (spans or phrases) and (boxes or faces):
        raise redaction.RedactionError(_("Redact either the text (spans, phrases) or the picture (rectangles, "
                                         "faces), one at a time."))
    if sealed.must_be_sealed(item):
        sealed.vault_key(create=True)  # its copy will be sealed: a missing or wrong key stops it before anything
    previous = _last_redaction(item, "spans" if spans or phrases else "boxes", page)
    if spans or phrases:
        data, media_type, marks, text = _redact_text(item, spans, phrases, previous)
    else:
        data, media_type, marks, text = _redact_picture(item, boxes, faces, page, previous)
    vault = get_vault()
    stored = vault.store(io.BytesIO(data), settings.LITOPYS_MAX_ITEM_BYTES, label=f"redacted copy of {item.sha256}")
    with transaction.atomic():
        copy, created = Item.objects.get_or_create(
            sha256=stored.digest,
            defaults={"size": stored.size, "media_type": media_type, "derived_from": item, "derivation": REDACTED,
                      "original_name": f"{PurePath(item.original_name or 'item').stem}.redacted"
                                       f"{'.txt' if text is not None else '.png'}"[:500],
                      "metadata": {"redaction": marks}, "text": text or "", "language": item.language})
        custody.record(CustodyAction.DERIVED, actor, copy.sha256, derived_from=item.sha256, derivation=REDACTED,
                       media_type=media_type, size=stored.size, new_bytes=created, **marks)
    seal_family(copy, actor)
    custody.checkpoint()
    return copy


def _last_redaction(item: Item, kind: str, page: int | None) -> dict:
    for copy in item.derivatives.filter(derivation=REDACTED).order_by("-pk"):
        marks = copy.metadata.get("redaction", {})
        if kind in marks and marks.get("page") == page:
            return marks
    return {}


def _redact_text(item: Item, spans, phrases, previous: dict):
    text = item.text
    if not text:
        raise redaction.RedactionError(_("Item %(item)s has no text to redact; mark rectangles of its picture "
                                         "instead.") % {"item": item.sha256})
    found = [span for phrase in phrases for span in redaction.phrase_spans(text, phrase)]
    if phrases and not found:
        raise redaction.RedactionError(_("None of the phrases occurs in the text of item %(item)s.")
                                       % {"item": item.sha256})
    every = redaction.check_spans([*map(tuple, previous.get("spans", [])), *spans, *found], len(text))
    redacted = redaction.redact_text(text, every)
    return redacted.encode("utf-8"), UTF8_TEXT, {"spans": [list(span) for span in every]}, redacted


def _redact_picture(item: Item, boxes, faces: bool, page: int | None, previous: dict):
    name = item.original_name or item.sha256
    if item.media_type == "application/pdf":
        page = page or 1
    picture = picture_of(item, page)
    found = redaction.suggest_faces(picture) if faces else []
    if faces and not found and not boxes:
        raise redaction.RedactionError(_("No face was found in %(item)s; mark the rectangles yourself.")
                                       % {"item": name})
    every = sorted({*(redaction.Box(*box) for box in previous.get("boxes", [])), *boxes, *found},
                   key=lambda box: (box.y, box.x))
    marks = {"boxes": [box.as_list() for box in every], "page": page, "faces_found": len(found)}
    return redaction.black_out(picture, every), "image/png", marks, None


# Testimony.

def receive_testimony(account: str, *, place: str = "", when: str = "", name: str = "", contact: str = "",
                      files: Iterable = (), language: str = "") -> Testimony:
    """Take an account sent through the public form into the vault: a confidential testimony source, its files
    as confidential sources contained in it, all sealed; who sent it (if they said) sealed in the database."""
    key = sealed.vault_key(create=True)  # first, so that nothing is stored when the key cannot be had
    files = list(files)
    reference = f"T-{secrets.token_hex(5).upper()}"
    details = {"name": name.strip(), "contact": contact.strip(), "files": [upload.name for upload in files]}
    dossier = (Dossier.objects.get_or_create(name=settings.LITOPYS_TESTIMONY_DOSSIER)[0]
               if settings.LITOPYS_TESTIMONY_DOSSIER else None)
    lines = [account.strip(), ""]
    if place.strip():
        lines.append(_("Place: %(place)s") % {"place": place.strip()})
    if when.strip():
        lines.append(_("When: %(when)s") % {"when": when.strip()})
    facts = SourceFacts(kind=SourceKind.TESTIMONY, title=_("Testimony %(reference)s") % {"reference": reference},
                        collected_by=TESTIMONY_FORM, collection_method=TESTIMONY_FORM,
                        sensitivity=Sensitivity.CONFIDENTIAL, notes=reference)
    result = ingest_stream(io.BytesIO("\n".join(lines).strip().encode("utf-8") + b"\n"), f"{reference}.txt",
                           facts, label=reference)
    source = Source.objects.get(pk=result.source_id)
    testimony = Testimony.objects.create(
        reference=reference, source=source, received_at=timezone.now(), language=language[:8],
        anonymous=not (details["name"] or details["contact"]),
        sealed_details=sealing.seal_field(json.dumps(details, ensure_ascii=False), key, "testimony.details"))
    parts = [source]
    for number, upload in enumerate(files, start=1):
        head = upload.read(65536)
        upload.seek(0)
        media_type = detect_media_type(head)
        suffix = PurePath(upload.name).suffix[:10].lower()
        part = SourceFacts(kind=guess_kind(media_type, None), title=f"{reference}: {number}",
                           collected_by=TESTIMONY_FORM, collection_method=TESTIMONY_FORM,
                           sensitivity=Sensitivity.CONFIDENTIAL, notes=reference)
        outcome = ingest_stream(upload, f"{reference}-{number}{suffix}", part, label=f"{reference}-{number}",
                                parent=source)
        parts.append(Source.objects.get(pk=outcome.source_id))
    for part in parts:
        if dossier is not None:
            Source.objects.filter(pk=part.pk).update(dossier=dossier)
        seal_family(part.item, TESTIMONY_FORM)
    custody.checkpoint()
    return testimony


def read_testimony_details(testimony: Testimony, user) -> dict:
    """Return who sent a testimony (name, contact, file names), to someone who may read it; the reading is a
    custody event."""
    if not access.may_read(user, testimony.source):
        raise PermissionDenied(_("You may not read this testimony."))
    details = json.loads(sealing.open_field(testimony.sealed_details, sealed.vault_key(), "testimony.details",
                                            sealed.key_hint()) or "{}")
    custody.record(CustodyAction.ACCESSED, user.get_username(), testimony.source.item.sha256,
                   via="testimony details", testimony=testimony.reference)
    return details
