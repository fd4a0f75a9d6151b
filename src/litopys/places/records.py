"""The plain records the gazetteer hands out: a place, and a place named in a text."""

from dataclasses import dataclass

SETTLEMENT = "settlement"
OBLAST = "oblast"
COUNTRY = "country"


@dataclass(frozen=True)
class Place:
    """A settlement, first-level division (oblast, Crimea, Kyiv, Sevastopol) or the country."""

    geonames_id: int | None
    name: str
    kind: str
    admin1: str | None
    admin1_code: str | None
    latitude: float | None
    longitude: float | None
    population: int
    name_uk: str = ""
    name_ru: str = ""

    def __str__(self) -> str:
        if self.kind == SETTLEMENT and self.admin1:
            return f"{self.name}, {self.admin1}"
        return self.name


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: where, as written, and which place it is if the gazetteer knows it.

    A district (raion) is no place of the gazetteer: "Чугуївський район" has ``place`` None, ``name``
    "Chuhuiv district" and ``centre`` the settlement it is named after (which gives its oblast).
    """

    start: int
    end: int
    text: str
    name: str
    place: Place | None
    #: For a district: the settlement it is named after and run from; None for any other mention.
    centre: Place | None = None
