"""Template words for the review screens."""

from django import template

from litopys.figures.naming import qualifier_text
from litopys.review.wording import extracted_text

register = template.Library()


@register.filter
def qualifier_words(qualifiers) -> str:
    """Qualifiers as words: {"sex": "female"} → "women"."""
    return qualifier_text(qualifiers or {})


@register.filter
def found_by(claim) -> str:
    return extracted_text(claim)
