"""Model choices from the YAML vocabularies, labelled in the active language."""

from django.utils.translation import get_language

from litopys import vocab


def choices(name: str):
    """Return a callable giving (code, label) pairs of a vocabulary, for a model field's `choices`."""

    def _choices():
        language = (get_language() or "en")[:2]
        return [(code, vocab.label(name, code, language)) for code in vocab.codes(name)]

    _choices.__name__ = f"{name}_choices"
    _choices.__qualname__ = _choices.__name__
    return _choices


def label(name: str, code: str) -> str:
    """Return a code's label in the active language, or the code itself when unknown."""
    try:
        return vocab.label(name, code, (get_language() or "en")[:2])
    except KeyError:
        return code


# Migrations refer to choices by module-level name, so each vocabulary gets one.
claim_kinds_choices = choices("claim_kinds")
incident_types_choices = choices("incident_types")
site_kinds_choices = choices("site_kinds")
actor_roles_choices = choices("actor_roles")


def grade_choices():
    """Return (code, label) pairs of the incident grades (after Airwars), defined with the verification rules."""
    import yaml

    from litopys import vocab

    path = vocab.FOLDER.parent / "verification" / "grades.yaml"
    language = (get_language() or "en")[:2]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(code, entry["label"].get(language) or entry["label"]["en"]) for code, entry in data.items()]
