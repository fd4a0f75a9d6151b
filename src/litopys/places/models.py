"""Places stored for reference from incidents and claims: a copy of the gazetteer, loaded by `litopys places load`."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    SETTLEMENT = "settlement", _("settlement")
    OBLAST = "oblast", _("oblast")
    COUNTRY = "country", _("country")


class PlaceQuerySet(models.QuerySet):
    def for_mention(self, mention):
        """Return the stored place a gazetteer PlaceMention names, or None (unknown place, table not loaded)."""
        if mention is None or mention.place is None or mention.place.geonames_id is None:
            return None
        return self.filter(geonames_id=mention.place.geonames_id).first()

    def oblasts(self):
        return self.filter(kind=PlaceKind.OBLAST)


class Place(models.Model):
    """A settlement, first-level division or the country, as the gazetteer knows it."""

    geonames_id = models.PositiveIntegerField(_("GeoNames id"), unique=True, null=True, blank=True,
                                              help_text=_("Identifier of the place in GeoNames."))
    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices, default=PlaceKind.SETTLEMENT)
    name = models.CharField(_("name"), max_length=200, db_index=True,
                            help_text=_("English name, transliterated from Ukrainian: Izium, Kharkiv."))
    name_uk = models.CharField(_("Ukrainian name"), max_length=200, blank=True)
    name_ru = models.CharField(_("Russian name"), max_length=200, blank=True)
    alternate_names = models.JSONField(_("alternate names"), default=list, blank=True,
                                       help_text=_("Other spellings and former names the gazetteer matches."))
    admin1 = models.ForeignKey("self", verbose_name=_("oblast"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="places", limit_choices_to={"kind": PlaceKind.OBLAST},
                               help_text=_("First-level division the place lies in; an oblast's is itself."))
    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=6, blank=True, db_index=True,
                                help_text=_("Code of the division the place is or lies in, e.g. UA-63."))
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    population = models.PositiveBigIntegerField(_("population"), default=0)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["kind", "name"]

    def __str__(self):
        """The place in the active language, with its oblast: "Ізюм, Харківська область", "Izium, Kharkiv Oblast"."""
        if self.kind == PlaceKind.SETTLEMENT and self.admin1_id:
            return f"{self.display_name()}, {self.admin1.display_name()}"
        return self.display_name()

    def display_name(self) -> str:
        """Return the place's name in the active language: Ізюм on the Ukrainian site, Izium on the English."""
        return (self.name_uk if (get_language() or "").startswith("uk") else "") or self.name

    @property
    def oblast(self):
        """Return the oblast the place lies in (an oblast is its own), or None."""
        return self if self.kind == PlaceKind.OBLAST else self.admin1
