"""Staff screens for sources and items: bytes are read-only, every download is a custody event."""

from django.contrib import admin, messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from litopys.evidence import access, custody, redaction_admin, sealing
from litopys.evidence.models import Checkpoint, CustodyAction, CustodyEvent, Dossier, Item, Source, Testimony
from litopys.evidence.vault import get_vault


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SourceInline(ReadOnlyMixin, admin.TabularInline):
    model = Source
    fk_name = "item"
    fields = ("kind", "title", "publisher", "published", "collected_at", "collected_by", "sensitivity")
    readonly_fields = fields
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return access.readable_sources(request.user, super().get_queryset(request))


@admin.register(Item)
class ItemAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("short_hash", "media_type", "size", "original_name", "derivation", "language", "stored_at")
    list_filter = ("media_type", "derivation", "language")
    search_fields = ("sha256", "original_name", "phash")
    readonly_fields = ("sha256", "size", "media_type", "original_name", "derived_from", "derivation", "metadata",
                       "sensitive_keys", "processing_errors", "phash", "language", "stored_at", "download",
                       "redact_link", "custody_history", "text")
    fields = readonly_fields
    inlines = [SourceInline]

    def get_queryset(self, request):
        return access.readable_items(request.user, super().get_queryset(request))

    @admin.display(description=_("hash"))
    def short_hash(self, obj):
        return obj.sha256[:23] + "…"

    @admin.display(description=_("download"))
    def download(self, obj):
        if not obj.pk:
            return "-"
        url = reverse("admin:evidence_item_download", args=[obj.pk])
        return format_html('<a href="{}">{}</a> ({})', url, _("download the bytes"),
                           _("recorded in the custody ledger"))

    @admin.display(description=_("chain of custody"))
    def custody_history(self, obj):
        rows = format_html_join(
            "", "<tr><td>#{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
            ((event.sequence, event.occurred_at.isoformat(timespec="seconds"), event.get_action_display(),
              event.actor, event.entry_hash[:23] + "…") for event in custody.history(obj.sha256)))
        return format_html("<table>{}</table>", rows)

    @admin.display(description=_("redaction"))
    def redact_link(self, obj):
        if not obj.pk or obj.derivation == "sealed":
            return "-"
        url = reverse("admin:evidence_item_redact", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("make a redacted copy"))

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(lambda request, pk: function(self, request, pk))

        return [path("<int:pk>/download/", self.admin_site.admin_view(self.download_view),
                     name="evidence_item_download"),
                path("<int:pk>/redact/", view(redaction_admin.redact_view), name="evidence_item_redact"),
                path("<int:pk>/redact/preview/", view(redaction_admin.preview_view),
                     name="evidence_item_redaction_preview")] + super().get_urls()

    def download_view(self, request, pk):
        item = get_object_or_404(access.readable_items(request.user), pk=pk)
        if not self.has_view_permission(request, item):
            raise Http404
        try:
            handle = get_vault().open(item.sha256)
        except sealing.SealError as exc:
            messages.error(request, str(exc))
            return redirect(reverse("admin:evidence_item_change", args=[item.pk]))
        custody.record(CustodyAction.ACCESSED, request.user.get_username(), item.sha256,
                       via="staff download", remote=request.META.get("REMOTE_ADDR", ""))
        name = item.original_name or item.sha256.replace(":", "-")
        return FileResponse(handle, as_attachment=True, filename=name, content_type=item.media_type)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "publisher", "published", "collected_at", "collected_by", "sensitivity")
    list_filter = ("kind", "sensitivity", "language")
    search_fields = ("title", "publisher", "author", "url", "item__sha256")
    date_hierarchy = "collected_at"
    readonly_fields = ("item", "parent", "file_name", "collected_at", "tool_version", "claims_review")
    raw_id_fields = ("owner",)

    @admin.display(description=_("claims"))
    def claims_review(self, obj):
        try:
            url = reverse("review:source-claims", args=[obj.pk])
        except NoReverseMatch:
            return "-"
        return format_html('<a href="{}">{}</a>', url, _("the text with its claims highlighted"))

    def has_add_permission(self, request):
        return False  # sources come in through `litopys ingest`, which hashes first

    def get_queryset(self, request):
        return access.readable_sources(request.user, super().get_queryset(request))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        from litopys.evidence.actions import seal_family

        try:
            seal_family(obj.item, request.user.get_username())  # made confidential: sealed now
        except sealing.SealError as exc:
            messages.error(request, str(exc))


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    """Case files, and who may read the confidential sources filed in them."""

    list_display = ("name", "member_count", "created_at")
    search_fields = ("name", "description")
    filter_horizontal = ("members",)

    @admin.display(description=_("members"))
    def member_count(self, obj):
        return obj.members.count()


@admin.register(Testimony)
class TestimonyAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Accounts sent through the public form; who sent them is shown only on request, and the reading logged."""

    list_display = ("reference", "received_at", "language", "anonymous", "file_count")
    list_filter = ("anonymous", "language")
    search_fields = ("reference",)
    readonly_fields = ("reference", "received_at", "language", "anonymous", "account", "files", "sender")
    fields = readonly_fields

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        readable = access.readable_sources(request.user).values("pk")
        return super().get_queryset(request).filter(source__in=readable).select_related("source")

    @admin.display(description=_("files"))
    def file_count(self, obj):
        return obj.source.parts.count()

    @admin.display(description=_("account"))
    def account(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:evidence_source_change", args=[obj.source_id]),
                           obj.source)

    @admin.display(description=_("files"))
    def files(self, obj):
        return format_html_join(", ", '<a href="{}">{}</a>', (
            (reverse("admin:evidence_source_change", args=[part.pk]), part.file_name)
            for part in obj.source.parts.order_by("pk"))) or "-"  # neutral names; each page checks access

    @admin.display(description=_("who sent it"))
    def sender(self, obj):
        if obj.anonymous:
            return _("Sent anonymously: no name, no contact details.")
        url = reverse("admin:evidence_testimony_sender", args=[obj.pk])
        return format_html('<a href="{}">{}</a> ({})', url, _("show the name and contact details"),
                           _("recorded in the custody ledger"))

    def get_urls(self):
        return [path("<int:pk>/sender/", self.admin_site.admin_view(self.sender_view),
                     name="evidence_testimony_sender")] + super().get_urls()

    def sender_view(self, request, pk):
        from litopys.evidence.actions import read_testimony_details

        testimony = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, testimony):
            raise Http404
        try:
            details = read_testimony_details(testimony, request.user)
        except sealing.SealError as exc:
            messages.error(request, str(exc))
            return redirect(reverse("admin:evidence_testimony_change", args=[testimony.pk]))
        context = {**self.admin_site.each_context(request), "title": _("Who sent %(reference)s")
                   % {"reference": testimony.reference}, "testimony": testimony, "details": details,
                   "opts": self.model._meta}
        response = TemplateResponse(request, "evidence/testimony_sender.html", context)
        response["Cache-Control"] = "no-store"
        return response


@admin.register(CustodyEvent)
class CustodyEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("sequence", "occurred_at", "action", "actor", "item_hash")
    list_filter = ("action",)
    search_fields = ("item_hash", "actor", "entry_hash")

    def get_queryset(self, request):
        return access.readable_events(request.user, super().get_queryset(request))

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Checkpoint)
class CheckpointAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("tree_size", "root_hash", "signed_at")

    def has_change_permission(self, request, obj=None):
        return False
