"""The columns of every dataset table: name, Frictionless type, and what it holds (docs/exports.md says the same).

Ids are stable, so rows link across files: an incident's id is its slug (the same in every installation that
holds it); a site's, a figure's, a claim's and a source's are the record's row ids in the exporting installation.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str


def _columns(*rows: tuple[str, str, str]) -> list[Column]:
    return [Column(*row) for row in rows]


INCIDENTS = _columns(
    ("id", "string", "The incident's slug: stable, and the key other tables link to."),
    ("title", "string", "Title as published."),
    ("type", "string", "Incident type code (vocabulary incident_types)."),
    ("type_label", "string", "The type in words, in the export's language."),
    ("start_date", "date", "First day known; precise only to start_precision."),
    ("start_precision", "string", "day, week, month or year."),
    ("end_date", "date", "Last day known, if any."),
    ("end_precision", "string", "day, week, month or year."),
    ("place_geonames_id", "integer", "GeoNames id of the place."),
    ("place", "string", "The place's English name."),
    ("place_uk", "string", "The place's Ukrainian name."),
    ("oblast", "string", "First-level division the place lies in."),
    ("oblast_iso", "string", "ISO 3166-2 code of that division, e.g. UA-63."),
    ("place_latitude", "number", "Latitude of the place's centre (the gazetteer's), not of the incident."),
    ("place_longitude", "number", "Longitude of the place's centre (the gazetteer's)."),
    ("geo_precision", "string", "exact, near or region: how precisely the incident is placed."),
    ("legal_qualifications", "string", "Codes from the legal qualifications vocabulary, separated by '; '. The "
                                       "documenters' assessment, not a court's finding."),
    ("parent", "string", "Slug of the published incident this one is part of."),
    ("status", "string", "Always 'published': nothing else is exported."),
    ("description", "string", "Description as published."),
    ("url", "string", "The incident's public page."),
)

SITES = _columns(
    ("id", "integer", "The site's id."),
    ("incident", "string", "Slug of its incident (incidents.id)."),
    ("name", "string", "Name as published."),
    ("kind", "string", "Site kind code (vocabulary site_kinds)."),
    ("kind_label", "string", "The kind in words."),
    ("place_geonames_id", "integer", "GeoNames id of the site's place."),
    ("place", "string", "The site's place, in English."),
    ("discovered_on", "date", "When the site was found."),
)

FIGURES = _columns(
    ("id", "integer", "The figure's id; its public page is /figures/ID/."),
    ("incident", "string", "Slug of its incident (incidents.id)."),
    ("kind", "string", "What is counted: claim kind code (vocabulary claim_kinds)."),
    ("kind_label", "string", "The kind in words."),
    ("qualifiers", "string", "Which part is counted, e.g. 'sex=female; age=child'; empty for a total."),
    ("min", "integer", "Lowest value the verified claims support."),
    ("max", "integer", "Highest value the verified claims support."),
    ("best", "integer", "Best value, with its reason on the figure's page; empty when none stands out."),
    ("status", "string", "Always 'verified' (two reviewers)."),
    ("independent_origins", "integer", "How many independent origins the claims come from."),
    ("under_review", "boolean", "True while a change waits for a second reviewer: the numbers are the ones last "
                                "verified."),
    ("withheld_sources", "integer", "Sources behind the figure that are not public: counted, never named."),
    ("url", "string", "The figure's public page."),
)

CLAIMS = _columns(
    ("id", "integer", "The claim's id."),
    ("figure", "integer", "The figure it counts towards (figures.id)."),
    ("incident", "string", "Slug of its incident (incidents.id)."),
    ("source", "integer", "The public source that makes it (sources.id)."),
    ("value", "string", "What the claim says, as a number or a range."),
    ("quote", "string", "The exact words of the source."),
    ("attributed_to", "string", "Who the source says said it."),
)

SOURCES = _columns(
    ("id", "integer", "The source's id."),
    ("kind", "string", "Kind of source, in words."),
    ("title", "string", "Title."),
    ("publisher", "string", "Publisher."),
    ("published", "date", "Date of publication."),
    ("url", "string", "Where it was published (http or https only)."),
)

TABLES = {"incidents": INCIDENTS, "sites": SITES, "figures": FIGURES, "claims": CLAIMS, "sources": SOURCES}
