"""The documented record: incidents, sites and actors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from litopys.vocab.choices import (
    InVocabulary,
    actor_roles_choices,
    grade_choices,
    incident_types_choices,
    site_kinds_choices,
)


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


class GeoPrecision(models.TextChoices):
    EXACT = "exact", _("exact location")
    NEAR = "near", _("near the place")
    REGION = "region", _("somewhere in the region")


class RecordStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_REVIEW = "in_review", _("in review")
    PUBLISHED = "published", _("published")
    ARCHIVED = "archived", _("archived")


class Incident(models.Model):
    """Something that happened: a killing, a mass burial, torture at a site, a period of occupation."""

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    type = models.CharField(_("type"), max_length=40, choices=incident_types_choices)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    start_precision = models.CharField(_("start date precision"), max_length=10, choices=DatePrecision.choices,
                                       default=DatePrecision.DAY,
                                       help_text=_("As in ACLED: how exactly the date is known."))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_precision = models.CharField(_("end date precision"), max_length=10, choices=DatePrecision.choices,
                                     default=DatePrecision.DAY)
    place = models.ForeignKey("places.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="incidents")
    geo_precision = models.CharField(_("geo-precision"), max_length=10, choices=GeoPrecision.choices,
                                     default=GeoPrecision.NEAR)
    parent = models.ForeignKey("self", verbose_name=_("part of"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    legal_qualifications = models.JSONField(
        _("legal qualifications"), default=list, blank=True,
        validators=[InVocabulary("legal_qualifications")],
        help_text=_("Codes from the legal qualifications vocabulary (Rome Statute, Criminal Code of Ukraine)."))
    status = models.CharField(_("status"), max_length=20, choices=RecordStatus.choices, default=RecordStatus.DRAFT)
    grade = models.CharField(_("grade"), max_length=20, choices=grade_choices, blank=True,
                             help_text=_("A reviewer's grading of the evidence (see the methodology page)."))
    grade_reason = models.TextField(_("reason for the grade"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(verbose_name=_("revision"))

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-start_date", "title"]

    def __str__(self):
        return self.title


class Site(models.Model):
    """A place where crimes were documented: a mass grave, a detention or torture site, a filtration camp."""

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=40, choices=site_kinds_choices)
    place = models.ForeignKey("places.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="sites")
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    discovered_on = models.DateField(_("discovered on"), null=True, blank=True)
    incident = models.ForeignKey(Incident, verbose_name=_("incident"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="sites")
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords(verbose_name=_("revision"))

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ActorKind(models.TextChoices):
    PERSON = "person", _("person")
    ORGANISATION = "organisation", _("organisation")


class Actor(models.Model):
    """A person or an organisation who speaks in sources, witnesses, helps, or is accused."""

    kind = models.CharField(_("kind"), max_length=20, choices=ActorKind.choices, default=ActorKind.PERSON)
    name = models.CharField(_("name"), max_length=300, unique=True)
    names = models.JSONField(_("names in other scripts"), default=list, blank=True,
                             help_text=_("Spellings in Ukrainian, Russian and Latin script."))
    role = models.CharField(_("role"), max_length=40, choices=actor_roles_choices, blank=True)
    position = models.CharField(_("position"), max_length=300, blank=True,
                                help_text=_("As the sources give it, e.g. Head of the National Police."))
    notes = models.TextField(_("notes"), blank=True)
    #: One key for a person's name in any script ("Ігор Клименко", "Ihor Klymenko" → "ihor klymenko").
    match_key = models.CharField(_("match key"), max_length=300, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.position})" if self.position else self.name

    def save(self, *args, **kwargs):
        from litopys.names import person_key

        self.match_key = person_key(self.name)[:300] if self.kind == ActorKind.PERSON else ""
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "match_key"}
        super().save(*args, **kwargs)
