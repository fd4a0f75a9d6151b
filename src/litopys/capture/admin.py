from django.contrib import admin

from litopys.capture.models import Schedule


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
