from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "litopys.review"
    label = "review"
    verbose_name = _("Review")
    role_permissions = {
        "reviewer": ["review.view_decision", "review.add_decision"],
        "editor": ["review.view_decision"],
    }
    record_models = {"review.Decision": None}
    staff_panels = ["litopys.review.panels.queue_panel", "litopys.review.panels.recent_panel"]

    def ready(self):
        from litopys.incidents.signals import claim_reopened, claims_recorded
        from litopys.review.signal_handlers import corroborate_recorded, record_reopening

        # Ingest: evidence stores a source -> incidents records its claims -> review corroborates their figures.
        claims_recorded.connect(corroborate_recorded, dispatch_uid="litopys.review.corroborate")
        claim_reopened.connect(record_reopening, dispatch_uid="litopys.review.reopened")
