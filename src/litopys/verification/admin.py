"""Staff screens for review decisions and the choices that shape figures (with history, diff and revert)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from litopys.verification.models import BestValue, Decision, OriginMerge, OriginSplit


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
