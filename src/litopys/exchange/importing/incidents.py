"""Incidents from CSV, matched by slug: a new slug is created, a known one updated when a value differs,
left alone when none does. Parents may come later in the same file; they are linked once every row is in."""

from __future__ import annotations

import re

from litopys.exchange.importing.values import RowError, choice, codes_list, day, place, vocabulary_code
from litopys.incidents.models import DatePrecision, GeoPrecision, Incident, RecordStatus

SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
FIELDS = ("title", "type", "description", "start_date", "start_precision", "end_date", "end_precision", "place",
          "geo_precision", "legal_qualifications", "status")


class IncidentRows:
    kind = "incidents"
    required = ("slug", "title", "type")

    def __init__(self, rows_slugs: set[str], dry_run: bool = False, user=None):
        self.in_file = rows_slugs
        self.parents: dict[str, str] = {}
        self.outcomes: dict[str, str] = {}

    @staticmethod
    def key(row: dict) -> str:
        return row.get("slug", "")

    def read(self, row: dict) -> dict:
        slug = row.get("slug", "")
        if not SLUG.match(slug):
            raise RowError(f"id {slug!r} is not a slug; use letters, digits, '-' and '_' only (at most 120)")
        if not row.get("title"):
            raise RowError("title is empty; every incident needs one")
        if len(row["title"]) > 300:
            raise RowError("title is longer than 300 characters; shorten it")
        if not row.get("type"):
            raise RowError("type is empty; give an incident type (e.g. killing, mass_burial) or its label")
        values = {
            "title": row["title"], "type": vocabulary_code("incident_types", row["type"], "type"),
            "description": row.get("description", ""),
            "start_date": day(row.get("start_date", ""), "start_date"),
            "start_precision": choice(DatePrecision, row.get("start_precision") or "day", "start_precision"),
            "end_date": day(row.get("end_date", ""), "end_date"),
            "end_precision": choice(DatePrecision, row.get("end_precision") or "day", "end_precision"),
            "place": place(row.get("place_geonames_id", ""), row.get("place", ""), row.get("oblast", "")),
            "geo_precision": choice(GeoPrecision, row.get("geo_precision") or "near", "geo_precision"),
            "legal_qualifications": codes_list("legal_qualifications", row.get("legal_qualifications", ""),
                                               "legal_qualifications"),
            "status": choice(RecordStatus, row.get("status") or "draft", "status"),
        }
        if values["start_date"] and values["end_date"] and values["end_date"] < values["start_date"]:
            raise RowError(f"end_date {values['end_date']} is before start_date {values['start_date']}; swap them")
        parent = row.get("parent", "")
        if parent:
            if parent == slug:
                raise RowError("parent names the incident itself; give the incident it is part of")
            if parent not in self.in_file and not Incident.objects.filter(slug=parent).exists():
                raise RowError(f"parent {parent!r} is neither in this file nor in the record; import it first")
        return {"slug": slug, "parent": parent, **values}

    def write(self, values: dict) -> str:
        slug, parent = values.pop("slug"), values.pop("parent")
        self.parents[slug] = parent
        incident = Incident.objects.filter(slug=slug).first()
        if incident is None:
            Incident.objects.create(slug=slug, **values)
            outcome = "created"
        else:
            changed = [name for name in FIELDS if getattr(incident, name) != values[name]]
            if changed:
                for name in changed:
                    setattr(incident, name, values[name])
                incident.save()
            outcome = "updated" if changed else "unchanged"
        self.outcomes[slug] = outcome
        return outcome

    def finish(self, report) -> None:
        """Link each incident to its parent, now that every row of the file is in."""
        found = {incident.slug: incident for incident in Incident.objects.filter(slug__in=self.parents)}
        parents = {p.slug: p for p in Incident.objects.filter(slug__in={p for p in self.parents.values() if p})}
        for slug, parent_slug in self.parents.items():
            incident, parent = found.get(slug), parents.get(parent_slug)
            if incident is None or (parent_slug and parent is None):
                continue
            if incident.parent_id != (parent.pk if parent else None):
                incident.parent = parent
                incident.save(update_fields=["parent", "updated_at"])
                if self.outcomes.get(slug) == "unchanged":
                    report.recount("unchanged", "updated")
