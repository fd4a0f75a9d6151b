"""Word the sentences of reconciliation in the active language: gettext for templates, Django's dates and numbers."""

from datetime import date

from django.utils import formats
from django.utils.translation import get_language, gettext, ngettext

from litopys.figures.wording import Wording, say


class Localised:
    """`wording.Words` for the language active now (a page's reader, the command line's user)."""

    @property
    def language(self) -> str:
        return (get_language() or "en").split("-")[0]

    def gettext(self, message: str) -> str:
        return gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return ngettext(singular, plural, n)

    def date(self, day: date) -> str:
        return formats.date_format(day, "j E Y")

    def number(self, value: int) -> str:
        return formats.number_format(value, use_l10n=True, force_grouping=True)


LOCALISED = Localised()


def sentence(wording: Wording | None, english: str = "") -> str:
    """Return a sentence in the active language, or the English one when there is nothing to word."""
    return say(wording, LOCALISED) if wording is not None else english


def flag_sentence(flag) -> str:
    return sentence(flag.wording, flag.message)
