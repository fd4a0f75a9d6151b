"""Vocabularies as Django sees them: model choices and labels in the active language, codes as constants."""

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from litopys import vocab


def language() -> str:
    return (get_language() or "en").split("-")[0]


def choices(name: str):
    """Return a callable giving (code, label) pairs of a vocabulary, for a model field's `choices`."""

    def _choices():
        return [(code, vocab.label(name, code, language())) for code in vocab.codes(name)]

    _choices.__name__ = f"{name}_choices"
    _choices.__qualname__ = _choices.__name__
    return _choices


def label(name: str, code: str) -> str:
    """Return a code's label in the active language; a code the vocabulary lacks is shown as words."""
    try:
        return vocab.label(name, code, language())
    except KeyError:
        return code.replace("_", " ")


def qualifier_label(key: str, value: str) -> str | None:
    """Return the label of a qualifier's value from claim_qualifiers.yaml in the active language ("schools"), or
    None when the vocabulary does not list it."""
    labels = (vocab.load("claim_qualifiers").get(key) or {}).get("values", {}).get(value)
    if not labels:
        return None
    return labels.get(language()) or labels["en"]


def constants(name: str) -> SimpleNamespace:
    """Return a vocabulary's codes as attributes (``SourceKind.WEB_ARCHIVE == "web_archive"``) and ``values``."""
    codes = vocab.codes(name)
    return SimpleNamespace(values=codes, **{code.upper(): code for code in codes})


@deconstructible
class InVocabulary:
    """Validate a list of codes (a JSON field) against a vocabulary: ['not_a_code', 42] is refused."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, value) -> None:
        if not isinstance(value, list):
            raise ValidationError(_("Give a list of codes."), code="invalid")
        known = set(vocab.codes(self.name))
        unknown = [item for item in value if not isinstance(item, str) or item not in known]
        if unknown:
            raise ValidationError(_("Not in the vocabulary: %(codes)s.") % {"codes": ", ".join(map(str, unknown))},
                                  code="unknown")
        if len(set(value)) != len(value):
            raise ValidationError(_("A code is given twice."), code="duplicate")

    def __eq__(self, other):
        return isinstance(other, InVocabulary) and other.name == self.name


# Migrations refer to choices by module-level name, so each vocabulary gets one.
claim_kinds_choices = choices("claim_kinds")
incident_types_choices = choices("incident_types")
site_kinds_choices = choices("site_kinds")
actor_roles_choices = choices("actor_roles")
source_kinds_choices = choices("source_kinds")
grade_choices = choices("grades")
legal_qualifications_choices = choices("legal_qualifications")
