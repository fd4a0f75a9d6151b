"""Review decisions: every change of a claim's status, with who, when and why."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
