"""The package's JSON documents: the incident with its sites and figures, the claims with their review
decisions, the sources, the items and the custody events — plain dictionaries, ready for `json.dumps`."""

from __future__ import annotations

from litopys.evidence.ledger import canonical_time
from litopys.exchange.packages.contents import Contents
from litopys.figures.selectors import claims_queryset, compute_figures
from litopys.vocab.choices import label


def _day(value) -> str | None:
    return value.isoformat() if value else None


def _moment(value) -> str | None:
    return canonical_time(value) if value else None


def _user(user) -> str:
    return user.get_username() if user is not None else ""


def place(value) -> dict | None:
    if value is None:
        return None
    return {"name": value.name, "name_uk": value.name_uk, "geonames_id": value.geonames_id, "kind": value.kind,
            "oblast": value.admin1.name if value.admin1_id else "", "iso_code": value.iso_code,
            "latitude": value.latitude, "longitude": value.longitude}


def incident_document(contents: Contents) -> dict | None:
    """Return the incident, its sites, the figures its included claims give, and its revision history."""
    incident = contents.incident
    if incident is None:
        return None
    included = [claim.pk for claim in contents.claims]
    views = compute_figures(claims_queryset().filter(pk__in=included)) if included else []
    return {
        "incident": {
            "slug": incident.slug, "title": incident.title, "type": incident.type,
            "type_label": label("incident_types", incident.type), "description": incident.description,
            "start_date": _day(incident.start_date), "start_precision": incident.start_precision,
            "end_date": _day(incident.end_date), "end_precision": incident.end_precision,
            "place": place(incident.place), "geo_precision": incident.geo_precision,
            "parent": incident.parent.slug if incident.parent_id else None,
            "legal_qualifications": [{"code": code, "label": label("legal_qualifications", code)}
                                     for code in incident.legal_qualifications],
            "status": incident.status, "grade": incident.grade, "grade_reason": incident.grade_reason,
            "created_at": _moment(incident.created_at), "updated_at": _moment(incident.updated_at),
        },
        "sites": [{"id": site.pk, "name": site.name, "kind": site.kind, "kind_label": label("site_kinds", site.kind),
                   "place": place(site.place), "latitude": site.latitude, "longitude": site.longitude,
                   "discovered_on": _day(site.discovered_on), "description": site.description}
                  for site in incident.sites.select_related("place__admin1").order_by("pk")],
        "figures": [{**view.to_contract(), "claim_ids": sorted(view.figure.claims),
                     "rejected_claim_ids": sorted(view.figure.rejected)} for view in views],
        "figures_note": "Reconciled from the claims in this package only; claims withheld from it are not counted.",
        "history": [{"at": _moment(rev.history_date), "by": _user(rev.history_user), "type": rev.history_type,
                     "status": rev.status, "title": rev.title, "grade": rev.grade}
                    for rev in incident.history.select_related("history_user").order_by("history_date")],
    }


def claims_document(contents: Contents) -> list[dict]:
    """Return each claim with its quote, attribution, status and every review decision on it."""
    return [{
        "id": claim.pk, "source": claim.source_id, "item": claim.source.item.sha256, "kind": claim.kind,
        "kind_label": label("claim_kinds", claim.kind), "min": claim.min, "max": claim.max,
        "approximate": claim.approximate, "qualifiers": claim.qualifiers, "place": place(claim.place),
        "place_as_named": claim.place_name, "incident": claim.incident.slug if claim.incident_id else None,
        "site": claim.site_id,
        "attributed_to": ({"name": claim.attributed_to.name, "kind": claim.attributed_to.kind,
                           "role": claim.attributed_to.role, "position": claim.attributed_to.position}
                          if claim.attributed_to_id else None),
        "stated_on": _day(claim.stated_on), "refers_to": _day(claim.refers_to), "quote": claim.quote,
        "quote_start": claim.start, "quote_end": claim.end, "extracted_by": claim.extracted_by,
        "status": claim.status, "entered_by": _user(claim.entered_by), "accepted_by": _user(claim.accepted_by),
        "created_at": _moment(claim.created_at), "updated_at": _moment(claim.updated_at),
        "decisions": [{"action": decision.action, "from_status": decision.from_status,
                       "to_status": decision.to_status, "by": _user(decision.user), "at": _moment(decision.at),
                       "reason": decision.reason, "changes": decision.changes}
                      for decision in claim.decisions.all()],
    } for claim in contents.claims]


def sources_document(contents: Contents) -> list[dict]:
    return [{
        "id": source.pk, "kind": source.kind, "kind_label": label("source_kinds", source.kind),
        "title": source.title, "publisher": source.publisher, "author": source.author, "url": source.url,
        "published": _day(source.published), "language": source.language,
        "collected_at": _moment(source.collected_at), "collected_by": source.collected_by,
        "collection_method": source.collection_method, "tool_version": source.tool_version, "notes": source.notes,
        "sensitivity": source.sensitivity, "dossier": source.dossier.name if source.dossier_id else "",
        "item": source.item.sha256, "file_name": source.file_name, "contained_in": source.parent_id,
    } for source in contents.sources]


def item_entry(item, path: str, names: list[str]) -> dict:
    return {"sha256": item.sha256, "path": path, "size": item.size, "media_type": item.media_type,
            "names": names, "derived_from": item.derived_from.sha256 if item.derived_from_id else None,
            "derivation": item.derivation}


def event_entry(event, proof: dict) -> dict:
    return {"sequence": event.sequence, "occurred_at": canonical_time(event.occurred_at), "actor": event.actor,
            "action": event.action, "item_hash": event.item_hash, "details": event.details,
            "prev_hash": event.prev_hash, "entry_hash": event.entry_hash, "proof": proof}


def checkpoint_entry(point) -> dict:
    return {"tree_size": point.tree_size, "root_hash": point.root_hash, "signed_at": canonical_time(point.signed_at),
            "statement": point.statement, "statement_digest": point.statement_digest,
            "public_key": point.public_key, "signature": point.signature,
            "timestamp_proofs": point.timestamp_proofs}
