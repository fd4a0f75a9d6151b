"""Staff screen for the gazetteer: searchable, read-only (`litopys places load` fills it)."""

from django.contrib import admin

from litopys.core.admin_base import ReadOnlyAdmin
from litopys.places.models import Place


@admin.register(Place)
class PlaceAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ("name", "name_uk", "name_ru", "kind", "admin1", "iso_code", "population", "geonames_id")
    list_filter = ("kind", ("admin1", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("admin1",)
    search_fields = ("name", "name_uk", "name_ru", "=iso_code", "=geonames_id")
    ordering = ("-population",)
    readonly_fields = ("geonames_id", "kind", "name", "name_uk", "name_ru", "alternate_names", "admin1", "iso_code",
                       "latitude", "longitude", "population")
    fields = readonly_fields


