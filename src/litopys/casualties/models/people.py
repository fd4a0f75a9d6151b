"""Victim records: lists as imported, their rows and reviewed persons. Nothing here is public."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DatePrecision(models.TextChoices):
    EXACT = "exact", _("exact day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


class Sex(models.TextChoices):
    MALE = "male", _("male")
    FEMALE = "female", _("female")
    UNKNOWN = "unknown", _("not identified")


class Status(models.TextChoices):
    CIVILIAN = "civilian", _("civilian")
    MILITARY = "military", _("military")
    UNKNOWN = "unknown", _("not known")


class Identification(models.TextChoices):
    UNIDENTIFIED = "unidentified", _("unidentified")
    PRESUMPTIVE = "presumptive", _("presumptively identified")
    CONFIRMED = "confirmed", _("identification confirmed")


class PersonFields(models.Model):
    """What a list row, or a reviewed victim, says about one person (the casualty recording minimum)."""

    full_name = models.CharField(_("name as given"), max_length=500, blank=True)
    surname = models.CharField(_("surname"), max_length=200, blank=True)
    given_name = models.CharField(_("given name"), max_length=200, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=200, blank=True)
    name_latin = models.CharField(_("name in Latin letters as given"), max_length=500, blank=True)
    person_key = models.CharField(_("person key"), max_length=300, blank=True, db_index=True,
                                  help_text=_("One key for the name in any script, for matching only."))
    sex = models.CharField(_("sex as identified"), max_length=10, choices=Sex.choices, blank=True)
    age_min = models.PositiveSmallIntegerField(_("age (from)"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("age (to)"), null=True, blank=True,
                                               help_text=_("Equal to the age from when the age is exact."))
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_precision = models.CharField(_("date of birth precision"), max_length=10,
                                       choices=DatePrecision.choices, blank=True)
    death_date = models.DateField(_("date of death"), null=True, blank=True)
    death_precision = models.CharField(_("date of death precision"), max_length=10,
                                       choices=DatePrecision.choices, blank=True)
    place = models.ForeignKey("places.Place", verbose_name=_("place of death"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    place_text = models.CharField(_("place as given"), max_length=500, blank=True)
    status = models.CharField(_("civilian or military"), max_length=10, choices=Status.choices, blank=True)
    cause_of_death = models.CharField(_("cause of death as documented"), max_length=500, blank=True)
    grave_number = models.CharField(_("grave number"), max_length=50, blank=True)
    body_number = models.CharField(_("body number"), max_length=50, blank=True)
    identification = models.CharField(_("identification"), max_length=20, choices=Identification.choices,
                                      blank=True)
    perpetrator_claimed = models.CharField(_("perpetrator as claimed"), max_length=500, blank=True)

    class Meta:
        abstract = True


class VictimList(models.Model):
    """One imported list of victims (exhumation, police, morgue, relatives): its file is evidence."""

    name = models.SlugField(_("list name"), max_length=100,
                            help_text=_("Short name of the list, the same for every file of it: exhumation, police."))
    source = models.ForeignKey("evidence.Source", verbose_name=_("source"), on_delete=models.PROTECT,
                               related_name="victim_lists")
    file_hash = models.CharField(_("file hash"), max_length=71, db_index=True)
    file_name = models.CharField(_("file name"), max_length=500, blank=True)
    columns = models.JSONField(_("column mapping used"), default=dict,
                               help_text=_("Field → column header, as matched or given at import."))
    headers = models.JSONField(_("headers"), default=list)
    notes = models.JSONField(_("notes on the file"), default=list, blank=True)
    one_row_per_person = models.BooleanField(
        _("one row per person"), default=False,
        help_text=_("Each person is on this list once (one body, one row): linkage never joins two of its rows."))
    reference_year = models.PositiveSmallIntegerField(
        _("year the ages refer to"), null=True, blank=True,
        help_text=_("For rows with an age but no date of death: the list's most common year of death."))
    rows = models.PositiveIntegerField(_("rows imported"), default=0)
    problem_rows = models.PositiveIntegerField(_("rows with problems"), default=0)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.CharField(_("imported by"), max_length=200)
    history = HistoricalRecords(verbose_name=_("revision"))

    class Meta:
        verbose_name = _("victim list")
        verbose_name_plural = _("victim lists")
        ordering = ["name", "imported_at"]
        constraints = [models.UniqueConstraint(fields=["name", "file_hash"], name="casualties_list_once")]

    def __str__(self):
        return f"{self.name} ({self.file_name or self.file_hash[:19]})"


class Victim(PersonFields):
    """One person, as reviewers established from the list records they confirmed are this person."""

    names = models.JSONField(_("names as given in each source"), default=list, blank=True,
                             help_text=_("Every spelling, with its list and row: Cyrillic and Latin."))
    status_basis = models.CharField(_("basis of the status"), max_length=500, blank=True,
                                    help_text=_("What the civilian or military status rests on."))
    identification_method = models.CharField(_("how identified"), max_length=500, blank=True,
                                             help_text=_("DNA, documents, relatives' recognition…"))
    perpetrator_claimed_by = models.CharField(_("perpetrator claimed by"), max_length=500, blank=True)
    incidents = models.ManyToManyField("incidents.Incident", verbose_name=_("incidents"), blank=True,
                                       related_name="victims")
    sites = models.ManyToManyField("incidents.Site", verbose_name=_("sites"), blank=True, related_name="victims")
    claims = models.ManyToManyField("incidents.Claim", verbose_name=_("claims"), blank=True,
                                    related_name="victims")
    evidence_items = models.ManyToManyField("evidence.Item", verbose_name=_("evidence items"), blank=True,
                                            related_name="victims")
    memorial_published = models.BooleanField(
        _("memorial published"), default=False,
        help_text=_("Only an editor publishes, and only with the family's consent recorded below."))
    memorial_text = models.TextField(_("memorial text"), blank=True)
    consent_recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("consent recorded by"),
                                            null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    consent_recorded_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)
    consent_how = models.TextField(_("how consent was given"), blank=True,
                                   help_text=_("Who gave it, in what form, where the record of it is kept."))
    merged_into = models.ForeignKey("self", verbose_name=_("merged into"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="merged")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(verbose_name=_("revision"))

    class Meta:
        verbose_name = _("victim")
        verbose_name_plural = _("victims")
        ordering = ["surname", "given_name", "pk"]
        permissions = [("export_victim", _("Can export victim data")),
                       ("publish_memorial", _("Can publish a memorial entry"))]

    def __str__(self):
        return self.full_name or f"#{self.pk}"


class ListRecord(PersonFields):
    """One row of an imported list: the row as it was, and what was read from it."""

    victim_list = models.ForeignKey(VictimList, verbose_name=_("list"), on_delete=models.PROTECT,
                                    related_name="records")
    row = models.PositiveIntegerField(_("row"), help_text=_("Data row number in the file, from 1."))
    raw = models.JSONField(_("row as given"), default=dict)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    victim = models.ForeignKey(Victim, verbose_name=_("victim"), null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="records",
                               help_text=_("Set only when two people confirmed this record is this person."))
    history = HistoricalRecords(verbose_name=_("revision"), excluded_fields=["raw"])

    class Meta:
        verbose_name = _("list record")
        verbose_name_plural = _("list records")
        ordering = ["victim_list", "row"]
        constraints = [models.UniqueConstraint(fields=["victim_list", "row"], name="casualties_row_once")]

    def __str__(self):
        return f"{self.victim_list.name}:{self.row}"
