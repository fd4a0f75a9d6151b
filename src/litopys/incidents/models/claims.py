"""The claims sources make about the record: who claimed which figure, and the opinions beside them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from litopys.vocab.choices import (
    claim_kinds_choices,
)

from .records import Actor, Incident, Site


class ClaimStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("needs review")
    CORROBORATED = "corroborated", _("corroborated")
    VERIFIED = "verified", _("verified")
    DISPUTED = "disputed", _("disputed")
    REJECTED = "rejected", _("rejected")


#: Statuses a reviewer's decision gave: a claim in one of them is part of the review record.
DECIDED = (ClaimStatus.CORROBORATED, ClaimStatus.VERIFIED, ClaimStatus.DISPUTED, ClaimStatus.REJECTED)
#: Statuses that vouch for what a claim says: changing what it says takes them away.
VOUCHED = (ClaimStatus.CORROBORATED, ClaimStatus.VERIFIED)


class ClaimQuerySet(models.QuerySet):
    def update(self, **kwargs):
        from litopys.incidents.integrity import SUBSTANCE, ClaimChangeRefused

        touched = {name.removesuffix("_id") for name in kwargs} & {name.removesuffix("_id") for name in SUBSTANCE}
        if touched or "verified_seal" in kwargs or kwargs.get("status") == ClaimStatus.VERIFIED:
            raise ClaimChangeRefused(
                f"claims are changed one by one, so that each change is reviewed; refused a bulk change of "
                f"{', '.join(sorted(touched or {'status'}))}")
        return super().update(**kwargs)

    def reviewed(self):
        """Return the claims a reviewer ever decided on or accepted (their history says so)."""
        ever = Claim.history.filter(id__in=self.values("pk")).exclude(status=ClaimStatus.UNVERIFIED)
        return self.filter(models.Q(status__in=DECIDED) | models.Q(accepted_by__isnull=False)
                           | models.Q(pk__in=ever.values("id")))

    def delete(self):
        from litopys.incidents.integrity import ClaimChangeRefused

        if self.reviewed().exists():
            raise ClaimChangeRefused("claims a reviewer decided on are never deleted; reject them instead")
        return super().delete()


class Claim(models.Model):
    """What one source says: who counted what, where, when — with the exact words it came from."""

    source = models.ForeignKey("evidence.Source", verbose_name=_("source"), on_delete=models.PROTECT,
                               related_name="claims")
    kind = models.CharField(_("kind"), max_length=40, choices=claim_kinds_choices)
    min = models.BigIntegerField(_("at least"), null=True, blank=True)
    max = models.BigIntegerField(_("at most"), null=True, blank=True)
    approximate = models.BooleanField(_("approximate"), default=False)
    qualifiers = models.JSONField(_("qualifiers"), default=dict, blank=True,
                                  help_text=_("Only what the text states: sex, age, status."))
    place = models.ForeignKey("places.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="claims")
    place_name = models.CharField(_("place as named"), max_length=200, blank=True,
                                  help_text=_("Kept also when the place is not in the gazetteer."))
    incident = models.ForeignKey(Incident, verbose_name=_("incident"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="claims")
    site = models.ForeignKey(Site, verbose_name=_("site"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="claims")
    attributed_to = models.ForeignKey(Actor, verbose_name=_("attributed to"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="claims")
    stated_on = models.DateField(_("stated on"), null=True, blank=True)
    refers_to = models.DateField(_("refers to"), null=True, blank=True)
    quote = models.TextField(_("quote"))
    start = models.PositiveIntegerField(_("quote start"), help_text=_("Character offset in the source text."))
    end = models.PositiveIntegerField(_("quote end"))
    extracted_by = models.CharField(_("extracted by"), max_length=100,
                                    help_text=_("Rule set and version, or person:<user name>."))
    status = models.CharField(_("status"), max_length=20, choices=ClaimStatus.choices,
                              default=ClaimStatus.UNVERIFIED)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("accepted by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    verified_seal = models.CharField(_("verification seal"), max_length=64, blank=True, editable=False,
                                     help_text=_("Keyed hash of what the claim said when it was verified."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(verbose_name=_("revision"))

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["source", "start"]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value_text()}"

    def save(self, *args, **kwargs):
        """Save; a status changes only by a review decision, and a change to what an accepted, corroborated or
        verified claim says takes the acceptance away and sends it back to review — however the save is reached
        (admin, history revert, shell)."""
        from litopys.incidents import integrity

        decided = getattr(self, "_decided", False)
        stored = type(self).objects.filter(pk=self.pk).first() if self.pk else None
        if not decided:
            self.status = stored.status if stored is not None else ClaimStatus.UNVERIFIED
        reopened = None
        if stored is not None:
            changed = integrity.changed_fields(integrity.substance(stored), integrity.substance(self))
            if changed and (stored.status in VOUCHED or stored.accepted_by_id):
                # whoever vouched for the old words did not vouch for these: a second person looks again
                reopened = (stored.status, changed)
                if stored.status in VOUCHED:
                    self.status = ClaimStatus.UNVERIFIED
                self.accepted_by = None
        if self.status != ClaimStatus.VERIFIED or reopened:
            self.verified_seal = ""
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "status", "verified_seal", "accepted_by"}
        super().save(*args, **kwargs)
        if reopened:
            from litopys.incidents.signals import claim_reopened

            claim_reopened.send(sender=type(self), claim=self, from_status=reopened[0], changed=reopened[1])

    def delete(self, *args, **kwargs):
        from litopys.incidents.integrity import ClaimChangeRefused

        if self.pk and type(self).objects.filter(pk=self.pk).reviewed().exists():
            raise ClaimChangeRefused("claims a reviewer decided on are never deleted; reject them instead")
        return super().delete(*args, **kwargs)

    def value_text(self) -> str:
        if self.min is not None and self.min == self.max:
            return f"≈{self.min}" if self.approximate else str(self.min)
        if self.min is not None and self.max is None:
            return f"≥{self.min}"
        if self.max is not None and self.min is None:
            return f"≤{self.max}"
        return f"{self.min}–{self.max}"


class OpinionSpan(models.Model):
    """A stretch of a source's text that evaluates or exhorts rather than reports; it yields no claims."""

    source = models.ForeignKey("evidence.Source", verbose_name=_("source"), on_delete=models.CASCADE,
                               related_name="opinion_spans")
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))

    class Meta:
        verbose_name = _("opinion span")
        verbose_name_plural = _("opinion spans")
        ordering = ["source", "start"]

    def __str__(self):
        return f"{self.source_id}:{self.start}-{self.end}"
