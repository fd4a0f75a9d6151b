"""Staff screens for review decisions, and the incident screen with the grade the review rules suggest."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from litopys.figures.selectors import claims_queryset, compute_figures
from litopys.incidents.admin import IncidentAdmin
from litopys.incidents.models import Incident
from litopys.review.grades import suggest_grade
from litopys.review.models import Decision


class GradedIncidentAdmin(IncidentAdmin):
    """The incident screen, with the grade the review rules suggest beside the reviewer's own."""

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
