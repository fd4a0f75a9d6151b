"""Staff screens: a list's records with problems highlighted, a victim's records side by side, and the
two-person review of merges and splits (every change goes through `casualties.actions`)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from litopys.casualties import (
    actions,
    admin_estimates,  # noqa: F401 - registers the estimates page
)
from litopys.casualties.admin_views import MemorialView, SplitView
from litopys.casualties.models import Cluster, LinkedPair, LinkRun, ListRecord, Proposal, Victim, VictimList
from litopys.casualties.selectors import side_by_side
from litopys.core.admin_base import ReadOnlyAdmin


def _errors(request, done: int, failures: list[str], success: str) -> None:
    if done:
        messages.success(request, success % {"count": done})
    for failure in failures:
        messages.error(request, failure)


def _message(exc) -> str:
    return " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)


@admin.register(VictimList)
class VictimListAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ("name", "file_name", "rows", "problem_rows", "records_link", "imported_at", "imported_by")
    search_fields = ("name", "file_name", "file_hash")

    @admin.display(description=_("records"))
    def records_link(self, obj):
        url = reverse("admin:casualties_listrecord_changelist") + f"?victim_list__id__exact={obj.pk}"
        problems = url + "&has_problems=yes"
        return format_html('<a href="{}">{}</a> · <a href="{}">{}</a>', url, _("all"), problems, _("with problems"))


class ProblemFilter(admin.SimpleListFilter):
    title = _("problems")
    parameter_name = "has_problems"

    def lookups(self, request, model_admin):
        return [("yes", _("with problems")), ("no", _("without problems"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(problems=[])
        if self.value() == "no":
            return queryset.filter(problems=[])
        return queryset


@admin.register(ListRecord)
class ListRecordAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("victim_list", "row", "full_name", "sex", "age_min", "birth_date", "death_date", "place_text",
                    "problems_shown", "victim")
    list_filter = ("victim_list", ProblemFilter, "sex")
    search_fields = ("full_name", "name_latin", "person_key", "grave_number", "body_number")
    list_select_related = ("victim_list", "victim")
    actions = ["propose_one_person"]

    @admin.display(description=_("problems"))
    def problems_shown(self, obj):
        if not obj.problems:
            return "—"
        return format_html_join("", '<div style="color:#ba2121;font-weight:bold">{}: {} — {}</div>',
                                ((p["column"], p["value"], p["message"]) for p in obj.problems))

    @admin.action(description=_("Propose: the selected records are one person"))
    def propose_one_person(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        victims = set(queryset.exclude(victim=None).values_list("victim", flat=True))
        kind = Proposal.Kind.MERGE if victims else Proposal.Kind.ACCEPT
        try:
            proposal = actions.propose(kind, [ids], request.user)
        except (PermissionDenied, ValidationError) as exc:
            messages.error(request, _message(exc))
            return
        messages.success(request, _("Proposed (#%(id)d); another person must confirm it.") % {"id": proposal.pk})


class RecordInline(admin.TabularInline):
    model = ListRecord
    fields = ("victim_list", "row", "full_name", "name_latin", "sex", "age_min", "birth_date", "death_date",
              "place_text", "body_number")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Victim)
class VictimAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "sex", "death_date", "place", "record_count", "identification", "memorial_published")
    list_filter = ("sex", "status", "identification", "memorial_published")
    search_fields = ("full_name", "person_key", "names")
    readonly_fields = ("names", "person_key", "memorial_published", "memorial_text", "consent_recorded_by",
                       "consent_recorded_at", "consent_how", "merged_into", "created_at", "updated_at", "side_by_side")
    autocomplete_fields = ()
    raw_id_fields = ("place", "incidents", "sites", "claims", "evidence_items")
    inlines = [RecordInline]
    actions = ["propose_merge", "export_csv"]
    fieldsets = [
        (_("Its records, side by side (where they disagree is highlighted)"), {"fields": ["side_by_side"]}),
        (_("The person"), {"fields": [
            "full_name", "surname", "given_name", "patronymic", "names", "person_key", "sex", ("age_min", "age_max"),
            ("birth_date", "birth_precision"), ("death_date", "death_precision"), "place", "place_text",
            ("status", "status_basis"), "cause_of_death", ("grave_number", "body_number"),
            ("identification", "identification_method"), ("perpetrator_claimed", "perpetrator_claimed_by")]}),
        (_("Documentation"), {"fields": ["incidents", "sites", "claims", "evidence_items"]}),
        (_("Memorial"), {"fields": ["memorial_published", "memorial_text", "consent_recorded_by",
                                    "consent_recorded_at", "consent_how"]}),
        (_("Record"), {"fields": ["merged_into", "created_at", "updated_at"]}),
    ]
    change_form_template = "admin/casualties/victim/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(record_total=Count("records"))

    @admin.display(description=_("records"), ordering="record_total")
    def record_count(self, obj):
        return obj.record_total

    def has_add_permission(self, request):
        return False  # a victim comes from a confirmed proposal, never typed in

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("records side by side"))
    def side_by_side(self, obj):
        data = side_by_side(obj)
        head = format_html_join("", "<th>{}:{}</th>", ((r.victim_list.name, r.row) for r in data["records"]))
        rows = []
        for field in data["fields"]:
            style = mark_safe(' style="background:#fff3cd"') if field in data["disagree"] else ""
            cells = format_html_join("", "<td>{}</td>", ((v[field] if v[field] not in (None, "") else "—",)
                                                          for v in data["values"]))
            label = ListRecord._meta.get_field(field).verbose_name
            rows.append(format_html("<tr{}><th>{}</th>{}</tr>", style, label, cells))
        return format_html('<table><tr><th></th>{}</tr>{}</table>', head, format_html_join("", "{}",
                                                                                          ((r,) for r in rows)))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [path("<int:pk>/split/", view(SplitView.as_view(model_admin=self)), name="casualties_victim_split"),
                path("<int:pk>/memorial/", view(MemorialView.as_view(model_admin=self)),
                     name="casualties_victim_memorial"),
                *super().get_urls()]

    @admin.action(description=_("Propose: merge the selected people into one"))
    def propose_merge(self, request, queryset):
        try:
            proposal = actions.propose_merge(list(queryset), request.user)
        except (PermissionDenied, ValidationError) as exc:
            messages.error(request, _message(exc))
            return
        messages.success(request, _("Proposed (#%(id)d); another person must confirm it.") % {"id": proposal.pk})

    @admin.action(description=_("Export the selected victims as CSV (recorded in the custody ledger)"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="victims.csv"'
        try:
            actions.export_victims(response, user=request.user, victims=queryset)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return None
        return response


class PairInline(admin.TabularInline):
    model = LinkedPair
    fields = ("left", "right", "match_probability", "match_weight", "why")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("why (weight in bits per comparison)"))
    def why(self, obj):
        from litopys.casualties.linkage.run import explain

        named = explain(obj.weights, obj.cluster.run.model)
        return format_html_join("; ", "{}: {} ({})", ((name, level, weight) for name, (level, weight) in named.items()))


@admin.register(Cluster)
class ClusterAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("run", "number", "size", "match_probability", "victim")
    list_filter = ("run",)
    raw_id_fields = ("records",)
    inlines = [PairInline]
    actions = ["propose_accept"]

    @admin.action(description=_("Propose: each selected cluster is one person"))
    def propose_accept(self, request, queryset):
        done, failures = 0, []
        for cluster in queryset:
            try:
                actions.propose_accept(cluster, request.user)
                done += 1
            except (PermissionDenied, ValidationError) as exc:
                failures.append(f"{cluster}: {_message(exc)}")
        _errors(request, done, failures, ngettext("%(count)d cluster proposed.", "%(count)d clusters proposed.", done))


@admin.register(LinkRun)
class LinkRunAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("pk", "engine", "threshold", "records", "clusters", "started_at", "started_by")


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ("pk", "kind", "state", "size", "proposed_by", "proposed_at", "decided_by", "decided_at")
    list_filter = ("state", "kind")
    actions = ["confirm_selected", "reject_selected"]

    @admin.display(description=_("records"))
    def size(self, obj):
        return len(obj.record_ids())

    def _decide(self, request, queryset, decide, success):
        done, failures = 0, []
        for proposal in queryset:
            try:
                decide(proposal, request.user)
                done += 1
            except (PermissionDenied, ValidationError) as exc:
                failures.append(f"#{proposal.pk}: {_message(exc)}")
        _errors(request, done, failures, success)

    @admin.action(description=_("Confirm the selected proposals (made by someone else)"))
    def confirm_selected(self, request, queryset):
        self._decide(request, queryset, actions.confirm, _("%(count)d proposals confirmed."))

    @admin.action(description=_("Reject the selected proposals (made by someone else)"))
    def reject_selected(self, request, queryset):
        self._decide(request, queryset, actions.reject, _("%(count)d proposals rejected."))
