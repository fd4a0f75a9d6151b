from django.contrib import admin
from django.shortcuts import redirect

from litopys.capture.models import Capture, Schedule


@admin.register(Capture)
class CaptureAdmin(admin.ModelAdmin):
    """The admin's "Captures" entry opens the "Capture a link" page, where captures are listed."""

    def changelist_view(self, request, extra_context=None):
        return redirect("capture:link")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect("capture:detail", pk=object_id)

    def has_add_permission(self, request):
        return False


@admin.register(Schedule)
class ScheduleAdmin(admin.ModelAdmin):
    list_display = ["url", "every", "next_at", "active", "owner"]
    list_filter = ["active"]
    readonly_fields = ["created_at"]

    def get_queryset(self, request):
        schedules = super().get_queryset(request)
        if request.user.is_superuser or request.user.has_perm("capture.view_all_captures"):
            return schedules
        return schedules.filter(owner=request.user)
