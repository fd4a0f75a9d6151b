"""Staff screens for figures and the choices that shape them (with history, diff and revert)."""

from django.contrib import admin

from litopys.core.admin_base import ReadOnlyAdmin
from litopys.core.history import HistoryAdmin
from litopys.figures import actions
from litopys.figures.models import BestValue, Correction, Figure, OriginMerge, OriginSplit


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "created_at")
    list_filter = ("kind",)
    search_fields = ("incident__title", "site__name", "place__name", "place__name_uk", "place_name")
    list_select_related = ("incident", "site", "place")
    readonly_fields = ("key", "incident", "site", "place", "place_name", "kind", "qualifiers", "created_at")

    def has_add_permission(self, request):
        return False  # figures are reconciled from claims, never typed in

    def has_delete_permission(self, request, obj=None):
        return False


class ByUserAdmin(HistoryAdmin):
    readonly_fields = ("user", "at")


@admin.register(BestValue)
class BestValueAdmin(ByUserAdmin):
    list_display = ("figure", "value", "reason", "user", "at")
    search_fields = ("figure__incident__title", "figure__place__name", "reason")
    list_select_related = ("figure__incident", "figure__site", "figure__place", "user")
    autocomplete_fields = ("figure",)

    def save_model(self, request, obj, form, change):
        saved = actions.set_best_value(obj.figure, obj.value, obj.reason, request.user)
        obj.pk, obj.user, obj.at = saved.pk, saved.user, saved.at


@admin.register(OriginMerge)
class OriginMergeAdmin(ByUserAdmin):
    list_display = ("first", "second", "reason", "user", "at")

    def save_model(self, request, obj, form, change):
        if change:
            obj.user = request.user
            super().save_model(request, obj, form, change)
            return
        saved = actions.merge_origins(obj.first, obj.second, obj.reason, request.user)
        obj.pk, obj.user, obj.at = saved.pk, saved.user, saved.at


@admin.register(OriginSplit)
class OriginSplitAdmin(ByUserAdmin):
    list_display = ("source", "reason", "user", "at")
    raw_id_fields = ("source",)

    def save_model(self, request, obj, form, change):
        saved = actions.split_origin(obj.source, obj.reason, request.user)
        obj.pk, obj.user, obj.at = saved.pk, saved.user, saved.at


@admin.register(Correction)
class CorrectionAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Corrections are recorded when a second reviewer verifies a changed figure; they are read, never edited."""

    list_display = ("at", "figure", "was_best", "now_best", "reason", "user")
    list_select_related = ("figure__incident", "figure__site", "figure__place", "user")
    readonly_fields = ("figure", "was_min", "was_max", "was_best", "now_min", "now_max", "now_best", "reason",
                       "user", "at")

