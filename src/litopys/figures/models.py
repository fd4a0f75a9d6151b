"""A figure's identity, and the choices staff make that shape figures: best values and origin merges and splits."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from litopys.vocab.choices import claim_kinds_choices


class Figure(models.Model):
    """What one figure counts and about what: the claims of one incident (else site, else place), kind and
    qualifiers. Its number is reconciled from the claims whenever it is read; this row gives it a stable
    identity, so that a page can link to it and decisions about it survive renaming an incident."""

    key = models.CharField(_("key"), max_length=400, unique=True, editable=False,
                           help_text=_("What the figure is about, of what kind and qualifiers, by row ids."))
    incident = models.ForeignKey("incidents.Incident", verbose_name=_("incident"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="figures")
    site = models.ForeignKey("incidents.Site", verbose_name=_("site"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="figures")
    place = models.ForeignKey("places.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="figures")
    place_name = models.CharField(_("place as named"), max_length=200, blank=True,
                                  help_text=_("For claims whose place is not in the gazetteer."))
    kind = models.CharField(_("kind"), max_length=40, choices=claim_kinds_choices)
    qualifiers = models.JSONField(_("qualifiers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # What readers were last shown: the figure as it stood when it was last verified. It stays on public pages
    # while a change (an edited claim, a new source) waits for a second reviewer.
    published_min = models.BigIntegerField(_("published: at least"), null=True, blank=True, editable=False)
    published_max = models.BigIntegerField(_("published: at most"), null=True, blank=True, editable=False)
    published_best = models.BigIntegerField(_("published: best value"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("last verified"), null=True, blank=True, editable=False)
    published_claims = models.JSONField(_("verified claims behind the published value"), default=list, blank=True,
                                        editable=False)

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["pk"]

    def __str__(self):
        from litopys.figures.naming import figure_title

        return figure_title(self)


class StaffChoice(models.Model):
    """What staff decided about origins, with who, when and why; its history is kept."""

    reason = models.TextField(_("reason"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                             related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    history = HistoricalRecords(verbose_name=_("revision"), inherit=True)

    class Meta:
        abstract = True


class OriginMerge(StaffChoice):
    """Staff say two origins relay one statement and must count once."""

    first = models.CharField(_("first origin"), max_length=300, help_text=_("An origin key or source:<id>."))
    second = models.CharField(_("second origin"), max_length=300)

    class Meta:
        verbose_name = _("origin merge")
        verbose_name_plural = _("origin merges")

    def __str__(self):
        return f"{self.first} = {self.second}"


class OriginSplit(StaffChoice):
    """Staff say a source is an origin of its own, whatever it resembles."""

    source = models.OneToOneField("evidence.Source", verbose_name=_("source"), on_delete=models.CASCADE,
                                  related_name="+")

    class Meta:
        verbose_name = _("origin split")
        verbose_name_plural = _("origin splits")

    def __str__(self):
        return f"source:{self.source_id}"


class BestValue(models.Model):
    """A reviewer's choice of a figure's best value, with the reason readers will see."""

    figure = models.OneToOneField(Figure, verbose_name=_("figure"), on_delete=models.PROTECT,
                                  related_name="best_value")
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
        return f"{self.figure}: {self.value}"


class Correction(models.Model):
    """A published figure's number changed: what it was, what it is, why and when. Never changed or removed."""

    figure = models.ForeignKey(Figure, verbose_name=_("figure"), on_delete=models.PROTECT,
                               related_name="corrections")
    was_min = models.BigIntegerField(_("was: at least"), null=True)
    was_max = models.BigIntegerField(_("was: at most"), null=True)
    was_best = models.BigIntegerField(_("was: best value"), null=True)
    now_min = models.BigIntegerField(_("now: at least"), null=True)
    now_max = models.BigIntegerField(_("now: at most"), null=True)
    now_best = models.BigIntegerField(_("now: best value"), null=True)
    reason = models.TextField(_("reason"), help_text=_("Shown to readers with the correction."))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                             related_name="+")
    at = models.DateTimeField(_("corrected on"), auto_now_add=True)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.figure}: {self.was_best or self.was_min} → {self.now_best or self.now_min}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("a correction is never changed: record a new one")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("a correction is never removed")
