"""The staff page that redacts an item: spans or phrases of its text, rectangles of its picture or of a PDF
page, with the faces OpenCV finds suggested as rectangles. Works without JavaScript: the picture is shown with
the suggested and marked rectangles drawn on it, and the rectangles are lines of X,Y,WIDTH,HEIGHT."""

from __future__ import annotations

import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from litopys.evidence import access, custody, redaction, sealed, sealing
from litopys.evidence.actions import redact
from litopys.evidence.models import CustodyAction, Item
from litopys.evidence.selectors import is_picture, picture_of

#: Characters of the text shown on the page, with their offsets.
TEXT_SHOWN = 20_000


class RedactForm(forms.Form):
    phrases = forms.CharField(label=gettext_lazy("Phrases to black out"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=gettext_lazy("One a line; every occurrence in the text, ignoring case."))
    spans = forms.CharField(label=gettext_lazy("Spans of the text"), required=False,
                            widget=forms.Textarea(attrs={"rows": 2}),
                            help_text=gettext_lazy("One a line, START:END in characters from 0, as shown beside "
                                                   "the text below."))
    boxes = forms.CharField(label=gettext_lazy("Rectangles"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                            help_text=gettext_lazy("One a line, X,Y,WIDTH,HEIGHT in pixels of the picture shown "
                                                   "below; the suggested faces are filled in."))
    page = forms.IntegerField(label=gettext_lazy("PDF page"), required=False, min_value=1)

    def clean(self):
        data = super().clean()
        try:
            data["span_list"] = [redaction.parse_span(line) for line in data.get("spans", "").splitlines()
                                 if line.strip()]
            data["box_list"] = [redaction.parse_box(line) for line in data.get("boxes", "").splitlines()
                                if line.strip()]
        except redaction.RedactionError as exc:
            raise forms.ValidationError(str(exc)) from None
        data["phrase_list"] = [line for line in data.get("phrases", "").splitlines() if line.strip()]
        return data


def _item_for(request, pk) -> Item:
    if not request.user.has_perm("evidence.redact_item"):
        raise PermissionDenied
    item = get_object_or_404(access.readable_items(request.user).exclude(derivation=sealed.SEALED), pk=pk)
    return item


def redact_view(model_admin, request, pk):
    """Show the item with suggested faces; on POST make the redacted copy and open it."""
    item = _item_for(request, pk)
    page = _page(request)
    form = RedactForm(request.POST or None, initial={"page": page})
    faces, problem, size = [], "", None
    if is_picture(item) and request.method == "GET":
        try:
            picture = picture_of(item, page)
            size = picture.size
            faces = redaction.suggest_faces(picture)
            form.initial["boxes"] = "\n".join(f"{b.x},{b.y},{b.w},{b.h}" for b in faces)
        except (redaction.RedactionError, sealing.SealError) as exc:
            problem = str(exc)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            copy = redact(item, request.user.get_username(), spans=data["span_list"], phrases=data["phrase_list"],
                          boxes=data["box_list"], page=data["page"] if item.media_type == "application/pdf" else None,
                          user=request.user)
        except (redaction.RedactionError, sealing.SealError) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The redacted copy is item %(item)s; the original is unchanged.")
                             % {"item": copy.sha256})
            return redirect(reverse("admin:evidence_item_change", args=[copy.pk]))
    preview = ""
    if is_picture(item):
        preview = reverse("admin:evidence_item_redaction_preview", args=[item.pk])
        preview += f"?page={page}" if page else ""
    context = {**model_admin.admin_site.each_context(request), "title": _("Redact %(item)s") % {"item": item},
               "item": item, "form": form, "faces": faces, "problem": problem, "size": size, "preview": preview,
               "offsets": _offsets(item.text[:TEXT_SHOWN]), "cut": len(item.text) > TEXT_SHOWN,
               "opts": model_admin.model._meta, "is_pdf": item.media_type == "application/pdf", "page": page or 1}
    response = TemplateResponse(request, "evidence/redact.html", context)
    response["Cache-Control"] = "no-store"
    return response


def preview_view(model_admin, request, pk):
    """The picture (or PDF page) as PNG, the suggested faces outlined; a reading of the item, so recorded."""
    item = _item_for(request, pk)
    page = _page(request)
    try:
        picture = picture_of(item, page)
    except (redaction.RedactionError, sealing.SealError) as exc:
        return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
    custody.record(CustodyAction.ACCESSED, request.user.get_username(), item.sha256, via="redaction preview",
                   page=page)
    from PIL import ImageDraw

    shown = picture.convert("RGB")
    draw = ImageDraw.Draw(shown)
    for box in redaction.suggest_faces(picture):
        draw.rectangle([box.x, box.y, box.x + box.w - 1, box.y + box.h - 1], outline=(255, 0, 0), width=3)
    out = io.BytesIO()
    shown.save(out, format="PNG")
    response = HttpResponse(out.getvalue(), content_type="image/png")
    response["Cache-Control"] = "no-store"
    return response


def _page(request) -> int | None:
    raw = request.GET.get("page") or request.POST.get("page") or ""
    return int(raw) if raw.isdigit() and int(raw) > 0 else None


def _offsets(text: str) -> list[tuple[int, str]]:
    """Return the text's lines, each with the offset of its first character."""
    rows, offset = [], 0
    for line in text.splitlines(keepends=True):
        rows.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    return rows
