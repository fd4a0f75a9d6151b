"""Reads of the documented record that several places need."""


def source_is_cited(source, created: bool = False) -> bool:
    """Tell whether a saved source can change a public page: only through claims that cite it."""
    return not created and source.claims.exists()
