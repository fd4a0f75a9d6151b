from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "litopys.jobs"
    label = "jobs"
    verbose_name = _("Jobs")

    #: What each role may do with jobs. A collector sees only the jobs they started; `view_all_jobs`
    #: shows everyone's.
    staff_panels = ["litopys.jobs.panels.jobs_panel"]
    role_permissions = {
        "collector": ["jobs.view_job"],
        "analyst": ["jobs.view_job", "jobs.view_all_jobs"],
        "reviewer": ["jobs.view_job", "jobs.view_all_jobs"],
        "editor": ["jobs.view_job"],
        "administrator": ["jobs.view_job", "jobs.view_all_jobs", "jobs.change_job"],
    }
