"""Categories and tags: WordPress terms matched by id, or a term of the same slug adopted."""

from litopys.chronicle.models import Category, Tag
from litopys.exchange.wordpress.addresses import slug_for
from litopys.exchange.wordpress.report import ImportReport
from litopys.exchange.wordpress.rows import apply_fields, unique_slug
from litopys.exchange.wordpress.wxr import Item, Term


def save_category(term: Term, report: ImportReport) -> str:
    slug = slug_for(term.slug, f"category-{term.term_id}")
    row = _matching(Category, term, slug)
    parent = Category.objects.filter(slug=slug_for(term.parent, "")).first() if term.parent else None
    if term.parent and parent is None:
        report.warn(f"category “{term.slug}”: its parent “{term.parent}” is not in the export; imported at the top")
    return apply_fields(row, {"name": (term.name or slug)[:200], "slug": unique_slug(Category, slug, row),
                              "description": term.description, "parent": parent, "wp_id": term.term_id or None})


def save_tag(term: Term) -> str:
    slug = slug_for(term.slug, f"tag-{term.term_id}")
    row = _matching(Tag, term, slug)
    return apply_fields(row, {"name": (term.name or slug)[:200], "slug": unique_slug(Tag, slug, row),
                              "wp_id": term.term_id or None})


def item_terms(item: Item, model, domain: str, report: ImportReport) -> list:
    """Return the rows of an item's terms of one taxonomy; a term the export never declared is created."""
    rows = []
    for term in item.terms:
        slug = slug_for(term.slug, "") if term.domain == domain else ""
        if not slug:
            continue
        row = model.objects.filter(slug=slug).first()
        if row is None:
            row = model.objects.create(name=(term.name or slug)[:200], slug=slug)
            report.count(model._meta.model_name, "created")
            report.warn(f"{model._meta.model_name} “{slug}” is used by {item.label} but not declared in the "
                        f"export; created without a WordPress id")
        rows.append(row)
    return rows


def parents_first(terms: list[Term]) -> list[Term]:
    """Order categories so that every parent comes before its children."""
    by_slug, ordered, seen = {term.slug: term for term in terms}, [], set()

    def visit(term: Term) -> None:
        if term.slug in seen:
            return
        seen.add(term.slug)
        if term.parent in by_slug:
            visit(by_slug[term.parent])
        ordered.append(term)

    for term in terms:
        visit(term)
    return ordered


def _matching(model, term: Term, slug: str):
    # A term an editor created by hand before the import is adopted rather than duplicated.
    return (model.objects.filter(wp_id=term.term_id).first() if term.term_id else None) or \
        model.objects.filter(slug=slug, wp_id=None).first() or model()
