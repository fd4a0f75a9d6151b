"""Jobs: long work done by a worker, with its state, progress, log lines and failure reason."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    SUCCEEDED = "succeeded", _("succeeded")
    PARTIAL = "partial", _("partly done")
    FAILED = "failed", _("failed")

    @classmethod
    def finished(cls) -> tuple[str, ...]:
        return (cls.SUCCEEDED, cls.PARTIAL, cls.FAILED)


class Job(models.Model):
    """One piece of long work (a capture, an OCR run) as people see it; the queue holds its task."""

    kind = models.CharField(_("kind"), max_length=40, help_text=_("What the job does, e.g. capture or ocr."))
    title = models.CharField(_("title"), max_length=500)
    handler = models.CharField(_("handler"), max_length=200,
                               help_text=_("Dotted path of the function that does the work."))
    arguments = models.JSONField(_("arguments"), default=dict, blank=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True, db_index=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("started by"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    actor = models.CharField(_("actor"), max_length=200, blank=True,
                             help_text=_("Who the work is done for, as the custody ledger names them."))
    state = models.CharField(_("state"), max_length=20, choices=JobState.choices, default=JobState.QUEUED,
                             db_index=True)
    done = models.PositiveIntegerField(_("steps done"), default=0)
    total = models.PositiveIntegerField(_("steps in all"), default=0)
    failure = models.TextField(_("failure reason"), blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    worker = models.CharField(_("worker"), max_length=100, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    run_after = models.DateTimeField(_("not before"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["-created_at", "-pk"]
        permissions = [("view_all_jobs", _("Can see the jobs of every user"))]

    def __str__(self):
        return f"#{self.pk} {self.title}"

    @property
    def is_finished(self) -> bool:
        return self.state in JobState.finished()

    @property
    def percent(self) -> int | None:
        return round(100 * self.done / self.total) if self.total else None


class JobLine(models.Model):
    """One line of a job's log; errors are one clear line naming the input and the reason."""

    class Level(models.TextChoices):
        INFO = "info", _("info")
        WARNING = "warning", _("warning")
        ERROR = "error", _("error")

    job = models.ForeignKey(Job, verbose_name=_("job"), on_delete=models.CASCADE, related_name="lines")
    at = models.DateTimeField(_("time"), auto_now_add=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.INFO)
    message = models.TextField(_("message"))

    class Meta:
        verbose_name = _("job log line")
        verbose_name_plural = _("job log lines")
        ordering = ["pk"]

    def __str__(self):
        return self.message


class Worker(models.Model):
    """A running `litopys worker` process, known by its heartbeat."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    host = models.CharField(_("host"), max_length=200)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"))
    stopped_at = models.DateTimeField(_("stopped at"), null=True, blank=True)

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")
        ordering = ["-heartbeat_at"]

    def __str__(self):
        return self.name
