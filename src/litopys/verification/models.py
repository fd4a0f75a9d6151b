"""Review decisions: every change of a claim's status, with who, when and why."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Decision(models.Model):
    """One reviewer's or analyst's decision on a claim; the history is never rewritten."""

    class Action(models.TextChoices):
        ACCEPT = "accept", _("accepted as extracted")
        EDIT = "edit", _("edited")
        CORROBORATE = "corroborate", _("corroborated by independent origins")
        VERIFY = "verify", _("verified")
        DISPUTE = "dispute", _("disputed")
        REJECT = "reject", _("rejected")
        REOPEN = "reopen", _("reopened")

    claim = models.ForeignKey("incidents.Claim", verbose_name=_("claim"), on_delete=models.CASCADE,
                              related_name="decisions")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("status before"), max_length=20)
    to_status = models.CharField(_("status after"), max_length=20)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["claim", "at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} #{self.claim_id} ({self.from_status} → {self.to_status})"


class OriginMerge(models.Model):
    """Staff say two origins relay one statement and must count once."""

    first = models.CharField(_("first origin"), max_length=300, help_text=_("An origin key or source:<id>."))
    second = models.CharField(_("second origin"), max_length=300)
    reason = models.TextField(_("reason"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                             related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    history = HistoricalRecords(verbose_name=_("revision"))

    class Meta:
        verbose_name = _("origin merge")
        verbose_name_plural = _("origin merges")

    def __str__(self):
        return f"{self.first} = {self.second}"


class OriginSplit(models.Model):
    """Staff say a source is an origin of its own, whatever it resembles."""

    source = models.OneToOneField("evidence.Source", verbose_name=_("source"), on_delete=models.CASCADE,
                                  related_name="+")
    reason = models.TextField(_("reason"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                             related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    history = HistoricalRecords(verbose_name=_("revision"))

    class Meta:
        verbose_name = _("origin split")
        verbose_name_plural = _("origin splits")

    def __str__(self):
        return f"source:{self.source_id}"


class BestValue(models.Model):
    """A reviewer's choice of a figure's best value, with the reason readers will see."""

    cell = models.CharField(_("cell"), max_length=200)
    kind = models.CharField(_("kind"), max_length=40)
    qualifiers = models.JSONField(_("qualifiers"), default=dict, blank=True)
    value = models.BigIntegerField(_("best value"))
    reason = models.TextField(_("reason"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                             related_name="+")
    at = models.DateTimeField(_("at"), auto_now=True)
    history = HistoricalRecords(verbose_name=_("revision"))

    class Meta:
        verbose_name = _("reviewer's best value")
        verbose_name_plural = _("reviewers' best values")

    def __str__(self):
        return f"{self.cell} {self.kind} {self.qualifiers}: {self.value}"
