"""The documented record: incidents, sites, actors, the claims sources make about them, and incidents suggested
from claims."""

from .claims import Claim, ClaimQuerySet, ClaimStatus, OpinionSpan
from .records import Actor, ActorKind, DatePrecision, GeoPrecision, Incident, RecordStatus, Site
from .suggestions import IncidentSuggestion, SuggestionStatus

__all__ = [
    "Actor", "ActorKind", "Claim", "ClaimQuerySet", "ClaimStatus", "DatePrecision", "GeoPrecision", "Incident",
    "IncidentSuggestion", "OpinionSpan", "RecordStatus", "Site", "SuggestionStatus",
]
