"""Staff screens for review decisions, and the incident screen with the grade the review rules suggest."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from litopys.figures.selectors import claims_queryset, compute_figures, posts_citing_incident
from litopys.incidents.admin import IncidentAdmin, IncidentForm
from litopys.incidents.models import Incident, RecordStatus
from litopys.incidents.selectors import readable_claims
from litopys.review.grades import suggest_grade
from litopys.review.models import Decision


class IncidentReviewForm(IncidentForm):
    """The incident form; unpublishing an incident that published posts cite asks first, naming the posts."""

    unpublish_anyway = forms.BooleanField(
        label=_("Unpublish anyway"), required=False,
        help_text=_("Posts that cite this incident's figures will show them as under review."))

    def clean(self):
        data = super().clean()
        was_published = self.instance.pk and Incident.objects.filter(
            pk=self.instance.pk, status=RecordStatus.PUBLISHED).exists()
        if was_published and data.get("status") != RecordStatus.PUBLISHED and not data.get("unpublish_anyway"):
            posts = posts_citing_incident(self.instance)
            if posts:
                raise forms.ValidationError(_(
                    "Published posts cite this incident's figures: %(posts)s. Unpublishing it hides those "
                    "figures in them. Tick “Unpublish anyway” to go on.") % {
                    "posts": ", ".join(f"“{post.title}”" for post in posts)})
        return data


class GradedIncidentAdmin(IncidentAdmin):
    """The incident screen, with the grade the review rules suggest beside the reviewer's own."""

    form = IncidentReviewForm
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
    list_select_related = ("claim", "user")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(claim__in=readable_claims(request.user).values("pk"))

    def has_add_permission(self, request):
        return False  # decisions are made in the review queue, through one door

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
