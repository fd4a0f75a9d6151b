"""Captures of a link: each run with its files and outcome, versions of the same URL, scheduled re-captures."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CaptureState(models.TextChoices):
    RUNNING = "running", _("running")
    COMPLETE = "complete", _("complete")
    PARTIAL = "partial", _("partial")
    FAILED = "failed", _("failed")


class Change(models.TextChoices):
    FIRST = "first", _("first capture")
    UNCHANGED = "unchanged", _("unchanged")
    CHANGED = "changed", _("changed")
    GONE = "gone", _("gone or failing")


class Capture(models.Model):
    """One capture run of one URL: what the server sent (WACZ), the rendered page, and the facts around it."""

    url = models.URLField(_("requested URL"), max_length=2000)
    final_url = models.URLField(_("final URL"), max_length=2000, blank=True)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=CaptureState.choices, default=CaptureState.RUNNING)
    change = models.CharField(_("change since the last capture"), max_length=20, choices=Change.choices,
                              default=Change.FIRST)
    previous = models.ForeignKey("self", verbose_name=_("previous capture"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("captured by"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    actor = models.CharField(_("actor"), max_length=200, blank=True)
    job = models.ForeignKey("jobs.Job", verbose_name=_("job"), null=True, blank=True, on_delete=models.SET_NULL,
                            related_name="+")
    source = models.ForeignKey("evidence.Source", verbose_name=_("source"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+",
                               help_text=_("The source recorded for the WACZ, the primary item."))
    started_at = models.DateTimeField(_("started at (UTC)"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at (UTC)"), null=True, blank=True)
    text_digest = models.CharField(_("digest of the rendered text"), max_length=71, blank=True)
    body_digest = models.CharField(_("digest of the page's bytes"), max_length=71, blank=True)
    metadata = models.JSONField(_("metadata"), default=dict, blank=True,
                                help_text=_("Headers, tool versions, robots decision, file digests."))
    errors = models.JSONField(_("errors"), default=list, blank=True)

    class Meta:
        verbose_name = _("capture")
        verbose_name_plural = _("captures")
        ordering = ["-started_at", "-pk"]
        permissions = [("view_all_captures", _("Can see the captures of every user"))]

    def __str__(self):
        return f"{self.url} ({self.started_at:%Y-%m-%d %H:%M})" if self.started_at else self.url

    @property
    def flagged(self) -> bool:
        return self.change in (Change.CHANGED, Change.GONE)


class CaptureFile(models.Model):
    """One file a capture stored in the vault."""

    class Role(models.TextChoices):
        WACZ = "wacz", _("web archive (WACZ)")
        SCREENSHOT = "screenshot", _("screenshot")
        PDF = "pdf", _("printed PDF")
        TEXT = "text", _("rendered text")
        MEDIA = "media", _("media")
        FILE = "file", _("file (not a web page)")

    capture = models.ForeignKey(Capture, verbose_name=_("capture"), on_delete=models.CASCADE, related_name="files")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    item = models.ForeignKey("evidence.Item", verbose_name=_("item"), on_delete=models.PROTECT, related_name="+")
    source = models.ForeignKey("evidence.Source", verbose_name=_("source"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    url = models.URLField(_("URL"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("captured file")
        verbose_name_plural = _("captured files")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_role_display()} {self.item.sha256[:19]}"


class Schedule(models.Model):
    """Capture a URL again every so often; each run is compared with the one before."""

    url = models.URLField(_("URL"), max_length=2000)
    every = models.PositiveIntegerField(_("every (seconds)"))
    recursive_media = models.BooleanField(_("media too"), default=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    active = models.BooleanField(_("active"), default=True)
    next_at = models.DateTimeField(_("next capture at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("scheduled capture")
        verbose_name_plural = _("scheduled captures")
        ordering = ["next_at"]

    def __str__(self):
        return self.url
