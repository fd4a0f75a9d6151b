"""Record linkage: one run over every list record, the clusters it proposes, their pairs, and the two-person review
that merges a cluster into a victim."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .people import ListRecord, Victim


class LinkRun(models.Model):
    """One run of record linkage over every list record, with the model it estimated."""

    engine = models.CharField(_("engine"), max_length=20)
    threshold = models.FloatField(_("match probability threshold"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    started_by = models.CharField(_("started by"), max_length=200)
    records = models.PositiveIntegerField(_("records"), default=0)
    clusters = models.PositiveIntegerField(_("clusters"), default=0)
    lists = models.JSONField(_("lists"), default=list)
    model = models.JSONField(_("model"), default=dict, blank=True,
                             help_text=_("The estimated model: each comparison's levels with m and u."))
    labelled_pairs = models.PositiveIntegerField(_("labelled pairs used"), default=0)

    class Meta:
        verbose_name = _("link run")
        verbose_name_plural = _("link runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"#{self.pk} {self.engine} {self.started_at:%Y-%m-%d %H:%M}"


class Cluster(models.Model):
    """Records one link run takes for one person."""

    run = models.ForeignKey(LinkRun, verbose_name=_("link run"), on_delete=models.CASCADE,
                            related_name="cluster_set")
    number = models.PositiveIntegerField(_("number"))
    size = models.PositiveIntegerField(_("records"))
    match_probability = models.FloatField(_("match probability"), null=True, blank=True,
                                          help_text=_("The weakest link that holds the cluster together."))
    victim = models.ForeignKey(Victim, verbose_name=_("victim"), null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="clusters", help_text=_("The reviewed person these records are."))
    records = models.ManyToManyField(ListRecord, verbose_name=_("records"), related_name="clusters")

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["run", "number"]
        constraints = [models.UniqueConstraint(fields=["run", "number"], name="casualties_cluster_once")]

    def __str__(self):
        return f"run {self.run_id} cluster {self.number}"


class LinkedPair(models.Model):
    """Two records the model linked, with the match weights that say why."""

    cluster = models.ForeignKey(Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="pairs")
    left = models.ForeignKey(ListRecord, verbose_name=_("record"), on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(ListRecord, verbose_name=_("other record"), on_delete=models.CASCADE,
                              related_name="+")
    match_probability = models.FloatField(_("match probability"))
    match_weight = models.FloatField(_("match weight"))
    weights = models.JSONField(_("weights by comparison"), default=dict,
                               help_text=_("Comparison → weight in bits; the run's model names the level."))

    class Meta:
        verbose_name = _("linked pair")
        verbose_name_plural = _("linked pairs")

    def __str__(self):
        return f"{self.left_id}–{self.right_id} {self.match_probability:.3f}"


class Proposal(models.Model):
    """A merge or split one staff member proposes; it takes effect when a different person confirms it."""

    class Kind(models.TextChoices):
        ACCEPT = "accept", _("accept a cluster as one person")
        MERGE = "merge", _("merge into one person")
        SPLIT = "split", _("split into several people")

    class State(models.TextChoices):
        OPEN = "open", _("waiting for a second person")
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    groups = models.JSONField(_("people"), help_text=_("Record ids, one list per person."))
    seen = models.JSONField(_("victims seen"), default=dict,
                            help_text=_("Record id → victim id when proposed; a change since makes it stale."))
    reason = models.TextField(_("reason"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("proposed by"),
                                    on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    note = models.TextField(_("note on the decision"), blank=True)
    history = HistoricalRecords(verbose_name=_("revision"))

    class Meta:
        verbose_name = _("merge or split proposal")
        verbose_name_plural = _("merge and split proposals")
        ordering = ["-proposed_at", "-pk"]
        permissions = [("confirm_proposal", _("Can confirm another person's merge or split"))]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk} ({self.get_state_display()})"

    def record_ids(self) -> list[int]:
        return [record for group in self.groups for record in group]
