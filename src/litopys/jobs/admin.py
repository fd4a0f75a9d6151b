from django.contrib import admin

from litopys.jobs.models import Job, JobLine


class JobLineInline(admin.TabularInline):
    model = JobLine
    extra = 0
    can_delete = False
    readonly_fields = ["at", "level", "message"]


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["pk", "title", "state", "done", "total", "owner", "created_at"]
    list_filter = ["state", "kind"]
    readonly_fields = [field.name for field in Job._meta.fields]
    inlines = [JobLineInline]

    def get_queryset(self, request):
        from litopys.jobs.selectors import jobs_for

        return jobs_for(request.user)

    def has_add_permission(self, request):
        return False

    def changelist_view(self, request, extra_context=None):
        from django.shortcuts import redirect

        return redirect("jobs:list")
