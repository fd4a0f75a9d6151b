"""Save a row only when something changed, so that importing the same export again changes nothing."""

#: Written into the revision history of every post the import saves.
CHANGE_REASON = "Imported from WordPress"


def apply_fields(row, fields: dict) -> str:
    """Set fields on a row and save it if it is new or anything changed; return the outcome."""
    created = row.pk is None
    changed = [name for name, value in fields.items() if created or getattr(row, name) != value]
    if not changed:
        return "unchanged"
    for name in changed:
        setattr(row, name, fields[name])
    row._change_reason = CHANGE_REASON
    row.save()
    return "created" if created else "updated"


def unique_slug(model, slug: str, row) -> str:
    """Return slug, or slug-2, slug-3… when another row of the model has it."""
    candidate, n = slug, 2
    while model.objects.filter(slug=candidate).exclude(pk=row.pk).exists():
        candidate, n = f"{slug[:190]}-{n}", n + 1
    return candidate
