"""Reads of the documented record that several places need."""


def source_is_cited(source, created: bool = False) -> bool:
    """Tell whether a saved source can change a public page: only through claims that cite it."""
    return not created and source.claims.exists()


def readable_claims(user, queryset=None):
    """Return the claims a person may read: those of the sources they may read (litopys.evidence.access)."""
    from litopys.evidence.access import source_filter
    from litopys.incidents.models import Claim

    queryset = Claim.objects.all() if queryset is None else queryset
    return queryset.filter(source_filter(user, "source__")).distinct()
