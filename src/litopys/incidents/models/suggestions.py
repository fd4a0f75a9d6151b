"""Incidents the rules suggest from claims, for a person to accept or reject."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from litopys.vocab.choices import (
    incident_types_choices,
)

from .claims import Claim
from .records import Incident


class SuggestionStatus(models.TextChoices):
    OPEN = "open", _("awaiting review")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class IncidentSuggestion(models.Model):
    """Claims from different sources about one kind of event, place and week, proposed as one incident (or as an
    addition to a recorded one) for a reviewer to accept, edit or reject (``incidents.grouping``)."""

    type = models.CharField(_("type"), max_length=40, choices=incident_types_choices)
    place = models.ForeignKey("places.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    place_name = models.CharField(_("place as named"), max_length=200, blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    claims = models.ManyToManyField(Claim, verbose_name=_("claims"), related_name="suggestions")
    incident = models.ForeignKey(Incident, verbose_name=_("add to incident"), null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="suggestions",
                                 help_text=_("A recorded incident the claims would be added to; empty for a new one."))
    evidence = models.JSONField(_("evidence"), default=dict, blank=True,
                                help_text=_("Why the claims go together: event, place, days and sources."))
    status = models.CharField(_("status"), max_length=20, choices=SuggestionStatus.choices,
                              default=SuggestionStatus.OPEN)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("incident suggestion")
        verbose_name_plural = _("incident suggestions")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return f"{self.get_type_display()}, {self.place or self.place_name}, {self.start_date}"
