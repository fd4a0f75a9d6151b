"""Totals an editor published from the linked lists: numbers only, never a person."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedEstimate(models.Model):
    """A total an editor published: how many victims the linked lists document, and how many multiple-systems
    estimation says there were, with its 95% interval. Numbers only — never a person — and shown on the public
    statistics page until withdrawn."""

    area = models.CharField(_("what it covers"), max_length=200,
                            help_text=_("In readers' words: the place and time the lists cover."))
    lists = models.JSONField(_("lists"), default=list, editable=False)
    documented = models.PositiveIntegerField(_("documented victims"), editable=False)
    estimate = models.FloatField(_("estimated total"), editable=False)
    # xgettext:no-python-format
    low = models.FloatField(_("95% interval: from"), editable=False)
    # xgettext:no-python-format
    high = models.FloatField(_("95% interval: to"), null=True, editable=False,
                             help_text=_("Empty when the interval's upper end lies beyond what was searched."))
    model = models.CharField(_("model"), max_length=100, editable=False)
    chosen_by = models.CharField(_("chosen by"), max_length=10, editable=False)
    note = models.TextField(_("note for readers"), blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("published by"),
                                     on_delete=models.PROTECT, related_name="+", editable=False)
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("withdrawn by"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+", editable=False)
    withdrawn_reason = models.TextField(_("why withdrawn"), blank=True, editable=False)

    class Meta:
        verbose_name = _("published estimate")
        verbose_name_plural = _("published estimates")
        ordering = ["-published_at"]
        permissions = [("publish_estimate", _("Can publish or withdraw a casualty estimate"))]

    def __str__(self):
        return f"{self.area}: {self.documented} / {self.estimate:.0f}"

    @property
    def undocumented(self) -> float:
        return self.estimate - self.documented
