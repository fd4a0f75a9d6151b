"""How the record's pages say things: dates as precisely as they are known, places, pins, incident cards."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import dateformat
from django.utils.translation import gettext

from litopys.figures.public import PublicFigure
from litopys.incidents.models import DatePrecision, Incident
from litopys.record.selectors import headline
from litopys.vocab.choices import label

#: Day-precise dates as readers write them: "12 September 2022", "12 вересня 2022" (E: month in the genitive).
DAY_FORMAT = "j E Y"
MONTH_FORMAT = "F Y"


def place_name(place) -> str:
    return place.display_name() if place is not None else ""


def date_text(day: date | None, precision: str) -> str:
    """Return a date as precisely as it is known: "12 September 2022", "week of …", "September 2022", "2022"."""
    if day is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return dateformat.format(day, MONTH_FORMAT)
    text = dateformat.format(day, DAY_FORMAT)
    if precision == DatePrecision.WEEK:
        return gettext("week of %(date)s") % {"date": text}
    return text


def period_text(incident: Incident) -> str:
    """Return an incident's dates: its start, and its end when it has one."""
    start = date_text(incident.start_date, incident.start_precision)
    end = date_text(incident.end_date, incident.end_precision)
    if not start and not end:
        return gettext("date not known")
    if not end or end == start:
        return start
    if not start:
        return gettext("until %(end)s") % {"end": end}
    return gettext("%(start)s – %(end)s") % {"start": start, "end": end}


def incident_point(incident: Incident) -> tuple[float, float] | None:
    """Return (latitude, longitude) for a pin: a site's own position, else the incident's place, else a site's."""
    pin = incident_pin(incident)
    return pin[0] if pin else None


def incident_pin(incident: Incident):
    """Return ((latitude, longitude), what the pin can say) or None.

    A site's own position is as precise as the incident says; a pin at a place's centre says only that it
    happened somewhere in that place, whatever precision was entered ("exact" for a town-wide incident would
    mislead).
    """
    sites = list(incident.sites.all())
    for site in sites:
        if site.latitude is not None and site.longitude is not None:
            return (site.latitude, site.longitude), incident.get_geo_precision_display()
    for place in [incident.place, *(site.place for site in sites)]:
        if place is not None and place.latitude is not None and place.longitude is not None:
            return (place.latitude, place.longitude), gettext("somewhere in %(place)s (the pin marks its centre)") % {
                "place": place.display_name()}
    return None


def month_key(incident: Incident) -> str:
    """Return "YYYY-MM" when the incident's month is known, "YYYY" when only its year is, else ""."""
    day = incident.start_date
    if day is None:
        return ""
    return str(day.year) if incident.start_precision == DatePrecision.YEAR else f"{day.year}-{day.month:02d}"


def month_label(key: str) -> str:
    if not key:
        return gettext("Date not known")
    if len(key) == 4:
        return gettext("%(year)s, month not known") % {"year": key}
    return dateformat.format(date(int(key[:4]), int(key[5:]), 1), MONTH_FORMAT)


def timeline_groups(incidents) -> list[tuple[str, list[Incident]]]:
    """Group incidents, already in time order, under month headings."""
    groups: list[tuple[str, list[Incident]]] = []
    for incident in incidents:
        heading = month_label(month_key(incident))
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append(incident)
    return groups


@dataclass
class IncidentCard:
    """An incident with the words a page shows about it, in the active language."""

    incident: Incident
    type_label: str
    dates: str
    place: str
    oblast: str
    figures: list[PublicFigure]
    #: Labels of the legal qualifications documenters gave the incident.
    legal: list[str] = field(default_factory=list)

    @property
    def headline(self) -> list[PublicFigure]:
        return headline(self.figures)


def card(incident: Incident, figures: dict[int, list[PublicFigure]]) -> IncidentCard:
    oblast = incident.place.oblast if incident.place is not None else None
    return IncidentCard(incident, label("incident_types", incident.type), period_text(incident),
                        place_name(incident.place), place_name(oblast) if oblast != incident.place else "",
                        figures.get(incident.pk, []),
                        [label("legal_qualifications", code) for code in incident.legal_qualifications or []])
