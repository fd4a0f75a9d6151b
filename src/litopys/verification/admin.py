"""Staff screens for review decisions and the choices that shape figures (with history, diff and revert)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from litopys.incidents.admin import IncidentAdmin
from litopys.incidents.models import Incident
from litopys.verification.grades import suggest_grade
from litopys.verification.models import BestValue, Decision, OriginMerge, OriginSplit
from litopys.verification.service import claims_queryset, compute_figures


class GradedIncidentAdmin(IncidentAdmin):
    """The incident screen, with the grade the verification rules suggest beside the reviewer's own."""

    readonly_fields = ("suggested_grade",)

    @admin.display(description=_("suggested grade"))
    def suggested_grade(self, obj):
        if not obj.pk:
            return "-"
        figures = [view.figure for view in compute_figures(claims_queryset().filter(incident=obj))]
        return suggest_grade(figures) if figures else _("no figures yet")


admin.site.unregister(Incident)
admin.site.register(Incident, GradedIncidentAdmin)


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ("claim", "action", "from_status", "to_status", "user", "at", "reason")
    list_filter = ("action", "to_status")
    search_fields = ("reason", "claim__quote", "user__username")
    readonly_fields = ("claim", "action", "from_status", "to_status", "user", "at", "reason", "changes")

    def has_add_permission(self, request):
        return False  # decisions are made in the review queue, through one door

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ByUserAdmin(SimpleHistoryAdmin):
    readonly_fields = ("user", "at")

    def save_model(self, request, obj, form, change):
        obj.user = request.user
        super().save_model(request, obj, form, change)


@admin.register(BestValue)
class BestValueAdmin(ByUserAdmin):
    list_display = ("cell", "kind", "qualifiers", "value", "reason", "user", "at")
    search_fields = ("cell", "kind", "reason")


@admin.register(OriginMerge)
class OriginMergeAdmin(ByUserAdmin):
    list_display = ("first", "second", "reason", "user", "at")


@admin.register(OriginSplit)
class OriginSplitAdmin(ByUserAdmin):
    list_display = ("source", "reason", "user", "at")
    raw_id_fields = ("source",)
