"""Regional bodies: "the regional police" named after the oblast a text is about, and the oblast a regional body or
its head speaks for (canonical names in ``speakers.yaml``, section ``regional``)."""

from __future__ import annotations

import functools
import re

import yaml

from .lexicon.loading import alternation
from .speakers import DATA, Speaker, category

#: A body named only as "regional": "the regional police", "поліція області", "обласна прокуратура".
_REGIONAL = re.compile(alternation("speakers", "regional"), re.I)


@functools.cache
def _speaks_for_oblast() -> re.Pattern:
    """The canonical names of regional bodies and roles, with the oblast they speak for as a group."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    oblast = "(" + "|".join(re.escape(name) for name in data["oblasts"]) + ")"
    names = [re.escape(name).replace(re.escape("{oblast}"), oblast, 1) for name in [*data["institutions"],
             *data["roles"]] if "{oblast}" in name]
    return re.compile("|".join(f"(?:{name})" for name in names))


def oblast_spoken_for(speaker: Speaker | None) -> str | None:
    """Return the oblast (the gazetteer's name) a regional body or its head speaks for: "Kharkiv Oblast" for the
    Kharkiv Regional Military Administration or its head; None for anyone else."""
    for name in (speaker.name, speaker.role) if speaker is not None else ():
        match = _speaks_for_oblast().fullmatch(name or "")
        if match is not None:
            oblast = next(group for group in match.groups() if group)
            return oblast + _regional_names()["oblast_suffix"]
    return None


@functools.cache
def _regional_names() -> dict[str, str]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))["regional"]


def regional(name: str, oblast: str | None) -> str | None:
    """Return the canonical name of a regional body named without its region, given the oblast of the text."""
    kind = category(name)
    names = _regional_names()
    if not oblast or kind not in names or not _REGIONAL.search(name):
        return None
    return names[kind].format(oblast=oblast, short=oblast.removesuffix(names["oblast_suffix"]))
