"""Staff screens for the documented record."""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from litopys.core.history import HistoryAdmin
from litopys.evidence.access import source_filter
from litopys.incidents.models import Actor, Claim, Incident, Site
from litopys.vocab.choices import legal_qualifications_choices


class SiteInline(admin.TabularInline):
    model = Site
    fields = ("name", "kind", "place", "discovered_on")
    autocomplete_fields = ("place",)
    extra = 0


class IncidentForm(forms.ModelForm):
    legal_qualifications = forms.MultipleChoiceField(
        label=_("legal qualifications"), choices=legal_qualifications_choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Articles of the Rome Statute and of the Criminal Code of Ukraine the incident may fall under."))

    class Meta:
        model = Incident
        fields = "__all__"  # noqa: DJ007 - the admin decides which fields it shows


@admin.register(Incident)
class IncidentAdmin(HistoryAdmin):
    form = IncidentForm
    list_display = ("title", "type", "start_date", "start_precision", "place", "status", "grade")
    list_filter = ("type", "status", "grade", "start_precision")
    search_fields = ("title", "slug", "description")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("place", "parent")
    inlines = [SiteInline]
    list_select_related = ("place__admin1",)


@admin.register(Site)
class SiteAdmin(HistoryAdmin):
    list_display = ("name", "kind", "place", "discovered_on", "incident")
    list_filter = ("kind",)
    list_select_related = ("place__admin1", "incident")
    search_fields = ("name", "description")
    autocomplete_fields = ("place", "incident")


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "role", "position")
    list_filter = ("kind", "role")
    search_fields = ("name", "position", "names")


@admin.register(Claim)
class ClaimAdmin(HistoryAdmin):
    list_display = ("id", "kind", "value_text", "qualifiers", "place", "attributed_to", "status", "source_link")
    list_filter = ("status", "kind", "extracted_by")
    search_fields = ("quote", "place_name", "attributed_to__name", "source__title")
    autocomplete_fields = ("place", "incident", "site", "attributed_to")
    readonly_fields = ("source", "quote", "start", "end", "extracted_by", "status", "entered_by", "accepted_by",
                       "created_at", "updated_at")
    # A place names its oblast: fetched with it, not once per row.
    list_select_related = ("place__admin1", "attributed_to", "source")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(source_filter(request.user, "source__")).distinct()

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # claims a reviewer decided on are part of the record for good
        return actions

    def has_delete_permission(self, request, obj=None):
        reviewed = obj is not None and Claim.objects.filter(pk=obj.pk).reviewed().exists()
        return super().has_delete_permission(request, obj) and not reviewed

    @admin.display(description=_("source"))
    def source_link(self, obj):
        return format_html('<a href="{}#claim-{}">{}</a>', reverse("review:source-claims", args=[obj.source_id]),
                           obj.pk, obj.source)

    @admin.display(description=_("value"))
    def value_text(self, obj):
        return obj.value_text()
