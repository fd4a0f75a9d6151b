"""Victim records: lists as imported, their rows, reviewed persons, link runs and two-person review, and published
estimates.

Nothing here is public. A victim's name reaches a public page only through a memorial entry an editor
publishes with the consent recorded; public pages get numbers from `selectors.documented_counts`.
"""

from .estimates import PublishedEstimate
from .linkage import Cluster, LinkedPair, LinkRun, Proposal
from .people import DatePrecision, Identification, ListRecord, PersonFields, Sex, Status, Victim, VictimList

__all__ = [
    "Cluster", "DatePrecision", "Identification", "LinkRun", "LinkedPair", "ListRecord", "PersonFields", "Proposal",
    "PublishedEstimate", "Sex", "Status", "Victim", "VictimList",
]
